package com.breakagency.ports.api.finance;

import com.breakagency.ports.model.Money;
import com.breakagency.ports.validation.Amount;
import com.breakagency.ports.validation.InputLimits;
import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * Reduces an issued invoice's total by a credit note, numbered in its own gap-free sequence; the invoice itself
 * is never edited. When the invoice has been paid more than its new total, the command must carry the refund of
 * the difference (from one payment), and both happen in one unit of work; otherwise it must carry none.
 *
 * @param invoiceId              the invoice
 * @param amount                 the reduction, in the invoice's currency: more than zero, less than what the invoice
 *                               totals after its earlier credit notes, at most {@link InputLimits#MAX_MINOR_UNITS}
 * @param reason                 why, 1 to 500 characters
 * @param idempotencyKey         a key under which a retry of this call replays the first result
 * @param refundPaymentId        the payment the refund is taken from, or null when no refund is needed
 * @param refundReference        the provider's refund id, with a refund
 * @param refundedOn             the day the refund went back, with a refund; in
 *                               {@link InputLimits#MIN_DATE}..{@link InputLimits#MAX_DATE}
 */
public record IssueCreditNote(@NotNull @Pattern(regexp = Patterns.ID) String invoiceId,
                              @NotNull @Amount(min = 1) Money amount, @NotBlank @Size(max = 500) String reason,
                              @NotBlank @Size(max = 200) String idempotencyKey,
                              @Pattern(regexp = Patterns.ID) String refundPaymentId,
                              @Size(min = 1, max = 200) String refundReference, LocalDate refundedOn) {

    /**
     * A credit note without a refund (the invoice is not paid beyond its new total).
     *
     * @param invoiceId      the invoice
     * @param amount         the reduction
     * @param reason         why
     * @param idempotencyKey the key a retry sends again
     * @return the command
     */
    public static IssueCreditNote of(String invoiceId, Money amount, String reason, String idempotencyKey) {
        return new IssueCreditNote(invoiceId, amount, reason, idempotencyKey, null, null, null);
    }

    /**
     * The refund that goes with the credit note. Defaults to none.
     *
     * @param paymentId  the payment the refund is taken from
     * @param reference  the provider's refund id
     * @param refundDay  the day the refund went back
     * @return a copy with the refund
     */
    public IssueCreditNote withRefund(String paymentId, String reference, LocalDate refundDay) {
        return new IssueCreditNote(invoiceId, amount, reason, idempotencyKey, paymentId, reference, refundDay);
    }
}
