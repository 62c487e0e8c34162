package com.breakagency.spring.boot.admin;

import static com.breakagency.spring.boot.admin.ConsoleClient.ADMIN;
import static com.breakagency.spring.boot.admin.ConsoleClient.AGENT;
import static com.breakagency.spring.boot.admin.ConsoleClient.FINANCE;
import static com.breakagency.spring.boot.admin.ConsoleClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.breakagency.core.BreakAgency;
import com.breakagency.ports.api.audit.AuditQuery;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.audit.AuditEvent;
import com.breakagency.ports.model.work.WorkStep;
import com.breakagency.ports.spi.Persistence;
import com.breakagency.spring.boot.web.TestHost;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint of the console over HTTP on a real server (H2, the worker off so steps stay where the test
 * puts them): status, JSON or problem+json body, who may call it; the live stream's events and resume; and
 * no secret, token or full address in anything sent.
 */
@SpringBootTest(classes = TestHost.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:admin-console;DB_CLOSE_DELAY=-1",
    "break.worker.enabled=false",
    "break.admin.enabled=true",
    "break.admin.poll-interval=100ms",
    "break.admin.legacy-integrations-endpoint=true"})
class AdminConsoleWebTest {

    private static final Duration TWO_SECONDS = Duration.ofSeconds(2);

    @LocalServerPort
    int port;
    @Autowired
    BreakAgency agency;
    @Autowired
    Persistence persistence;

    private ConsoleClient client;

    @BeforeEach
    void open() {
        client = new ConsoleClient(port);
    }

    @AfterEach
    void nothingSecretWasSent() {
        client.close();
        client.assertNothingSecretWasSent();
    }

