package com.breakagency.ports.model.finance;

import com.breakagency.ports.model.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Money that arrived for an invoice.
 *
 * @param id                Break's id
 * @param invoiceId         the invoice
 * @param amount            how much, in the invoice's currency
 * @param receivedOn        when it arrived
 * @param externalReference the provider's transaction or event id; unique per invoice
 * @param source            how it reached Break
 * @param recordedBy        the user id that recorded it
 * @param recordedAt        when it was recorded
 */
public record Payment(String id, String invoiceId, Money amount, LocalDate receivedOn, String externalReference,
                      PaymentSource source, String recordedBy, Instant recordedAt) {

    /**
     * Checks presence.
     *
     * @param id Break's id
     * @param invoiceId the invoice
     * @param amount how much, in the invoice's currency
     * @param receivedOn when it arrived
     * @param externalReference the provider's transaction or event id; unique per invoice
     * @param source how it reached Break
     * @param recordedBy the user id that recorded it
     * @param recordedAt when it was recorded
     */
    public Payment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(receivedOn, "receivedOn");
        Objects.requireNonNull(externalReference, "externalReference");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
