package com.breakagency.ports.spi;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.finance.Beneficiary;
import com.breakagency.ports.model.finance.Payout;
import com.breakagency.ports.model.finance.PayoutItem;
import com.breakagency.ports.model.finance.PayoutStatus;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The payouts store: payouts and the commission lines and reversals each holds. Every method takes part in the
 * calling thread's unit of work; store failures are thrown as {@link BreakException} PERSISTENCE_UNAVAILABLE.
 * Contract: {@code PayoutsContract}.
 *
 * <p>An entry (a line or a reversal) is in at most one live (not CANCELLED) payout, whatever the number of
 * callers, threads or service instances: a database enforces it with a unique constraint, not with a prior
 * read. Cancelling a payout frees its entries in the same statement that stores the cancellation.
 */
public interface Payouts {

    /**
     * Stores a new payout and its items, all or none.
     *
     * @param payout the payout, version 1, live
     * @param items  its items, each naming the payout
     * @throws BreakException CONFLICT/ALREADY_EXISTS naming field {@code entryId} if an entry is in a live payout
     *                        already, or field {@code id} if the payout's id is taken; nothing is stored then
     */
    void insert(Payout payout, List<PayoutItem> items);

    /**
     * Reads a payout.
     *
     * @param id the id
     * @return the payout, if any
     */
    Optional<Payout> findById(String id);

    /**
     * Reads a payout and locks it until the unit of work ends (on a database: {@code SELECT ... FOR UPDATE}).
     *
     * @param id the id
     * @return the payout, if any
     * @throws IllegalStateException outside a unit of work
     */
    Optional<Payout> findByIdForUpdate(String id);

    /**
     * A payout's items, in ascending entry id order.
     *
     * @param payoutId the payout
     * @return the items
     */
    List<PayoutItem> items(String payoutId);

    /**
     * Replaces a payout's status, reference and payment day, optimistically; a move to CANCELLED frees its
     * entries for other payouts. Its beneficiary, amount and items never change.
     *
     * @param payout the new state, whose version is the stored version + 1
     * @throws BreakException CONFLICT/VERSION_MISMATCH, or NOT_FOUND
     */
    void update(Payout payout);

    /**
     * Which of some entries are in a live payout.
     *
     * @param entryIds line and reversal ids
     * @return those among them that a live payout holds
     */
    Set<String> inLivePayouts(Collection<String> entryIds);

    /**
     * One keyset page in ascending id order.
     *
     * @param query   the filter
     * @param afterId the last id of the previous page, or empty
     * @param limit   1 or more; only the last page is shorter
     * @return the payouts
     */
    List<Payout> list(Query query, Optional<String> afterId, int limit);

    /**
     * A payout listing's filter; every present part must match.
     *
     * @param beneficiary payouts to this beneficiary
     * @param status      payouts in this status
     * @param paidFrom    payouts paid on or after this day
     * @param paidTo      payouts paid before this day
     */
    record Query(Optional<Beneficiary> beneficiary, Optional<PayoutStatus> status, Optional<LocalDate> paidFrom,
                 Optional<LocalDate> paidTo) {
        /**
         * Checks presence.
         *
         * @param beneficiary payouts to this beneficiary
         * @param status payouts in this status
         * @param paidFrom payouts paid on or after this day
         * @param paidTo payouts paid before this day
         */
        public Query {
            Objects.requireNonNull(beneficiary, "beneficiary");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(paidFrom, "paidFrom");
            Objects.requireNonNull(paidTo, "paidTo");
        }

        /** Every payout. */
        public static final Query ALL = new Query(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
