package com.breakagency.core.boundary;

import static com.breakagency.core.boundary.BoundaryHarness.EMAIL;
import static com.breakagency.core.boundary.BoundaryHarness.PLACE_ORDER;
import static com.breakagency.core.boundary.BoundaryHarness.SECRET;
import static com.breakagency.core.boundary.BoundaryHarness.anAgent;
import static com.breakagency.core.boundary.BoundaryHarness.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.breakagency.core.boundary.PlaceOrder.Line;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.FieldError;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.spi.ErrorReport;
import com.breakagency.ports.spi.ErrorReporter;
import com.breakagency.testkit.CapturingErrorReporter;
import com.breakagency.testkit.LogCapture;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reports go out once, after the unit of work has ended; a failing reporter changes nothing. */
class BoundaryReportingTest {

    private final LogCapture logs = LogCapture.of("com.breakagency");

    @AfterEach
    void detachLogs() {
        logs.close();
    }

    private static String placeAndThen(BoundaryHarness harness, Runnable afterWriting) {
        return harness.boundary.call(anAgent("req-report-1"), PLACE_ORDER, PlaceOrder.aValidOrder(),
                (call, order) -> {
                    harness.orders.put("order-1", order);
                    afterWriting.run();
                    return "order-1";
                });
    }

    @Test
    void a_workflow_break_inside_a_unit_of_work_is_reported_once_after_the_rollback() {
        BoundaryHarness harness = new BoundaryHarness();
        BreakException thrown = BreakException.workflowBreak(Reason.INVARIANT_BROKEN, "Shares do not add up.");

        BreakException error = failure(() -> placeAndThen(harness, () -> {
            throw thrown;
        }));

        assertSame(thrown, error);
        assertTrue(harness.orders.get("order-1").isEmpty(), "the write was rolled back");
        assertEquals(1, harness.reporter.reports().size());
        assertEquals(ErrorCode.WORKFLOW_BREAK, harness.reporter.reports().get(0).code());
        assertEquals(Reason.INVARIANT_BROKEN, harness.reporter.reports().get(0).reason());
        assertEquals(List.of(), harness.reporter.reportedInsideTransaction());
        assertEquals(1, logs.events("ERROR").size(), logs::allText);
    }

    @Test
    void when_the_report_arrives_the_rolled_back_write_is_already_gone() {
        List<Boolean> writeVisibleWhenReported = new CopyOnWriteArrayList<>();
        AtomicInteger reports = new AtomicInteger();
        BoundaryHarness[] holder = new BoundaryHarness[1];
        holder[0] = new BoundaryHarness(report -> {
            reports.incrementAndGet();
            writeVisibleWhenReported.add(holder[0].persistence.transactions().isActive()
                    || holder[0].orders.get("order-1").isPresent());
        });

        failure(() -> placeAndThen(holder[0], () -> {
            throw BreakException.workflowBreak(Reason.INVARIANT_BROKEN, "Shares do not add up.");
        }));

        assertEquals(1, reports.get());
        assertEquals(List.of(false), writeVisibleWhenReported);
    }

    @Test
    void report_after_commit_reports_once_after_the_commit_and_the_call_succeeds() {
        BoundaryHarness harness = new BoundaryHarness();
        AtomicInteger reportsSeenInsideUseCase = new AtomicInteger(-1);

        String id = harness.boundary.call(anAgent("req-report-2"), PLACE_ORDER, PlaceOrder.aValidOrder(),
                (call, order) -> {
                    harness.orders.put("order-1", order);
                    call.reportAfterCommit(BreakException.workflowBreak(Reason.COMMISSIONS_PENDING,
                            "Commissions are pending; a repair step is queued."));
                    reportsSeenInsideUseCase.set(harness.reporter.reports().size());
                    return "order-1";
                });

        assertEquals("order-1", id);
        assertTrue(harness.orders.get("order-1").isPresent(), "the write was committed");
        assertEquals(0, reportsSeenInsideUseCase.get(), "nothing is reported while the unit of work runs");
        assertEquals(1, harness.reporter.reports().size());
        assertEquals(Reason.COMMISSIONS_PENDING, harness.reporter.reports().get(0).reason());
        assertEquals("req-report-2", harness.reporter.reports().get(0).correlationId());
        assertEquals(List.of(), harness.reporter.reportedInsideTransaction());
        List<ILoggingEvent> errors = logs.events("ERROR");
        assertEquals(1, errors.size(), logs::allText);
        assertEquals("req-report-2", errors.get(0).getMDCPropertyMap().get(Boundary.MDC_CORRELATION_ID));
    }

    @Test
    void report_after_commit_reports_nothing_when_the_unit_of_work_then_rolls_back() {
        BoundaryHarness harness = new BoundaryHarness();

        BreakException error = failure(() -> harness.boundary.call(anAgent("req-report-4"), PLACE_ORDER,
                PlaceOrder.aValidOrder(), (call, order) -> {
                    harness.orders.put("order-1", order);
                    call.reportAfterCommit(BreakException.workflowBreak(Reason.COMMISSIONS_PENDING, "Pending."));
                    throw BreakException.conflict(Reason.IN_PROGRESS, "Still running.");
                }));

        assertEquals(ErrorCode.CONFLICT, error.code());
        assertTrue(harness.orders.get("order-1").isEmpty());
        assertEquals(List.of(), harness.reporter.reports());
        assertEquals(0, logs.events("ERROR").size(), logs::allText);
        assertFalse(logs.allText().contains("COMMISSIONS_PENDING"), logs::allText);
    }

