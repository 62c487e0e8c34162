package com.breakagency.adapter.sentry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.error.RedactedThrowable;
import com.breakagency.ports.error.Redaction;
import com.breakagency.ports.spi.ErrorReport;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A failing call through Break's real boundary, sent by the real Sentry SDK to a stub on loopback. */
class BoundaryToSentryTest {

    private final SentryStub sentry = new SentryStub();
    private final SentryErrorReporter reporter = SentryErrorReporter.create(SentryReporterOptions.builder()
            .dsn(sentry.dsn()).environment("test-env").release("back-office@1.0.0").build());
    private final FailingCalls calls = new FailingCalls(reporter);

    @AfterEach
    void tearDown() {
        reporter.close();
        calls.close();
        sentry.close();
    }

    private static RuntimeException mailboxSyncFailure() {
        IOException io = new IOException("token endpoint said: Authorization: Bearer ya29.a0AfH6SMBxxxxx");
        RuntimeException refresh = new RuntimeException("refresh failed, refresh_token=abc123secret was rejected", io);
        IllegalStateException sync = new IllegalStateException("mailbox sync failed for jane@brand.com", refresh);
        return new BreakException(ErrorCode.UNHANDLED_ERROR, "UNEXPECTED_EXCEPTION",
                "Could not sync the mailbox of jane@brand.com.",
                Map.of("contact", "jane@brand.com", "connection", "conn-17"), List.of(), null, sync);
    }

    @Test
    void an_unhandled_error_arrives_as_one_event_with_its_code_user_and_correlation_but_no_secret() {
        BreakException thrown = calls.fail("user-42", "corr-0042", mailboxSyncFailure());
        assertEquals(ErrorCode.UNHANDLED_ERROR, thrown.code());

        SentryStub.Received received = sentry.next();
        Map<String, Object> event = received.event();
        assertEquals("error", event.get("level"));
        assertEquals(List.of("UNHANDLED_ERROR", "UNEXPECTED_EXCEPTION"), event.get("fingerprint"));
        assertEquals("UNHANDLED_ERROR", received.tag("error.code"));
        assertEquals("UNEXPECTED_EXCEPTION", received.tag("error.reason"));
        assertEquals(FailingCalls.OPERATION, received.tag("operation"));
        assertEquals("corr-0042", received.tag("correlation_id"));
        assertEquals(Map.of("id", "user-42"), received.user());
        assertEquals(Map.of("contact", Redaction.EMAIL, "connection", "conn-17"), received.context("break"));
        assertEquals("test-env", event.get("environment"));
        assertEquals("back-office@1.0.0", event.get("release"));
        assertEquals(FailingCalls.OPERATION, event.get("transaction"));
        assertTrue(String.valueOf(event.get("timestamp")).startsWith("2026-03-02T10:15:30"), "timestamp from Break's clock");

        String body = received.body();
        for (String secret : List.of("jane@brand.com", "brand.com", "abc123secret", "ya29", "a0AfH6SMBxxxxx")) {
            assertFalse(body.contains(secret), () -> "the envelope contains " + secret + ":\n" + body);
        }
        assertTrue(body.contains("mailbox sync failed for " + Redaction.EMAIL), "redacted, not dropped");
        assertFalse(body.contains("ip_address"), "no IP address");
        assertFalse(body.contains("{{auto}}"), "no IP address inferred");
        assertFalse(body.contains("server_name"), "no host name");
        assertFalse(body.contains("RedactedThrowable"), "original class names, not the stand-in's");
    }