    @Test
    void the_page_is_served_from_the_jar_with_its_script_and_styles_and_no_third_party() throws Exception {
        HttpResponse<String> redirect = client.send("GET", "/break-admin");
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location")).hasValue("break-admin/");

        HttpResponse<String> page = client.send("GET", "/break-admin/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("script-src 'self'").contains("connect-src 'self'"));
        assertThat(page.body()).contains("static/console.js", "static/console.css", "id=\"workflow\"", "id=\"integrations\"")
                .doesNotContain("http://", "https://");

        HttpResponse<String> script = client.send("GET", "/break-admin/static/console.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
        assertThat(script.body()).contains("EventSource").doesNotContain("http://", "https://");
        assertThat(client.send("GET", "/break-admin/static/console.css").statusCode()).isEqualTo(200);
        assertThat(client.send("GET", "/break-admin/static/application.properties").statusCode()).isEqualTo(404);
    }

    @Test
    void every_endpoint_is_401_without_an_actor_and_403_for_anyone_but_an_administrator() throws Exception {
        List<String[]> endpoints = List.of(
                new String[] {"GET", "/break-admin/api/health"}, new String[] {"GET", "/break-admin/api/integrations"},
                new String[] {"GET", "/break-admin/api/dead-steps"}, new String[] {"POST", "/break-admin/api/dead-steps/x-1/retry"},
                new String[] {"POST", "/break-admin/api/janitor/run"}, new String[] {"GET", "/break-admin/api/errors"},
                new String[] {"GET", "/break-admin/api/events"}, new String[] {"GET", "/api/admin/diagnostics/integrations"});
        for (String[] endpoint : endpoints) {
            JsonNode nobody = problem(client.send(endpoint[0], endpoint[1]), 401, "UNAUTHENTICATED");
            assertThat(nobody.get("reason").asString()).as(endpoint[1]).isEqualTo("NO_ACTOR");
            problem(client.send(endpoint[0], endpoint[1], AGENT), 403, "FORBIDDEN");
            problem(client.send(endpoint[0], endpoint[1], FINANCE), 403, "FORBIDDEN");
        }
    }

    @Test
    void health_shows_the_sections_and_reasons_of_the_diagnostics() throws Exception {
        Steps.aDeadStep(agency, persistence.workQueue());
        JsonNode health = client.json(client.send("GET", "/break-admin/api/health", ADMIN), 200);
        assertThat(health.get("status").asString()).isIn("DEGRADED", "DOWN");
        assertThat(health.get("reasons").toString()).contains("DEAD");
        JsonNode workflow = health.get("workflow");
        assertThat(workflow.get("deadSteps").asLong()).isPositive();
        assertThat(workflow.get("queueDepth").get("ENSURE_COMMISSIONS").get("DEAD").asLong()).isPositive();
        assertThat(workflow.get("paidWithoutCommissions").asLong()).isPositive();
        assertThat(workflow.has("janitor")).isTrue();
        assertThat(health.get("integrations").get("status").asString()).isEqualTo("UP");
    }

    @Test
    void integrations_are_served_in_the_old_endpoints_shape_at_both_paths() throws Exception {
        JsonNode view = client.json(client.send("GET", "/break-admin/api/integrations", ADMIN), 200);
        JsonNode gmail = view.get("gmail");
        assertThat(gmail.get("totalConnections").asLong()).isZero();
        assertThat(gmail.get("connectedCount").asLong()).isZero();
        assertThat(gmail.get("errorCount").asLong()).isZero();
        assertThat(gmail.get("recentConnections").isArray()).isTrue();
        JsonNode legacy = client.json(client.send("GET", "/api/admin/diagnostics/integrations", ADMIN), 200);
        assertThat(legacy).isEqualTo(view);
    }

    @Test
    void dead_steps_are_paged_and_a_retry_is_audited_as_the_acting_administrator() throws Exception {
        WorkStep first = Steps.aDeadStep(agency, persistence.workQueue());
        WorkStep second = Steps.aDeadStep(agency, persistence.workQueue());

        JsonNode page = client.json(client.send("GET", "/break-admin/api/dead-steps?limit=1", ADMIN), 200);
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("items").get(0).has("payload")).isFalse();
        String cursor = page.get("nextCursor").asString();
        JsonNode next = client.json(client.send("GET", "/break-admin/api/dead-steps?limit=500&cursor=" + cursor, ADMIN), 200);
        List<String> ids = new java.util.ArrayList<>(List.of(page.get("items").get(0).get("id").asString()));
        next.get("items").forEach(item -> ids.add(item.get("id").asString()));
        assertThat(ids).contains(first.id(), second.id()).doesNotHaveDuplicates();
        problem(client.send("GET", "/break-admin/api/dead-steps?limit=0", ADMIN), 400, "VALIDATION_FAILED");

        JsonNode retried = client.json(client.send("POST", "/break-admin/api/dead-steps/" + first.id() + "/retry", ADMIN), 200);
        assertThat(retried.get("status").asString()).isEqualTo("PENDING");
        assertThat(retried.get("attempts").asInt()).isZero();
        JsonNode again = problem(client.send("POST", "/break-admin/api/dead-steps/" + first.id() + "/retry", ADMIN),
                409, "CONFLICT");
        assertThat(again.get("reason").asString()).isEqualTo("INVALID_STATE_TRANSITION");
        problem(client.send("POST", "/break-admin/api/dead-steps/no-such-step/retry", ADMIN), 404, "NOT_FOUND");

        List<AuditEvent> trail = agency.auditTrail().forEntity(Steps.ADMIN,
                AuditQuery.of(EntityRef.of(EntityType.WORK_STEP, first.id()))).items();
        assertThat(trail).filteredOn(e -> e.action() == AuditAction.STEP_RETRIED)
                .singleElement().satisfies(e -> assertThat(e.actorUserId()).isEqualTo("admin-1"));
    }

    @Test
    void the_janitor_runs_now_and_its_run_is_audited_as_the_acting_administrator() throws Exception {
        JsonNode run = client.json(client.send("POST", "/break-admin/api/janitor/run", ADMIN), 200);
        String runId = run.get("lastRunId").asString();
        assertThat(runId).isNotBlank();
        JsonNode health = client.json(client.send("GET", "/break-admin/api/health", ADMIN), 200);
        assertThat(health.get("workflow").get("janitor").get("lastRunId").asString()).isEqualTo(runId);
        List<AuditEvent> trail = agency.auditTrail().forEntity(Steps.ADMIN,
                AuditQuery.of(EntityRef.of(EntityType.JANITOR_RUN, runId))).items();
        assertThat(trail).filteredOn(e -> e.action() == AuditAction.JANITOR_RAN)
                .singleElement().satisfies(e -> assertThat(e.actorUserId()).isEqualTo("admin-1"));
    }

    @Test
    void recent_errors_are_the_reports_of_this_instance_redacted_and_say_so() throws Exception {
        Steps.aPaidInvoiceWithPendingCommissions(agency);
        JsonNode errors = client.json(client.send("GET", "/break-admin/api/errors", ADMIN), 200);
        assertThat(errors.get("source").asString()).contains("memory of this instance");
        JsonNode latest = errors.get("items").get(0);
        assertThat(latest.get("code").asString()).isEqualTo("WORKFLOW_BREAK");
        assertThat(latest.get("reason").asString()).isEqualTo("COMMISSIONS_PENDING");
        assertThat(latest.get("operation").asString()).isEqualTo("finance.markInvoicePaid");
        assertThat(latest.get("correlationId").asString()).isNotBlank();
        assertThat(latest.get("at").asString()).isNotBlank();
        assertThat(latest.has("detail")).isFalse();
    }

    @Test
    void the_stream_pushes_a_step_going_dead_and_coming_back_and_resumes_from_the_last_event_id() throws Exception {
        BlockingQueue<ConsoleClient.Event> events = client.stream(null, ADMIN);
        ConsoleClient.Event ready = ConsoleClient.await(events, AdminEvents.READY, TWO_SECONDS);
        long readyId = Long.parseLong(ready.id());

        WorkStep step = Steps.aDeadStep(agency, persistence.workQueue());
        ConsoleClient.Event dead = ConsoleClient.await(events, AdminEvents.STEP_DEAD, TWO_SECONDS);
        assertThat(dead.data().get("id").asString()).isEqualTo(step.id());
        assertThat(Long.parseLong(dead.id())).isGreaterThan(readyId);

        client.json(client.send("POST", "/break-admin/api/dead-steps/" + step.id() + "/retry", ADMIN), 200);
        ConsoleClient.Event back = ConsoleClient.await(events, AdminEvents.STEP_BACK, TWO_SECONDS);
        assertThat(back.data().get("id").asString()).isEqualTo(step.id());
        assertThat(Long.parseLong(back.id())).isGreaterThan(Long.parseLong(dead.id()));

        BlockingQueue<ConsoleClient.Event> resumed = client.stream(dead.id(), ADMIN);
        ConsoleClient.await(resumed, AdminEvents.READY, TWO_SECONDS);
        ConsoleClient.Event replayed = ConsoleClient.await(resumed, AdminEvents.STEP_BACK, TWO_SECONDS);
        assertThat(replayed.id()).isEqualTo(back.id());

        BlockingQueue<ConsoleClient.Event> stranger = client.stream("12", ADMIN);
        ConsoleClient.await(stranger, AdminEvents.READY, TWO_SECONDS);
        ConsoleClient.await(stranger, AdminEvents.RESYNC, TWO_SECONDS);
    }
}
