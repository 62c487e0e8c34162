package com.breakagency.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Without the demo, the service starts on H2 with no Java configuration for Break and serves Break's health and
 * problems; its controller (the README's starter snippet) takes a JSON command and the signed-in user's context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:spring-host;DB_CLOSE_DELAY=-1", "reference.demo.enabled=false"})
class SpringHostTest {

    @LocalServerPort
    int port;

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private static HttpRequest.BodyPublisher brand(String name, String domain) {
        return HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"domains\":[\"" + domain
                + "\"],\"ownerAgentId\":\"agent-1\",\"tags\":[]}");
    }

    @Test
    void it_starts_and_serves_breaks_health_and_problems() throws Exception {
        HttpResponse<String> health = send(at("/actuator/health"));
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.body()).contains("\"break\"");

        HttpResponse<String> created = send(at("/brands").header("X-User", "agent-1")
                .header("Content-Type", "application/json").POST(brand("Northwind", "northwind.example")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        assertThat(created.body()).contains("\"name\":\"Northwind\"").contains("northwind.example");

        HttpResponse<String> invalid = send(at("/brands").header("X-User", "agent-1")
                .header("Content-Type", "application/json").POST(brand("", "northwind.example")));
        assertThat(invalid.statusCode()).as(invalid.body()).isEqualTo(400);
        assertThat(invalid.body()).contains("\"code\":\"VALIDATION_FAILED\"").contains("#/name");

        HttpResponse<String> anonymous = send(at("/brands").header("Content-Type", "application/json")
                .POST(brand("Nobody", "nobody.example")));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }
}
