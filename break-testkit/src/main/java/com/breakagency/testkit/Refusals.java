package com.breakagency.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Problem;

/**
 * Assertions on refused calls, for authorization tests: a call is FORBIDDEN, and FORBIDDEN says nothing about
 * whether the record asked for exists.
 *
 * <pre>{@code
 * BreakException onExisting = Refusals.forbidden(() -> finance.getInvoice(stranger, invoice.id()));
 * BreakException onMissing = Refusals.forbidden(() -> finance.getInvoice(stranger, "no-such-invoice"));
 * Refusals.assertSameAnswer(onExisting, onMissing);
 * }</pre>
 */
public final class Refusals {

    private Refusals() {
    }

    /**
     * Runs a call that must be refused as FORBIDDEN.
     *
     * @param call the call
     * @return the refusal
     * @throws AssertionError when the call succeeds or fails with anything else
     */
    public static BreakException forbidden(Runnable call) {
        BreakException e = assertThrows(BreakException.class, call::run);
        assertEquals(ErrorCode.FORBIDDEN, e.code(), () -> "expected FORBIDDEN, got " + e.code() + "/" + e.reason());
        return e;
    }

    /**
     * Checks that two refusals look the same to the caller: the same problem (apart from each call's own
     * correlation id), reason and metadata.
     *
     * @param a one refusal, on an existing record
     * @param b the other, on a missing one
     * @throws AssertionError when a caller could tell them apart
     */
    public static void assertSameAnswer(BreakException a, BreakException b) {
        OperationContext fixed = OperationContext.of(Actor.system(), "fixed");
        assertEquals(Problem.of(a, fixed), Problem.of(b, fixed), "FORBIDDEN must not reveal whether the record exists");
        assertEquals(a.reason(), b.reason());
        assertEquals(a.metadata(), b.metadata());
    }
}
