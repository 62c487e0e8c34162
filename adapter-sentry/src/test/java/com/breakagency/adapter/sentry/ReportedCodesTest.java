package com.breakagency.adapter.sentry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The boundary reports only the codes that say so, and the reporter sends each of them exactly once. */
class ReportedCodesTest {

    private static final Set<ErrorCode> REPORTED = EnumSet.of(ErrorCode.WORKFLOW_BREAK,
            ErrorCode.TOKEN_REFRESH_FAILED, ErrorCode.UNHANDLED_ERROR, ErrorCode.PERSISTENCE_UNAVAILABLE);

    private static BreakException failure(ErrorCode code) {
        return switch (code) {
            case CONFLICT -> BreakException.conflict("VERSION_MISMATCH", "Changed meanwhile.");
            case NOT_FOUND -> BreakException.notFound("brand", "b-1");
            case VALIDATION_FAILED -> BreakException.validation(List.of());
            case RATE_LIMITED -> BreakException.builder(code).reason("TOO_MANY_CALLS").retryAfter(Duration.ofSeconds(3)).build();
            case INTEGRATION_UNAVAILABLE -> BreakException.builder(code).reason("UPSTREAM_DOWN").build();
            case WORKFLOW_BREAK -> BreakException.workflowBreak("COMMISSIONS_PENDING", "No managing agent.");
            case TOKEN_REFRESH_FAILED -> BreakException.builder(code).reason("REFRESH_TOKEN_REVOKED").build();
            case UNHANDLED_ERROR -> BreakException.unhandled(new IllegalStateException("unexpected"));
            case PERSISTENCE_UNAVAILABLE -> BreakException.persistenceUnavailable(new SQLTransientConnectionException("down"));
            default -> throw new IllegalArgumentException(code.name());
        };
    }

    @Test
    void only_reportable_codes_produce_events_and_each_exactly_once() {
        List<ErrorCode> notReported = List.of(ErrorCode.CONFLICT, ErrorCode.NOT_FOUND, ErrorCode.VALIDATION_FAILED,
                ErrorCode.RATE_LIMITED, ErrorCode.INTEGRATION_UNAVAILABLE);
        try (SentryStub sentry = new SentryStub()) {
            SentryErrorReporter reporter = SentryErrorReporter.create(SentryReporterOptions.builder().dsn(sentry.dsn()).build());
            try (FailingCalls calls = new FailingCalls(reporter)) {
                for (ErrorCode code : notReported) {
                    assertEquals(code, calls.fail("user-1", failure(code)).code());
                }
                for (ErrorCode code : REPORTED) {
                    assertEquals(code, calls.fail("user-1", failure(code)).code());
                }
            }
            // close() flushes: whatever was queued has been sent when it returns
            reporter.close();

            List<String> codes = new ArrayList<>();
            sentry.drain().forEach(received -> codes.add(received.tag("error.code")));
            codes.sort(null);
            assertEquals(REPORTED.stream().map(ErrorCode::name).sorted().toList(), codes);
            assertEquals(0, reporter.droppedReports());
        }
    }

    @Test
    void codes_that_are_not_reported_send_nothing() {
        try (SentryStub sentry = new SentryStub()) {
            SentryErrorReporter reporter = SentryErrorReporter.create(SentryReporterOptions.builder().dsn(sentry.dsn()).build());
            try (FailingCalls calls = new FailingCalls(reporter)) {
                for (ErrorCode code : EnumSet.complementOf(EnumSet.copyOf(REPORTED))) {
                    if (code != ErrorCode.UNAUTHENTICATED && code != ErrorCode.FORBIDDEN) {
                        calls.fail("user-1", failure(code));
                    }
                }
            }
            reporter.close();
            sentry.assertNoMoreEvents();
        }
    }

    @Test
    void a_sample_rate_of_zero_sends_nothing_and_loses_nothing() {
        try (SentryStub sentry = new SentryStub()) {
            SentryErrorReporter reporter = SentryErrorReporter.create(
                    SentryReporterOptions.builder().dsn(sentry.dsn()).sampleRate(0.0).build());
            try (FailingCalls calls = new FailingCalls(reporter)) {
                for (ErrorCode code : REPORTED) {
                    assertEquals(code, calls.fail("user-1", failure(code)).code());
                }
            }
            reporter.close();
            sentry.assertNoMoreEvents();
            assertEquals(0, reporter.droppedReports(), "left out by sampling is not lost");
        }
    }
}
