package com.breakagency.spring.boot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Over HTTP on a real server: every code renders as problem+json with Break's members and headers, and the
 * Actuator's health and Break's call timer are served. Subclasses run it on H2 and on PostgreSQL.
 */
abstract class WebContract {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private HttpResponse<String> send(String method, String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static final String[] ADMIN = {"X-Test-User", "admin-1", "X-Test-Role", "ADMIN"};

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static JsonNode problem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("code").asString()).isEqualTo(code);
        assertThat(body.get("type").asString()).isNotBlank();
        assertThat(body.get("title").asString()).isNotBlank();
        assertThat(body.has("reason")).isTrue();
        assertThat(body.has("retryable")).isTrue();
        assertThat(body.get("errors").isArray()).isTrue();
        String correlationId = body.get("correlationId").asString();
        assertThat(response.headers().firstValue("X-Correlation-Id")).hasValue(correlationId);
        assertThat(body.get("instance").asString()).isEqualTo("urn:break:correlation:" + correlationId);
        return body;
    }

    @Test
    void validation_failures_carry_field_errors_and_the_callers_correlation_id() throws Exception {
        HttpResponse<String> response = send("POST", "/brands?name=&domain=v" + unique() + ".example",
                "X-Test-User", "admin-1", "X-Test-Role", "ADMIN", "X-Correlation-Id", "req-42");
        JsonNode body = problem(response, 400, "VALIDATION_FAILED");
        assertThat(body.get("correlationId").asString()).isEqualTo("req-42");
        assertThat(body.get("retryable").asBoolean()).isFalse();
        JsonNode error = body.get("errors").get(0);
        assertThat(error.get("pointer").asString()).isEqualTo("#/name");
        assertThat(error.get("constraint").asString()).isNotBlank();
        assertThat(error.get("message").asString()).isNotBlank();
    }

    @Test
    void a_request_without_an_actor_is_401_and_never_reaches_the_agency() throws Exception {
        JsonNode body = problem(send("POST", "/brands?name=Anon&domain=a" + unique() + ".example"), 401, "UNAUTHENTICATED");
        assertThat(body.get("reason").asString()).isEqualTo("NO_ACTOR");
    }

    @Test
    void forbidden_not_found_and_conflict() throws Exception {
        problem(send("GET", "/health", "X-Test-User", "t-1", "X-Test-Role", "TALENT"), 403, "FORBIDDEN");
        problem(send("GET", "/brands/no-such-brand", ADMIN), 404, "NOT_FOUND");
        String domain = "c" + unique() + ".example";
        assertThat(send("POST", "/brands?name=First&domain=" + domain, ADMIN).statusCode()).isEqualTo(200);
        JsonNode conflict = problem(send("POST", "/brands?name=Second&domain=" + domain, ADMIN), 409, "CONFLICT");
        assertThat(conflict.get("reason").asString()).isEqualTo("ALREADY_EXISTS");
    }

    @Test
    void rate_limited_and_unavailable_say_when_to_retry() throws Exception {
        HttpResponse<String> limited = send("GET", "/limited", ADMIN);
        JsonNode body = problem(limited, 429, "RATE_LIMITED");
        assertThat(body.get("retryAfterSeconds").asLong()).isEqualTo(30);
        assertThat(body.get("retryable").asBoolean()).isTrue();
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("30");

        HttpResponse<String> unavailable = send("GET", "/unavailable", ADMIN);
        JsonNode down = problem(unavailable, 503, "INTEGRATION_UNAVAILABLE");
        assertThat(down.get("reason").asString()).isEqualTo("UPSTREAM_RATE_LIMITED");
        assertThat(unavailable.headers().firstValue("Retry-After")).hasValue("60");
    }

    @Test
    void the_actuator_serves_breaks_health_and_call_timer() throws Exception {
        assertThat(send("POST", "/brands?name=Metered&domain=m" + unique() + ".example", ADMIN).statusCode()).isEqualTo(200);

        HttpResponse<String> health = send("GET", "/actuator/health");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        JsonNode breakHealth = JSON.readTree(health.body()).get("components").get("break");
        assertThat(breakHealth.get("status").asString()).isIn("UP", "DEGRADED");
        assertThat(breakHealth.get("details").has("reasons")).isTrue();

        HttpResponse<String> metrics = send("GET", "/actuator/metrics/break.calls?tag=operation:crm.createBrand&tag=outcome:OK");
        assertThat(metrics.statusCode()).as(metrics.body()).isEqualTo(200);
        JsonNode timer = JSON.readTree(metrics.body());
        assertThat(timer.get("name").asString()).isEqualTo("break.calls");
        double count = 0;
        for (JsonNode m : timer.get("measurements")) {
            if ("COUNT".equals(m.get("statistic").asString())) {
                count = m.get("value").asDouble();
            }
        }
        assertThat(count).isGreaterThanOrEqualTo(1);
    }
}
