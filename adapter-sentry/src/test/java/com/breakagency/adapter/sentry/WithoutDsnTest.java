package com.breakagency.adapter.sentry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.breakagency.ports.error.ErrorCode;
import io.sentry.Sentry;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Without a DSN the reporter does nothing at all: no thread, no connection, no exception. */
class WithoutDsnTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void without_a_dsn_the_reporter_is_a_no_op(String dsn) {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());

        SentryErrorReporter reporter = SentryErrorReporter.create(SentryReporterOptions.builder().dsn(dsn).build());
        try (FailingCalls calls = new FailingCalls(reporter)) {
            for (int i = 0; i < 3; i++) {
                assertEquals(ErrorCode.UNHANDLED_ERROR, calls.fail("user-1", new IllegalStateException("boom")).code());
            }
        }
        reporter.close();

        assertFalse(reporter.enabled());
        assertEquals(0, reporter.droppedReports(), "discarding on purpose is not losing");
        assertFalse(Sentry.isEnabled());
        List<String> started = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t)).map(Thread::getName).filter(n -> n.contains("Sentry")).toList();
        assertEquals(List.of(), started, "no thread of the SDK's was started");
        assertEquals("SentryErrorReporter[disabled (no DSN)]", reporter.toString());
    }
}
