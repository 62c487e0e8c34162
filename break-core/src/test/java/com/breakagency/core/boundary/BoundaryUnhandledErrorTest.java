package com.breakagency.core.boundary;

import static com.breakagency.core.boundary.BoundaryHarness.EMAIL;
import static com.breakagency.core.boundary.BoundaryHarness.PLACE_ORDER;
import static com.breakagency.core.boundary.BoundaryHarness.SECRET;
import static com.breakagency.core.boundary.BoundaryHarness.anAgent;
import static com.breakagency.core.boundary.BoundaryHarness.failure;
import static com.breakagency.core.boundary.BoundaryHarness.json;
import static com.breakagency.core.boundary.BoundaryHarness.printed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Problem;
import com.breakagency.ports.error.RedactedThrowable;
import com.breakagency.ports.spi.ErrorReport;
import com.breakagency.testkit.LogCapture;
import com.breakagency.testkit.TestClock;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BoundaryUnhandledErrorTest {

    private final BoundaryHarness harness = new BoundaryHarness();
    private final LogCapture logs = LogCapture.of("com.breakagency");
    private final OperationContext context = anAgent("req-unhandled-1");

    @AfterEach
    void detachLogs() {
        logs.close();
    }

    private static RuntimeException boom() {
        RuntimeException boom = new RuntimeException("boom for " + EMAIL + " refresh_token=" + SECRET,
                new IllegalStateException("token endpoint said access_token=" + SECRET + " for " + EMAIL,
                        new IOException("client_secret=" + SECRET)));
        boom.addSuppressed(new IllegalArgumentException("cleanup failed for " + EMAIL));
        return boom;
    }

    private BreakException callThatThrows(RuntimeException thrown) {
        return failure(() -> harness.boundary.call(context, PLACE_ORDER, PlaceOrder.aValidOrder(), (call, order) -> {
            harness.orders.put("order-1", order);
            throw thrown;
        }));
    }

    @Test
    void an_unexpected_exception_becomes_unhandled_error_with_the_cause_kept() {
        RuntimeException thrown = boom();

        BreakException error = callThatThrows(thrown);

        assertEquals(ErrorCode.UNHANDLED_ERROR, error.code());
        assertSame(thrown, error.getCause());
        assertTrue(harness.orders.get("order-1").isEmpty(), "the unit of work rolled back");
    }

    @Test
    void the_problem_is_generic_and_holds_neither_the_email_nor_the_secret() {
        BreakException error = callThatThrows(boom());
        Problem problem = Problem.of(error, context);
        String json = json(problem);

        assertEquals("The request could not be completed. Reference: req-unhandled-1.", problem.detail());
        assertEquals(500, problem.status());
        assertEquals("UNHANDLED_ERROR", problem.code());
        assertFalse(json.contains(EMAIL), json);
        assertFalse(json.contains(SECRET), json);
        assertFalse(json.contains("boom"), json);
        assertFalse(json.contains("RuntimeException"), json);
    }

    @Test
    void exactly_one_error_line_is_logged_with_the_call_in_its_mdc_and_nothing_sensitive() {
        callThatThrows(boom());

        List<ILoggingEvent> errors = logs.events("ERROR");
        assertEquals(1, errors.size(), logs::allText);
        assertEquals(1, logs.events().size(), logs::allText);
        Map<String, String> mdc = errors.get(0).getMDCPropertyMap();
        assertEquals("test.placeOrder", mdc.get(Boundary.MDC_OPERATION));
        assertEquals("u-agent-1", mdc.get(Boundary.MDC_USER_ID));
        assertEquals("req-unhandled-1", mdc.get(Boundary.MDC_CORRELATION_ID));
        assertEquals(Boundary.LOGGER_NAME, errors.get(0).getLoggerName());
        String text = logs.allText();
        assertFalse(text.contains(EMAIL), text);
        assertFalse(text.contains(SECRET), text);
        assertTrue(text.contains("java.lang.RuntimeException: boom for [email]"), text);
        assertTrue(text.contains("java.lang.IllegalStateException"), "the cause chain is logged: " + text);
        assertTrue(text.contains("java.io.IOException"), "the cause chain is logged: " + text);
    }

    @Test
    void exactly_one_report_is_sent_and_no_part_of_it_holds_the_email_or_the_secret() {
        callThatThrows(boom());

        List<ErrorReport> reports = harness.reporter.reports();
        assertEquals(1, reports.size());
        ErrorReport report = reports.get(0);
        assertEquals(ErrorCode.UNHANDLED_ERROR, report.code());
        assertEquals("test.placeOrder", report.operation());
        assertEquals("u-agent-1", report.userId());
        assertEquals("req-unhandled-1", report.correlationId());
        assertEquals(TestClock.DEFAULT_START, report.occurredAt());
        assertTrue(report.failure().isPresent());

        RedactedThrowable failure = report.failure().get();
        String trace = printed(failure);
        for (String text : List.of(report.toString(), report.detail(), report.metadata().toString(), trace)) {
            assertFalse(text.contains(EMAIL), text);
            assertFalse(text.contains(SECRET), text);
        }
        assertEquals("java.lang.RuntimeException", failure.originalClassName());
        assertTrue(trace.contains("Caused by: java.lang.IllegalStateException"), trace);
        assertTrue(trace.contains("Caused by: java.io.IOException: client_secret=[redacted]"), trace);
        assertTrue(trace.contains("Suppressed: java.lang.IllegalArgumentException: cleanup failed for [email]"),
                trace);
        assertTrue(trace.contains("\tat " + BoundaryUnhandledErrorTest.class.getName()), trace);
        assertEquals(List.of(), harness.reporter.reportedInsideTransaction());
    }

    @Test
    void metadata_with_personal_data_is_redacted_in_the_log_and_the_report() {
        BreakException thrown = BreakException.builder(ErrorCode.WORKFLOW_BREAK).reason("INVARIANT_BROKEN")
                .detail("Commission for " + EMAIL + " does not add up.")
                .metadata("invoiceId", "inv-42").metadata("payer", EMAIL).metadata("token", "access_token=" + SECRET)
                .build();

        BreakException error = callThatThrows(thrown);

        assertSame(thrown, error);
        ErrorReport report = harness.reporter.reports().get(0);
        assertEquals("inv-42", report.metadata().get("invoiceId"));
        assertEquals("Commission for [email] does not add up.", report.detail());
        assertFalse(report.toString().contains(EMAIL), report.toString());
        assertFalse(report.toString().contains(SECRET), report.toString());
        assertFalse(logs.allText().contains(EMAIL), logs.allText());
        assertFalse(logs.allText().contains(SECRET), logs.allText());
    }
}
