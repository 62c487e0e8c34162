package com.breakagency.ports.spi;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.finance.Beneficiary;
import com.breakagency.ports.model.finance.BeneficiaryKind;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.CommissionStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The commission lines store: append-only but for {@link #markPaidOut}, the one status move a paid payout makes. Every method takes part in the calling
 * thread's unit of work; store failures are thrown as {@link BreakException} PERSISTENCE_UNAVAILABLE.
 * Contract: {@code CommissionsContract}.
 */
public interface Commissions {

    /**
     * Stores the lines of one allocation, all or none.
     *
     * <p>There is at most one line per (payment, beneficiary), whatever the number of callers, threads or
     * service instances: a database enforces it with a unique constraint, not with a prior read. This is
     * the guarantee that a payment is never allocated twice.
     *
     * @param lines the lines
     * @throws BreakException CONFLICT/ALREADY_EXISTS naming field {@code allocation} if any (payment,
     *                        beneficiary) has a line already, or field {@code id} if a line's id is taken;
     *                        nothing of the call is stored then; an empty list stores nothing
     */
    void insertAll(List<CommissionLine> lines);

    /**
     * A payment's lines, in ascending id order.
     *
     * @param paymentId the payment
     * @return the lines
     */
    List<CommissionLine> byPayment(String paymentId);

    /**
     * An invoice's lines, in ascending id order.
     *
     * @param invoiceId the invoice
     * @return the lines
     */
    List<CommissionLine> byInvoice(String invoiceId);

    /**
     * One keyset page of lines, in ascending id order.
     *
     * @param query   the filter
     * @param afterId the last id of the previous page (it need not still exist or match), or empty
     * @param limit   1 or more; only the last page is shorter
     * @return the lines
     */
    List<CommissionLine> list(Query query, Optional<String> afterId, int limit);

    /**
     * Moves lines from PENDING_PAYOUT to PAID_OUT, all or none: the only change a line ever makes. A line that is
     * PAID_OUT never changes again.
     *
     * @param ids the lines
     * @throws BreakException CONFLICT/INVALID_STATE_TRANSITION if one of them is missing or not PENDING_PAYOUT
     *                        (the unit of work then keeps none of the moves)
     */
    void markPaidOut(List<String> ids);

    /**
     * A commission listing's filter; every present part must match.
     *
     * @param beneficiary lines paying this beneficiary
     * @param talentId    lines from this talent's work
     * @param status      lines in this status
     * @param from        lines created at or after this instant
     * @param to          lines created before this instant
     */
    record Query(Optional<Beneficiary> beneficiary, Optional<String> talentId, Optional<CommissionStatus> status,
                 Optional<Instant> from, Optional<Instant> to) {
        /**
         * Checks presence.
         *
         * @param beneficiary lines paying this beneficiary
         * @param talentId lines from this talent's work
         * @param status lines in this status
         * @param from lines created at or after this instant
         * @param to lines created before this instant
         */
        public Query {
            Objects.requireNonNull(beneficiary, "beneficiary");
            Objects.requireNonNull(talentId, "talentId");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        /** Every line. */
        public static final Query ALL = new Query(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /**
     * The commission lines of one status and some beneficiary kinds, summed per currency by the store (on
     * a database, one aggregate query, however many lines there are); the finance totals' "commissions
     * pending" are the PENDING_PAYOUT lines of agents and the house. The default pages through {@link #list}
     * and adds up in Java; a store that can aggregate overrides it.
     *
     * @param status the lines' status
     * @param kinds  the beneficiary kinds to sum over; empty matches none
     * @return minor units per ISO currency code; a currency of no matching line has no key
     */
    default Map<String, Long> amountByCurrency(CommissionStatus status, Set<BeneficiaryKind> kinds) {
        Map<String, Long> sums = new TreeMap<>();
        Query query = new Query(Optional.empty(), Optional.empty(), Optional.of(status), Optional.empty(), Optional.empty());
        Optional<String> after = Optional.empty();
        for (List<CommissionLine> page; !kinds.isEmpty() && !(page = list(query, after, 500)).isEmpty();
             after = Optional.of(page.get(page.size() - 1).id())) {
            for (CommissionLine line : page) {
                if (kinds.contains(line.beneficiary().kind())) {
                    sums.merge(line.amount().currency().getCurrencyCode(), line.amount().minorUnits(), Long::sum);
                }
            }
        }
        return sums;
    }
}
