package com.breakagency.ports.api.finance;

import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.finance.PaymentSource;
import com.breakagency.ports.validation.Amount;
import com.breakagency.ports.validation.InputLimits;
import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * Records money that arrived for an invoice. Every way a payment arrives — by hand, from a bank feed,
 * from a processor's webhook — uses this command, with the provider's transaction or event id as
 * external reference and (usually) as idempotency key.
 *
 * @param invoiceId         the invoice
 * @param amount            how much, in the invoice's currency: more than zero, at most the outstanding balance and
 *                          at most {@link InputLimits#MAX_MINOR_UNITS} minor units
 * @param receivedOn        when it arrived, in {@link InputLimits#MIN_DATE}..{@link InputLimits#MAX_DATE}
 * @param externalReference the provider's id; unique per invoice
 * @param idempotencyKey    a key under which a retry of this call replays the first result
 * @param source            how the payment reached Break
 */
public record RecordPayment(
        @NotNull @Pattern(regexp = Patterns.ID) String invoiceId,
        @NotNull @Amount(min = 1) Money amount,
        @NotNull LocalDate receivedOn,
        @NotBlank @Size(max = 200) String externalReference,
        @NotBlank @Size(max = 200) String idempotencyKey,
        @NotNull PaymentSource source) {

    /**
     * A payment entered by hand. Defaults to the external reference as idempotency key, and
     * {@link PaymentSource#MANUAL}.
     *
     * @param invoiceId         the invoice
     * @param amount            how much, such as {@code Money.of(50_000, "GBP")}
     * @param receivedOn        when it arrived
     * @param externalReference the provider's id, such as a bank transaction's
     * @return the command
     */
    public static RecordPayment of(String invoiceId, Money amount, LocalDate receivedOn, String externalReference) {
        return new RecordPayment(invoiceId, amount, receivedOn, externalReference, externalReference,
                PaymentSource.MANUAL);
    }

    /**
     * Another idempotency key. Defaults to the external reference.
     *
     * @param key the key a retry sends again
     * @return a copy with the key
     */
    public RecordPayment withIdempotencyKey(String key) {
        return new RecordPayment(invoiceId, amount, receivedOn, externalReference, key, source);
    }

    /**
     * How the payment reached Break. Defaults to {@link PaymentSource#MANUAL}.
     *
     * @param paymentSource the source
     * @return a copy with the source
     */
    public RecordPayment via(PaymentSource paymentSource) {
        return new RecordPayment(invoiceId, amount, receivedOn, externalReference, idempotencyKey, paymentSource);
    }
}
