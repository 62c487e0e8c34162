package com.breakagency.ports.api.finance;

import com.breakagency.ports.model.finance.PaymentSource;
import com.breakagency.ports.validation.InputLimits;
import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * Records a payment of an invoice's whole outstanding balance.
 *
 * @param invoiceId         the invoice
 * @param receivedOn        when the money arrived, in {@link InputLimits#MIN_DATE}..{@link InputLimits#MAX_DATE}
 * @param externalReference the provider's id; unique per invoice
 * @param idempotencyKey    a key under which a retry of this call replays the first result
 * @param source            how the payment reached Break
 */
public record MarkInvoicePaid(
        @NotNull @Pattern(regexp = Patterns.ID) String invoiceId,
        @NotNull LocalDate receivedOn,
        @NotBlank @Size(max = 200) String externalReference,
        @NotBlank @Size(max = 200) String idempotencyKey,
        @NotNull PaymentSource source) {

    /**
     * A payment of the whole balance, entered by hand. Defaults to the external reference as idempotency
     * key, and {@link PaymentSource#MANUAL}.
     *
     * @param invoiceId         the invoice
     * @param receivedOn        when the money arrived
     * @param externalReference the provider's id, such as a bank transaction's
     * @return the command
     */
    public static MarkInvoicePaid of(String invoiceId, LocalDate receivedOn, String externalReference) {
        return new MarkInvoicePaid(invoiceId, receivedOn, externalReference, externalReference, PaymentSource.MANUAL);
    }

    /**
     * Another idempotency key. Defaults to the external reference.
     *
     * @param key the key a retry sends again
     * @return a copy with the key
     */
    public MarkInvoicePaid withIdempotencyKey(String key) {
        return new MarkInvoicePaid(invoiceId, receivedOn, externalReference, key, source);
    }

    /**
     * How the payment reached Break. Defaults to {@link PaymentSource#MANUAL}.
     *
     * @param paymentSource the source
     * @return a copy with the source
     */
    public MarkInvoicePaid via(PaymentSource paymentSource) {
        return new MarkInvoicePaid(invoiceId, receivedOn, externalReference, idempotencyKey, paymentSource);
    }
}
