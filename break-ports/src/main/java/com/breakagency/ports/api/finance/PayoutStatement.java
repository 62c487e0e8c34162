package com.breakagency.ports.api.finance;

import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.finance.Beneficiary;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.CommissionReversal;
import com.breakagency.ports.model.finance.Payout;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one beneficiary was owed and paid over a period, per currency (never added across currencies): what
 * was owed at the start, the lines earned, the reversals (offsets and clawbacks), the payouts paid, and what is
 * owed at the end. A negative balance is money the beneficiary owes back (clawbacks not yet deducted).
 *
 * @param beneficiary who
 * @param from        period start, inclusive
 * @param to          period end, exclusive
 * @param balances    the figures per ISO currency code
 * @param lines       the lines created in the period, oldest first
 * @param reversals   the reversals created in the period, oldest first
 * @param payouts     the payouts paid in the period (by when they were marked paid), oldest first
 */
public record PayoutStatement(Beneficiary beneficiary, Instant from, Instant to, Map<String, Balance> balances,
                              List<CommissionLine> lines, List<CommissionReversal> reversals, List<Payout> payouts) {

    /**
     * Checks presence and copies.
     *
     * @param beneficiary who
     * @param from period start, inclusive
     * @param to period end, exclusive
     * @param balances the figures per ISO currency code
     * @param lines the lines created in the period, oldest first
     * @param reversals the reversals created in the period, oldest first
     * @param payouts the payouts paid in the period, oldest first
     */
    public PayoutStatement {
        Objects.requireNonNull(beneficiary, "beneficiary");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        balances = Map.copyOf(Objects.requireNonNull(balances, "balances"));
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        reversals = List.copyOf(Objects.requireNonNull(reversals, "reversals"));
        payouts = List.copyOf(Objects.requireNonNull(payouts, "payouts"));
    }

    /**
     * One currency's figures: {@code closing = opening + earned + reversed - paidOut}.
     *
     * @param opening  owed at the start of the period
     * @param earned   the lines created in the period
     * @param reversed the reversals created in the period (negative)
     * @param paidOut  the payouts paid in the period
     * @param closing  owed at the end of the period
     */
    public record Balance(Money opening, Money earned, Money reversed, Money paidOut, Money closing) {

        /**
         * Checks presence.
         *
         * @param opening owed at the start of the period
         * @param earned the lines created in the period
         * @param reversed the reversals created in the period (negative)
         * @param paidOut the payouts paid in the period
         * @param closing owed at the end of the period
         */
        public Balance {
            Objects.requireNonNull(opening, "opening");
            Objects.requireNonNull(earned, "earned");
            Objects.requireNonNull(reversed, "reversed");
            Objects.requireNonNull(paidOut, "paidOut");
            Objects.requireNonNull(closing, "closing");
        }
    }
}
