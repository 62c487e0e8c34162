package com.breakagency.ports.model.finance;

import com.breakagency.ports.model.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Money returned to the brand from a recorded payment. The refunds of a payment never add up to more than
 * the payment.
 *
 * @param id                Break's id
 * @param paymentId         the payment refunded
 * @param invoiceId         its invoice
 * @param amount            how much, more than zero, in the payment's currency
 * @param refundedOn        the day the money went back
 * @param externalReference the provider's refund id; unique per invoice
 * @param reason            why, in words
 * @param recordedBy        the user id that recorded it
 * @param recordedAt        when it was recorded
 */
public record Refund(String id, String paymentId, String invoiceId, Money amount, LocalDate refundedOn,
                     String externalReference, String reason, String recordedBy, Instant recordedAt) {

    /**
     * Checks presence.
     *
     * @param id Break's id
     * @param paymentId the payment refunded
     * @param invoiceId its invoice
     * @param amount how much, more than zero, in the payment's currency
     * @param refundedOn the day the money went back
     * @param externalReference the provider's refund id; unique per invoice
     * @param reason why, in words
     * @param recordedBy the user id that recorded it
     * @param recordedAt when it was recorded
     */
    public Refund {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(refundedOn, "refundedOn");
        Objects.requireNonNull(externalReference, "externalReference");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
