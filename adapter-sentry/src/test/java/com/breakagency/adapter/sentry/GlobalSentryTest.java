package com.breakagency.adapter.sentry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import io.sentry.Breadcrumb;
import io.sentry.Sentry;
import io.sentry.SentryLevel;
import io.sentry.protocol.User;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Break's own client leaves the SDK's global state alone; the host-Sentry mode reports through it
 * without changing the host's scope.
 */
class GlobalSentryTest {

    private final SentryStub breakSentry = new SentryStub();
    private final SentryStub hostSentry = new SentryStub();

    @BeforeEach
    void noGlobalSentry() {
        Sentry.close();
    }

    @AfterEach
    void tearDown() {
        Sentry.close();
        breakSentry.close();
        hostSentry.close();
    }

    private void initHostSentry() {
        Sentry.init(options -> {
            options.setDsn(hostSentry.dsn());
            options.setEnableUncaughtExceptionHandler(false);
            options.setEnableShutdownHook(false);
        });
    }

    private SentryErrorReporter breaksOwnReporter() {
        return SentryErrorReporter.create(SentryReporterOptions.builder().dsn(breakSentry.dsn()).build());
    }

    @Test
    void breaks_own_client_does_not_enable_global_sentry() {
        SentryErrorReporter reporter = breaksOwnReporter();
        assertFalse(Sentry.isEnabled(), "after create");
        try (FailingCalls calls = new FailingCalls(reporter)) {
            calls.fail("user-1", new IllegalStateException("boom"));
        }
        assertEquals("UNHANDLED_ERROR", breakSentry.next().tag("error.code"));
        assertFalse(Sentry.isEnabled(), "after a report");
        reporter.close();
        assertFalse(Sentry.isEnabled(), "after close");
        assertEquals(0, hostSentry.requests());
    }

    @Test
    void a_host_that_initialized_sentry_keeps_reporting_to_its_own_dsn() {
        initHostSentry();
        SentryErrorReporter reporter = breaksOwnReporter();
        try (FailingCalls calls = new FailingCalls(reporter)) {
            calls.fail("user-1", new IllegalStateException("boom"));
        }
        assertEquals("UNHANDLED_ERROR", breakSentry.next().tag("error.code"));
        reporter.close();
        assertTrue(Sentry.isEnabled(), "Break's close() leaves the host's Sentry open");

        Sentry.captureMessage("the host's own message", SentryLevel.INFO);
        SentryStub.Received hostEvent = hostSentry.next();
        @SuppressWarnings("unchecked")
        Map<String, Object> message = (Map<String, Object>) hostEvent.event().get("message");
        assertEquals("the host's own message", message.get("formatted"));
        assertNull(hostEvent.tag("error.code"), "nothing of Break's in the host's event");

        Sentry.flush(SentryStub.WAIT.toMillis());
        hostSentry.assertNoMoreEvents();
        breakSentry.assertNoMoreEvents();
    }

    @Test
    void the_host_sentry_mode_reports_through_the_host_and_leaves_its_scope_unchanged() {
        initHostSentry();
        User hostUser = new User();
        hostUser.setId("host-user");
        hostUser.setEmail("jane@brand.com");
        Sentry.setUser(hostUser);
        Sentry.setTag("host.tag", "kept");
        Sentry.addBreadcrumb(new Breadcrumb("emailed jane@brand.com about the invoice"));

        SentryErrorReporter reporter = SentryErrorReporter.usingHostSentry();
        try (FailingCalls calls = new FailingCalls(reporter)) {
            calls.fail("user-7", "corr-7", BreakException.workflowBreak("INVARIANT_BROKEN", "Split does not add up."));
        }
        SentryStub.Received received = hostSentry.next();
        assertEquals("WORKFLOW_BREAK", received.tag("error.code"));
        assertEquals("corr-7", received.tag("correlation_id"));
        assertEquals("kept", received.tag("host.tag"), "the host's scope data still applies");
        assertEquals(Map.of("id", "user-7"), received.user());
        assertFalse(received.body().contains("jane@brand.com"), received.body());
        assertTrue(received.body().contains("emailed [email] about the invoice"), "the host's breadcrumb, redacted");
        reporter.close();
        assertTrue(Sentry.isEnabled());

        Sentry.captureMessage("after Break's report", SentryLevel.INFO);
        SentryStub.Received after = hostSentry.next();
        assertEquals("host-user", after.user().get("id"), "Break's user did not stay on the host's scope");
        assertNull(after.tag("error.code"), "Break's tags did not stay on the host's scope");
        assertNull(after.tag("correlation_id"));
        assertEquals(0, reporter.droppedReports());
        assertEquals(0, breakSentry.requests());
    }

    @Test
    void the_host_sentry_mode_without_an_initialized_sentry_counts_the_report_as_dropped() {
        SentryErrorReporter reporter = SentryErrorReporter.usingHostSentry();
        try (FailingCalls calls = new FailingCalls(reporter)) {
            assertEquals(ErrorCode.UNHANDLED_ERROR, calls.fail("user-1", new IllegalStateException("boom")).code());
        }
        assertEquals(1, reporter.droppedReports());
        assertFalse(Sentry.isEnabled());
    }
}
