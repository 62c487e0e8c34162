package com.breakagency.core.finance;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.Money;

/**
 * Sums of money over many records, computed exactly. Every amount a command carries is at most
 * {@code InputLimits.MAX_MINOR_UNITS}, but a total over many records may still leave a {@code long}; then
 * the sum fails clearly, as a non-retryable WORKFLOW_BREAK/TOTAL_OUT_OF_RANGE, never by wrapping and never
 * as an unexpected error. The same on every store, since core adds what the stores list. Stateless.
 */
final class Sums {

    private Sums() {
    }

    /**
     * The sum of two amounts of one currency, for {@code Map.merge}.
     *
     * @param a an amount
     * @param b an amount of the same currency
     * @return the exact sum
     * @throws BreakException WORKFLOW_BREAK/TOTAL_OUT_OF_RANGE when the sum does not fit a {@code long}
     */
    static Money add(Money a, Money b) {
        try {
            return a.plus(b);
        } catch (ArithmeticException overflow) {
            throw BreakException.workflowBreak(Reason.TOTAL_OUT_OF_RANGE,
                    "A total in " + a.currency().getCurrencyCode() + " is larger than Break can represent.");
        }
    }
}
