package com.breakagency.core.boundary;

import static com.breakagency.core.boundary.BoundaryHarness.PLACE_ORDER;
import static com.breakagency.core.boundary.BoundaryHarness.anAgent;
import static com.breakagency.core.boundary.BoundaryHarness.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.FieldError;
import com.breakagency.testkit.LogCapture;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Whatever escapes a call, a host gets a BreakException; the caller's context is validated first. */
class BoundaryThrowableTest {

    private final BoundaryHarness harness = new BoundaryHarness();
    private final LogCapture logs = LogCapture.of(Boundary.LOGGER_NAME);

    @AfterEach
    void detachLogs() {
        logs.close();
    }

    private BreakException callThatThrows(Throwable thrown) {
        return failure(() -> harness.boundary.call(anAgent("req-throwable-1"), PLACE_ORDER, PlaceOrder.aValidOrder(),
                (call, order) -> {
                    harness.orders.put("order-1", order);
                    throw sneaky(thrown);
                }));
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable thrown) throws T {
        throw (T) thrown;
    }

    private static int depth(int n) {
        return n == Integer.MAX_VALUE ? n : depth(n + 1) + 1;
    }

    @Test
    void a_stack_overflow_in_a_use_case_is_unhandled_error_logged_and_reported_and_rolled_back() {
        BreakException error = failure(() -> harness.boundary.call(anAgent("req-soe-1"), PLACE_ORDER,
                PlaceOrder.aValidOrder(), (call, order) -> {
                    harness.orders.put("order-1", order);
                    return depth(0);
                }));

        assertEquals(ErrorCode.UNHANDLED_ERROR, error.code());
        assertTrue(error.getCause() instanceof StackOverflowError, String.valueOf(error.getCause()));
        assertTrue(harness.orders.get("order-1").isEmpty(), "the unit of work rolled back");
        assertEquals(1, logs.events("ERROR").size());
        assertEquals(1, harness.reporter.reports(ErrorCode.UNHANDLED_ERROR).size());
    }

    @Test
    void an_error_other_than_a_virtual_machine_error_is_unhandled_error_with_the_cause_kept() {
        AssertionError thrown = new AssertionError("an assertion in a use case");

        BreakException error = callThatThrows(thrown);

        assertEquals(ErrorCode.UNHANDLED_ERROR, error.code());
        assertSame(thrown, error.getCause());
        assertEquals(1, harness.reporter.reports(ErrorCode.UNHANDLED_ERROR).size());
    }

    @Test
    void a_checked_exception_thrown_sneakily_is_unhandled_error() {
        Exception thrown = new java.io.IOException("disk");

        assertEquals(ErrorCode.UNHANDLED_ERROR, callThatThrows(thrown).code());
    }

    @Test
    void an_out_of_memory_error_is_logged_once_and_rethrown_as_it_is() {
        OutOfMemoryError thrown = new OutOfMemoryError("test heap");

        OutOfMemoryError escaped = assertThrows(OutOfMemoryError.class, () -> harness.boundary.call(
                anAgent("req-oom-1"), PLACE_ORDER, PlaceOrder.aValidOrder(), (call, order) -> {
                    throw thrown;
                }));

        assertSame(thrown, escaped);
        assertEquals(1, logs.events("ERROR").size());
        assertTrue(harness.reporter.reports().isEmpty(), "nothing is reported from a JVM that may be failing");
    }

    @Test
    void a_user_id_longer_than_the_stores_keep_is_validation_failed_pointing_into_the_context() {
        OperationContext context = OperationContext.of(Actor.staff("u".repeat(256), Role.AGENT));

        BreakException error = failure(() -> harness.boundary.call(context, PLACE_ORDER, PlaceOrder.aValidOrder(),
                (call, order) -> order));

        assertEquals(ErrorCode.VALIDATION_FAILED, error.code());
        assertEquals(List.of("#/context/actor/userId"), error.fieldErrors().stream().map(FieldError::pointer).toList());
    }

    @Test
    void a_user_id_of_thirty_thousand_labels_is_validation_failed_before_it_reaches_the_mdc_or_redaction() {
        OperationContext context = OperationContext.of(Actor.staff("a@b" + ".c".repeat(30_000), Role.AGENT));

        BreakException error = failure(() -> harness.boundary.call(context, PLACE_ORDER, PlaceOrder.aValidOrder(),
                (call, order) -> order));

        assertEquals(ErrorCode.VALIDATION_FAILED, error.code());
        assertEquals("#/context/actor/userId", error.fieldErrors().get(0).pointer());
    }

    @Test
    void a_user_id_with_nul_or_a_lone_surrogate_and_a_brand_id_that_is_no_id_are_validation_failed() {
        OperationContext nul = OperationContext.of(Actor.staff("jane\u0000", Role.AGENT));
        OperationContext surrogate = OperationContext.of(Actor.staff("a\uD800b", Role.AGENT));
        OperationContext badBrand = OperationContext.of(Actor.brand("brand-user", "b\u0000rand"));

        for (OperationContext context : List.of(nul, surrogate, badBrand)) {
            BreakException error = failure(() -> harness.boundary.call(context, PLACE_ORDER, PlaceOrder.aValidOrder(),
                    (call, order) -> order));
            assertEquals(ErrorCode.VALIDATION_FAILED, error.code(), context.actor().toString());
            assertTrue(error.fieldErrors().get(0).pointer().startsWith("#/context/actor/"));
        }
    }
}