    static Stream<Arguments> notReported() {
        return Stream.of(
                Arguments.of("CONFLICT", (Supplier<BreakException>) () ->
                        BreakException.conflict(Reason.VERSION_MISMATCH, "The order changed."), "DEBUG"),
                Arguments.of("NOT_FOUND", (Supplier<BreakException>) () ->
                        BreakException.notFound("brand", "brand-404"), "DEBUG"),
                Arguments.of("VALIDATION_FAILED", (Supplier<BreakException>) () ->
                        BreakException.validation(List.of(new FieldError("#/title", "NotBlank", "must not be blank"))),
                        "DEBUG"),
                Arguments.of("FORBIDDEN", (Supplier<BreakException>) () ->
                        BreakException.forbidden("test.placeOrder"), "WARN"));
    }

    @ParameterizedTest(name = "{0} logs at {2}")
    @MethodSource("notReported")
    void codes_that_are_not_reported_are_logged_once_at_their_level(String code, Supplier<BreakException> error,
                                                                      String level) {
        BoundaryHarness harness = new BoundaryHarness();

        BreakException escaped = failure(() -> placeAndThen(harness, () -> {
            throw error.get();
        }));

        assertEquals(code, escaped.code().name());
        assertEquals(List.of(), harness.reporter.reports());
        assertEquals(1, logs.events().size(), logs::allText);
        assertEquals(level, logs.events().get(0).getLevel().toString(), logs::allText);
        assertTrue(logs.events().get(0).getFormattedMessage().startsWith(code + "/"), logs::allText);
        assertTrue(harness.orders.get("order-1").isEmpty());
    }

    @Test
    void an_invalid_command_is_logged_at_debug_and_not_reported() {
        BoundaryHarness harness = new BoundaryHarness();

        failure(() -> harness.boundary.call(anAgent("req-report-5"), PLACE_ORDER,
                new PlaceOrder("", "j@b.co", "brand.com", null, List.of(new Line("A", 1, 1)), null),
                (call, order) -> "never"));

        assertEquals(List.of(), harness.reporter.reports());
        assertEquals(1, logs.events("DEBUG").size(), logs::allText);
        assertEquals(1, logs.events().size(), logs::allText);
    }

    /** A reporter whose backend refuses everything, with an error message holding personal data. */
    private static final class RefusingReporter implements ErrorReporter {
        final AtomicInteger attempts = new AtomicInteger();

        @Override
        public void report(ErrorReport report) {
            attempts.incrementAndGet();
            throw new IllegalStateException("backend refused event for " + EMAIL + " (client_secret=" + SECRET + ")");
        }
    }

    @Test
    void a_failing_reporter_does_not_change_the_outcome_and_is_logged_once_at_warn_without_secrets() {
        RefusingReporter refusing = new RefusingReporter();
        BoundaryHarness harness = new BoundaryHarness(refusing);
        BreakException thrown = BreakException.workflowBreak(Reason.INVARIANT_BROKEN, "Shares do not add up.");

        BreakException escaped = failure(() -> placeAndThen(harness, () -> {
            throw thrown;
        }));

        assertSame(thrown, escaped);
        assertEquals(1, refusing.attempts.get());
        List<ILoggingEvent> warnings = logs.events("WARN");
        assertEquals(1, warnings.size(), logs::allText);
        assertTrue(warnings.get(0).getFormattedMessage().contains(RefusingReporter.class.getName()), logs::allText);
        assertEquals("req-report-1", warnings.get(0).getMDCPropertyMap().get(Boundary.MDC_CORRELATION_ID));
        assertEquals(1, logs.events("ERROR").size(), logs::allText);
        assertFalse(logs.allText().contains(EMAIL), logs::allText);
        assertFalse(logs.allText().contains(SECRET), logs::allText);
    }

    @Test
    void a_failing_reporter_leaves_an_unhandled_error_unhandled() {
        BoundaryHarness harness = new BoundaryHarness(new RefusingReporter());
        IllegalStateException boom = new IllegalStateException("boom");

        BreakException escaped = failure(() -> placeAndThen(harness, () -> {
            throw boom;
        }));

        assertEquals(ErrorCode.UNHANDLED_ERROR, escaped.code());
        assertSame(boom, escaped.getCause());
        assertEquals(1, logs.events("WARN").size(), logs::allText);
    }

    @Test
    void a_failing_reporter_after_commit_leaves_the_call_successful_and_the_write_committed() {
        RefusingReporter refusing = new RefusingReporter();
        BoundaryHarness harness = new BoundaryHarness(refusing);

        String id = harness.boundary.call(anAgent("req-report-6"), PLACE_ORDER, PlaceOrder.aValidOrder(),
                (call, order) -> {
                    harness.orders.put("order-1", order);
                    call.reportAfterCommit(BreakException.workflowBreak(Reason.COMMISSIONS_PENDING, "Pending."));
                    return "order-1";
                });

        assertEquals("order-1", id);
        assertTrue(harness.orders.get("order-1").isPresent());
        assertEquals(1, refusing.attempts.get());
        assertEquals(1, logs.events("WARN").size(), logs::allText);
        assertFalse(logs.allText().contains(SECRET), logs::allText);
    }

    @Test
    void unexpected_errors_and_persistence_failures_are_each_reported_once_outside_any_transaction() {
        BoundaryHarness harness = new BoundaryHarness();
        CapturingErrorReporter reporter = harness.reporter;

        failure(() -> placeAndThen(harness, () -> {
            throw new IllegalStateException("boom");
        }));
        failure(() -> placeAndThen(harness, () -> {
            throw BreakException.persistenceUnavailable(new IllegalStateException("connection refused"));
        }));

        assertEquals(List.of(ErrorCode.UNHANDLED_ERROR, ErrorCode.PERSISTENCE_UNAVAILABLE),
                reporter.reports().stream().map(ErrorReport::code).toList());
        assertEquals(List.of(), reporter.reportedInsideTransaction());
    }
}
