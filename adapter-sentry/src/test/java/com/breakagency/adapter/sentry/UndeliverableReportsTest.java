package com.breakagency.adapter.sentry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.ports.error.ErrorCode;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A report Sentry cannot take never fails, slows or changes the call that raised it; close() keeps to
 * its bound; the lost reports are counted.
 */
class UndeliverableReportsTest {

    private static final int CALLS = 5;
    private static final Duration CALL_BOUND = Duration.ofSeconds(1);
    private static final Duration FLUSH = Duration.ofMillis(500);
    private static final Duration CLOSE_MARGIN = Duration.ofSeconds(1);

    private static SentryReporterOptions options(String dsn) {
        return SentryReporterOptions.builder().dsn(dsn).flushTimeout(FLUSH)
                .connectTimeout(Duration.ofSeconds(1)).readTimeout(Duration.ofSeconds(2)).build();
    }

    /** Runs failing calls against a reporter, each within the bound, then closes within its bound. */
    private static SentryErrorReporter failCallsAndClose(String dsn) {
        SentryErrorReporter reporter = SentryErrorReporter.create(options(dsn));
        try (FailingCalls calls = new FailingCalls(reporter)) {
            for (int i = 0; i < CALLS; i++) {
                long start = System.nanoTime();
                ErrorCode code = calls.fail("user-" + i, new IllegalStateException("failure " + i)).code();
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertEquals(ErrorCode.UNHANDLED_ERROR, code, "the call's outcome is its own");
                assertTrue(took.compareTo(CALL_BOUND) < 0, "call " + i + " took " + took);
            }
        }
        long start = System.nanoTime();
        reporter.close();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(FLUSH.plus(CLOSE_MARGIN)) < 0, "close() took " + took);
        return reporter;
    }

    private static void withStub(Consumer<SentryStub> test) {
        try (SentryStub sentry = new SentryStub()) {
            test.accept(sentry);
        }
    }

    @Test
    void sentry_answering_500_does_not_touch_the_call_and_the_losses_are_counted() {
        withStub(sentry -> {
            sentry.answer(500);
            SentryErrorReporter reporter = failCallsAndClose(sentry.dsn());
            assertEquals(CALLS, sentry.requests(), "each report was tried once");
            assertEquals(CALLS, reporter.droppedReports());
        });
    }

    @Test
    void sentry_refusing_connections_does_not_touch_the_call_and_the_losses_are_counted() {
        SentryErrorReporter reporter = failCallsAndClose(SentryStub.refusingDsn());
        assertEquals(CALLS, reporter.droppedReports());
    }

    @Test
    void sentry_stalling_does_not_touch_the_call_and_close_keeps_its_bound() {
        withStub(sentry -> {
            sentry.stall();
            try {
                SentryErrorReporter reporter = failCallsAndClose(sentry.dsn());
                assertTrue(reporter.droppedReports() >= CALLS - 1,
                        "the reports behind the stalled one are dropped at close: " + reporter.droppedReports());
            } finally {
                sentry.release();
            }
        });
    }

    @Test
    void a_report_after_close_is_counted_not_sent() {
        withStub(sentry -> {
            SentryErrorReporter reporter = SentryErrorReporter.create(options(sentry.dsn()));
            reporter.close();
            try (FailingCalls calls = new FailingCalls(reporter)) {
                assertEquals(ErrorCode.UNHANDLED_ERROR, calls.fail("user-1", new IllegalStateException("late")).code());
            }
            assertEquals(1, reporter.droppedReports());
            assertEquals(0, sentry.requests());
        });
    }
}
