package com.breakagency.ports.model.finance;

import com.breakagency.ports.model.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * A refund's effect on one commission line: the part of the line the beneficiary no longer earns, as a
 * (normally negative) amount linked to the line it reverses. A line plus its reversals is the beneficiary's
 * share of what the brand kept of the payment; after a full refund it is exactly zero. There is at most one
 * reversal per (refund, line), which the store enforces.
 *
 * @param id             Break's id
 * @param refundId       the refund that caused it
 * @param reversesLineId the commission line it reverses
 * @param paymentId      the line's payment
 * @param invoiceId      the line's invoice
 * @param talentId       the talent whose work was paid
 * @param beneficiary    the line's beneficiary, who gives the money back
 * @param amount         the change to the beneficiary's earnings, in the line's currency: negative, or (rarely, by
 *                       one minor unit, when largest-remainder rounding moves) positive
 * @param kind           an offset of a line not yet paid out, or a clawback of one that was
 * @param status         PENDING_PAYOUT until a paid payout settles it, then PAID_OUT
 * @param createdAt      when recorded
 */
public record CommissionReversal(String id, String refundId, String reversesLineId, String paymentId,
                                 String invoiceId, String talentId, Beneficiary beneficiary, Money amount,
                                 ReversalKind kind, CommissionStatus status, Instant createdAt) {

    /**
     * Checks presence.
     *
     * @param id Break's id
     * @param refundId the refund that caused it
     * @param reversesLineId the commission line it reverses
     * @param paymentId the line's payment
     * @param invoiceId the line's invoice
     * @param talentId the talent whose work was paid
     * @param beneficiary the line's beneficiary, who gives the money back
     * @param amount the change to the beneficiary's earnings, in the line's currency
     * @param kind an offset of a line not yet paid out, or a clawback of one that was
     * @param status PENDING_PAYOUT until a paid payout settles it, then PAID_OUT
     * @param createdAt when recorded
     */
    public CommissionReversal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(refundId, "refundId");
        Objects.requireNonNull(reversesLineId, "reversesLineId");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(talentId, "talentId");
        Objects.requireNonNull(beneficiary, "beneficiary");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
