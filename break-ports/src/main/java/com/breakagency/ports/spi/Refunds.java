package com.breakagency.ports.spi;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.finance.Beneficiary;
import com.breakagency.ports.model.finance.CommissionReversal;
import com.breakagency.ports.model.finance.Refund;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The refunds store: refunds of payments and the commission reversals they cause, both append-only (a
 * reversal's status moves once, to PAID_OUT, with the payout that settles it). Every method takes part in the
 * calling thread's unit of work; store failures are thrown as {@link BreakException} PERSISTENCE_UNAVAILABLE.
 * Contract: {@code RefundsContract}.
 */
public interface Refunds {

    /**
     * Stores a refund.
     *
     * @param refund the refund
     * @throws BreakException CONFLICT/ALREADY_EXISTS naming field {@code externalReference} if the invoice has a
     *                        refund with that reference already (a unique constraint, compared exactly: the same
     *                        provider refund cannot be recorded twice), or field {@code id}
     */
    void insert(Refund refund);

    /**
     * Reads a refund.
     *
     * @param id the id
     * @return the refund, if any
     */
    Optional<Refund> findById(String id);

    /**
     * A payment's refunds, in ascending id (recording) order.
     *
     * @param paymentId the payment
     * @return the refunds
     */
    List<Refund> byPayment(String paymentId);

    /**
     * An invoice's refunds, in ascending id order.
     *
     * @param invoiceId the invoice
     * @return the refunds
     */
    List<Refund> byInvoice(String invoiceId);

    /**
     * One keyset page of the refunds made in a period (by {@code refundedOn}), in ascending id order.
     *
     * @param from    first day, inclusive
     * @param to      last day, exclusive
     * @param afterId the last id of the previous page, or empty
     * @param limit   1 or more; only the last page is shorter
     * @return the refunds
     */
    List<Refund> refundedBetween(LocalDate from, LocalDate to, Optional<String> afterId, int limit);

    /**
     * Stores the reversals of one refund, all or none.
     *
     * @param reversals the reversals
     * @throws BreakException CONFLICT/ALREADY_EXISTS naming field {@code reversal} if a (refund, line) has a
     *                        reversal already (a unique constraint), or field {@code id}; an empty list stores
     *                        nothing
     */
    void insertReversals(List<CommissionReversal> reversals);

    /**
     * The reversals of a payment's lines, in ascending id order.
     *
     * @param paymentId the payment
     * @return the reversals
     */
    List<CommissionReversal> reversalsByPayment(String paymentId);

    /**
     * The reversals of an invoice's lines, in ascending id order.
     *
     * @param invoiceId the invoice
     * @return the reversals
     */
    List<CommissionReversal> reversalsByInvoice(String invoiceId);

    /**
     * One keyset page of one beneficiary's reversals, in ascending id order.
     *
     * @param beneficiary whose
     * @param pendingOnly only those still PENDING_PAYOUT
     * @param afterId     the last id of the previous page, or empty
     * @param limit       1 or more; only the last page is shorter
     * @return the reversals
     */
    List<CommissionReversal> reversalsOf(Beneficiary beneficiary, boolean pendingOnly, Optional<String> afterId,
                                         int limit);

    /**
     * One keyset page of every reversal still PENDING_PAYOUT, in ascending id order (for the totals).
     *
     * @param afterId the last id of the previous page, or empty
     * @param limit   1 or more; only the last page is shorter
     * @return the reversals
     */
    List<CommissionReversal> pendingReversals(Optional<String> afterId, int limit);

    /**
     * Moves reversals from PENDING_PAYOUT to PAID_OUT, all or none: the only change a reversal ever makes.
     *
     * @param ids the reversals
     * @throws BreakException CONFLICT/INVALID_STATE_TRANSITION if one of them is missing or not PENDING_PAYOUT
     *                        (the unit of work then keeps none of the moves)
     */
    void markPaidOut(List<String> ids);
}