    @Test
    void the_exception_chain_carries_the_original_class_names_and_stack_traces() {
        calls.fail("user-42", mailboxSyncFailure());

        List<Map<String, Object>> chain = sentry.next().exceptions();
        assertEquals(List.of("IOException", "RuntimeException", "IllegalStateException"),
                chain.stream().map(e -> e.get("type")).toList(), "root cause first, outermost last");
        assertEquals(List.of("java.io", "java.lang", "java.lang"), chain.stream().map(e -> e.get("module")).toList());
        Map<String, Object> outermost = chain.get(2);
        assertEquals("mailbox sync failed for " + Redaction.EMAIL, outermost.get("value"));
        assertEquals("refresh failed, refresh_token=" + Redaction.SECRET + " was rejected", chain.get(1).get("value"));
        @SuppressWarnings("unchecked")
        Map<String, Object> mechanism = (Map<String, Object>) outermost.get("mechanism");
        assertEquals(ReportEvents.MECHANISM, mechanism.get("type"));
        assertEquals(Boolean.TRUE, mechanism.get("handled"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> frames = (List<Map<String, Object>>)
                ((Map<String, Object>) outermost.get("stacktrace")).get("frames");
        assertTrue(frames.stream().anyMatch(f -> BoundaryToSentryTest.class.getName().equals(f.get("module"))
                && "mailboxSyncFailure".equals(f.get("function"))), "the frame that threw: " + frames);
    }

    @Test
    void an_unspecified_reason_is_grouped_by_operation_instead() {
        calls.fail("user-1", BreakException.builder(ErrorCode.WORKFLOW_BREAK).build());

        SentryStub.Received received = sentry.next();
        assertEquals(List.of("WORKFLOW_BREAK", FailingCalls.OPERATION), received.event().get("fingerprint"));
        assertEquals(Reason.UNSPECIFIED, received.tag("error.reason"));
        assertEquals(null, received.event().get("exception"), "no cause, no exception");
    }

    @Test
    void whatever_a_report_still_holds_is_redacted_before_it_leaves() {
        RedactedThrowable cause = new RedactedThrowable("com.example.TokenStore",
                "lookup for jane@brand.com failed", new RedactedThrowable("java.io.IOException",
                "401 for refresh_token=abc123secret with Bearer ya29.a0AfH6SMBxxxxx", null));
        reporter.report(new ErrorReport(ErrorCode.TOKEN_REFRESH_FAILED, "REFRESH_TOKEN_REVOKED",
                "Could not refresh for jane@brand.com", "integrations.refresh", "jane@brand.com", "corr-1",
                Map.of("account", "jane@brand.com", "grant", "refresh_token=abc123secret"),
                Optional.of(cause), FailingCalls.NOW));

        SentryStub.Received received = sentry.next();
        for (String secret : List.of("jane@brand.com", "abc123secret", "ya29")) {
            assertFalse(received.body().contains(secret), () -> "the envelope contains " + secret + ":\n" + received.body());
        }
        assertEquals(Map.of("id", Redaction.EMAIL), received.user());
        assertEquals(Map.of("account", Redaction.EMAIL, "grant", "refresh_token=" + Redaction.SECRET),
                received.context("break"));
        assertEquals(List.of("IOException", "TokenStore"), received.exceptions().stream().map(e -> e.get("type")).toList());
        assertEquals("lookup for " + Redaction.EMAIL + " failed", received.exceptions().get(1).get("value"));
    }

    /** Every shape Redaction removes, as the text that holds it and the part that must not leave. */
    private static final List<List<String>> SHAPES = List.of(
            List.of("mail jane@brand.com", "jane@brand.com"),
            List.of("mail jäne@bücher.example", "bücher"),
            List.of("to=jane.doe%40northwind.example", "northwind"),
            List.of("Authorization: Bearer abcDEF123bearer", "abcDEF123bearer"),
            List.of("Authorization: Basic dXNlcjpwYXNzd29yZA==", "dXNlcjpwYXNzd29yZA"),
            List.of("refresh_token='r3fr3sh-v4lue'", "r3fr3sh-v4lue"),
            List.of("client_secret = 'cl13nt-s3cr3t'", "cl13nt-s3cr3t"),
            List.of("{\"token\": \"t0k3n-v4lue\"}", "t0k3n-v4lue"),
            List.of("token=\\\"esc4ped-t0k3n\\\"", "esc4ped-t0k3n"),
            List.of("password=hunter2pw", "hunter2pw"),
            List.of("X-Api-Key: ap1-k3y-three", "ap1-k3y-three"),
            List.of("cb?code=4/0AbCdEf-gh&x=1", "4/0AbCdEf-gh"),
            List.of("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJqYW5lIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
                    "eyJzdWIiOiJqYW5lIn0"),
            List.of("ya29.a0AfH6SMBx3-yZ_w9", "a0AfH6SMBx3"),
            List.of("1//0gAbCdEfGh-IjK", "0gAbCdEfGh"),
            List.of("sk_live_4eC39HqLyjWDarjtT1zdp7dc", "4eC39HqLyjWDarjtT1zdp7dc"),
            List.of("whsec_5WbX5kEWLlfzsGNjH64I8lOOqUB6e8FH", "5WbX5kEWLlfzsGNjH64I8lOOqUB6e8FH"),
            List.of("GB82 WEST 1234 5698 7654 32", "WEST 1234 5698"),
            List.of("DE89370400440532013000", "DE89370400440532013000"),
            List.of("sk9f8a7s6d5f4g3h2j1k0l9z8x7c6v5b4n", "sk9f8a7s6d5f4g3h2j1k0l9z8x7c6v5b4n"),
            List.of("x\n19:00:00.000 ERROR FAKE LINE", "\n19:00:00.000"));

    @Test
    void every_shape_in_every_field_of_a_report_is_gone_from_the_envelope() {
        String all = String.join(" ; ", SHAPES.stream().map(shape -> shape.get(0)).toList());
        Map<String, String> metadata = new java.util.LinkedHashMap<>();
        SHAPES.forEach(shape -> metadata.put(shape.get(0), shape.get(0)));
        RedactedThrowable cause = new RedactedThrowable("com.example.Driver", all,
                new RedactedThrowable("java.io.IOException", all, null));
        reporter.report(new ErrorReport(ErrorCode.UNHANDLED_ERROR, "UNEXPECTED_EXCEPTION", all, FailingCalls.OPERATION, all,
                "corr-shapes", metadata, Optional.of(cause), FailingCalls.NOW));

        String body = sentry.next().body();

        for (List<String> shape : SHAPES) {
            assertFalse(body.contains(shape.get(1)), () -> "the envelope contains " + shape.get(1) + ":\n" + body);
        }
        // in the JSON text a line break that got through reads x\n19, an escaped one x\\n19
        assertFalse(body.contains("x\\n19:00"), body);
        assertTrue(body.contains("corr-shapes"), "the event arrived: " + body);
    }

    @Test
    void the_level_follows_the_codes_severity() {
        for (ErrorCode code : List.of(ErrorCode.WORKFLOW_BREAK, ErrorCode.INTEGRATION_UNAVAILABLE, ErrorCode.CONFLICT)) {
            reporter.report(new ErrorReport(code, "SOME_REASON", "detail", FailingCalls.OPERATION, "user-1", "corr-" + code,
                    Map.of(), Optional.empty(), FailingCalls.NOW));
        }
        Map<String, Object> levels = new java.util.HashMap<>();
        for (SentryStub.Received received : sentry.next(3)) {
            levels.put(received.tag("error.code"), received.event().get("level"));
        }
        assertEquals(Map.of("WORKFLOW_BREAK", "error", "INTEGRATION_UNAVAILABLE", "warning", "CONFLICT", "info"), levels);
    }

    @Test
    void to_string_names_the_dsns_host_but_never_its_key() {
        assertEquals("SentryErrorReporter[own client to 127.0.0.1]", reporter.toString());
    }

    @Test
    void close_flushes_and_stops_the_sender_thread() throws InterruptedException {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        calls.fail("user-1", new IllegalStateException("boom"));
        sentry.next();
        List<Thread> started = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.getName().startsWith("Sentry")).toList();
        assertFalse(started.isEmpty(), "the client sends on a thread of its own");

        long start = System.nanoTime();
        reporter.close();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(SentryReporterOptions.DEFAULT_FLUSH_TIMEOUT.plusSeconds(1)) < 0, "close took " + took);
        for (Thread thread : started) {
            thread.join(SentryStub.WAIT.toMillis());
            assertFalse(thread.isAlive(), thread.getName() + " still runs after close()");
        }
        assertEquals(0, reporter.droppedReports());
    }
}
