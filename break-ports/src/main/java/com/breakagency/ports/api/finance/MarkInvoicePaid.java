package com.breakagency.ports.api.finance;

import com.breakagency.ports.validation.InputLimits;
import com.breakagency.ports.model.finance.PaymentSource;
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
}
