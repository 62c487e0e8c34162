package com.breakagency.ports.api.finance;

import jakarta.validation.constraints.Max;
import com.breakagency.ports.validation.InputLimits;
import com.breakagency.ports.model.finance.PaymentSource;
import com.breakagency.ports.validation.CurrencyCode;
import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * Records money that arrived for an invoice. Every way a payment arrives — by hand, from a bank feed,
 * from a processor's webhook — uses this command, with the provider's transaction or event id as
 * external reference and (usually) as idempotency key.
 *
 * @param invoiceId         the invoice
 * @param amountMinorUnits  how much, in minor units, more than zero, at most the outstanding balance and at most {@link InputLimits#MAX_MINOR_UNITS}
 * @param currency          the invoice's currency
 * @param receivedOn        when it arrived, in {@link InputLimits#MIN_DATE}..{@link InputLimits#MAX_DATE}
 * @param externalReference the provider's id; unique per invoice
 * @param idempotencyKey    a key under which a retry of this call replays the first result
 * @param source            how the payment reached Break
 */
public record RecordPayment(
        @NotNull @Pattern(regexp = Patterns.ID) String invoiceId,
        @Positive @Max(InputLimits.MAX_MINOR_UNITS) long amountMinorUnits,
        @NotNull @CurrencyCode String currency,
        @NotNull LocalDate receivedOn,
        @NotBlank @Size(max = 200) String externalReference,
        @NotBlank @Size(max = 200) String idempotencyKey,
        @NotNull PaymentSource source) {
}
