package com.breakagency.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reference service as a client uses it, over HTTP: the CRM and finance through REST from a new brand to a
 * paid invoice's commissions, a mark-paid replayed with its Idempotency-Key, problems for a missing actor and
 * a forbidden role, the seeded demo on the console, and no address or token in any answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    ReferenceServiceTest.DATABASE, ReferenceServiceTest.NO_WORKER})
class ReferenceServiceTest {

    /** The database of this test and of the browser test: one context serves both. */
    static final String DATABASE = "spring.datasource.url=jdbc:h2:mem:reference-rest;DB_CLOSE_DELAY=-1";
    /** Steps stay where the tests put them. */
    static final String NO_WORKER = "break.worker.enabled=false";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] ADMIN = {"X-User", "admin-1", "X-Role", "ADMIN"};
    private static final String[] FINANCE = {"X-User", "finance-1", "X-Role", "FINANCE"};

    @LocalServerPort
    int port;
    private final List<String> captured = new ArrayList<>();

    private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        captured.add(response.body());
        return response;
    }

    private JsonNode ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private static JsonNode problem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("code").asString()).isEqualTo(code);
        return body;
    }

    @AfterEach
    void nothingSecretWasSent() {
        Secrets.assertNoneIn(captured);
    }

    @Test
    void a_deal_goes_from_a_new_brand_to_a_paid_invoice_and_its_commissions() throws Exception {
        String n = UUID.randomUUID().toString().substring(0, 8);
        JsonNode brand = ok(send("POST", "/api/brands", "{\"name\":\"Fabrikam " + n + "\",\"domains\":[\"f" + n
                + ".example\"],\"ownerAgentId\":\"agent-1\"}", ADMIN), 201);
        JsonNode talent = ok(send("POST", "/api/talent", "{\"name\":\"Noor " + n + "\",\"managingAgentId\":\"agent-1\"}",
                ADMIN), 201);
        JsonNode deal = ok(send("POST", "/api/deals", "{\"brandId\":\"" + brand.get("id").asString() + "\",\"talentId\":\""
                + talent.get("id").asString() + "\",\"ownerAgentId\":\"agent-1\",\"title\":\"Launch\",\"valueMinor\":100000,"
                + "\"currency\":\"GBP\"}", ADMIN), 201);
        String dealId = deal.get("id").asString();
        JsonNode moved = ok(send("POST", "/api/deals/" + dealId + "/stage", "{\"version\":" + deal.get("version").asLong()
                + ",\"stage\":\"PAYMENT_PENDING\"}", ADMIN), 200);
        assertThat(moved.get("stage").asString()).isEqualTo("PAYMENT_PENDING");

        JsonNode invoices = ok(send("GET", "/api/deals/" + dealId + "/invoices", null, FINANCE), 200);
        JsonNode draft = invoices.get("items").get(0);
        JsonNode issued = ok(send("POST", "/api/invoices/" + draft.get("id").asString() + "/issue", "{\"version\":"
                + draft.get("version").asLong() + "}", FINANCE), 200);
        assertThat(issued.get("status").asString()).isEqualTo("ISSUED");

        String paid = "{\"receivedOn\":\"2026-11-30\",\"externalReference\":\"bank-" + n + "\"}";
        String path = "/api/invoices/" + issued.get("id").asString() + "/mark-paid";
        JsonNode first = ok(send("POST", path, paid, "X-User", "finance-1", "X-Role", "FINANCE", "Idempotency-Key", "key-" + n), 200);
        JsonNode replay = ok(send("POST", path, paid, "X-User", "finance-1", "X-Role", "FINANCE", "Idempotency-Key", "key-" + n), 200);
        assertThat(replay.get("replayed").asBoolean()).isTrue();
        assertThat(first.get("replayed").asBoolean()).isFalse();
        assertThat(replay.get("payment")).isEqualTo(first.get("payment"));
        assertThat(replay.get("lines")).isEqualTo(first.get("lines"));
        JsonNode reused = problem(send("POST", path, "{\"receivedOn\":\"2026-11-29\",\"externalReference\":\"bank-" + n + "\"}",
                "X-User", "finance-1", "X-Role", "FINANCE", "Idempotency-Key", "key-" + n), 409, "CONFLICT");
        assertThat(reused.get("reason").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");

        JsonNode commissions = ok(send("GET", "/api/commissions?limit=500", null, FINANCE), 200);
        List<Long> amounts = new ArrayList<>();
        commissions.get("items").forEach(line -> {
            if (line.toString().contains(issued.get("id").asString())) {
                amounts.add(line.get("amount").get("minorUnits").asLong());
            }
        });
        assertThat(amounts).containsExactlyInAnyOrder(80_000L, 15_000L, 5_000L);
    }

    @Test
    void callers_are_told_as_problems_when_they_are_unknown_or_may_not() throws Exception {
        problem(send("POST", "/api/brands", "{\"name\":\"Nobody\",\"domains\":[]}"), 401, "UNAUTHENTICATED");
        problem(send("POST", "/api/invoices/01a23439-c859-7001-85e3-5d7de84d6f6d/issue", "{\"version\":1}",
                "X-User", "agent-1", "X-Role", "AGENT"), 403, "FORBIDDEN");
        JsonNode invalid = problem(send("POST", "/api/brands", "{\"name\":\"\",\"domains\":[]}", ADMIN), 400,
                "VALIDATION_FAILED");
        assertThat(invalid.get("errors").get(0).get("pointer").asString()).isEqualTo("#/name");
        JsonNode keyless = problem(send("POST", "/api/invoices/01a23439-c859-7001-85e3-5d7de84d6f6d/mark-paid",
                "{\"receivedOn\":\"2026-11-30\",\"externalReference\":\"x\"}", FINANCE), 400, "VALIDATION_FAILED");
        assertThat(keyless.get("errors").toString()).contains("#/idempotencyKey");
    }

    @Test
    void the_demo_is_seeded_and_the_console_shows_it() throws Exception {
        JsonNode health = ok(send("GET", "/break-admin/api/health", null, ADMIN), 200);
        assertThat(health.get("integrations").get("connections")).hasSize(DemoSeed.MAILBOXES.size());
        health.get("integrations").get("connections").forEach(c ->
                assertThat(c.get("maskedAddress").asString()).contains("***@agency.example"));
        assertThat(health.get("workflow").get("paidWithoutCommissions").asLong()).isPositive();
        assertThat(health.get("workflow").get("queueDepth").has("ENSURE_COMMISSIONS")).isTrue();
        assertThat(send("GET", "/break-admin/", null).statusCode()).isEqualTo(200);
        HttpResponse<String> home = send("GET", "/", null);
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("/demo/login?role=ADMIN");
    }
}
