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
 * Returns part or all of a recorded payment to the brand. More than was paid and not yet refunded is
 * CONFLICT/REFUND_EXCEEDS_PAYMENT. The payment's commission lines are reversed in proportion, by the same
 * largest-remainder rule that split it.
 *
 * @param paymentId         the payment
 * @param amount            how much, in the payment's currency: more than zero and at most
 *                          {@link InputLimits#MAX_MINOR_UNITS} minor units
 * @param refundedOn        the day the money went back, in {@link InputLimits#MIN_DATE}..{@link InputLimits#MAX_DATE}
 * @param externalReference the provider's refund id; unique per invoice
 * @param idempotencyKey    a key under which a retry of this call replays the first result
 * @param reason            why, 1 to 500 characters
 */
public record RefundPayment(@NotNull @Pattern(regexp = Patterns.ID) String paymentId,
                            @NotNull @Amount(min = 1) Money amount, @NotNull LocalDate refundedOn,
                            @NotBlank @Size(max = 200) String externalReference,
                            @NotBlank @Size(max = 200) String idempotencyKey,
                            @NotBlank @Size(max = 500) String reason) {

    /** The reason {@link #of} gives. */
    public static final String DEFAULT_REASON = "refunded to the brand";

    /**
     * A refund. Defaults to the external reference as idempotency key and {@value #DEFAULT_REASON} as reason.
     *
     * @param paymentId         the payment
     * @param amount            how much, such as {@code Money.of(20_000, "GBP")}
     * @param refundedOn        the day the money went back
     * @param externalReference the provider's refund id
     * @return the command
     */
    public static RefundPayment of(String paymentId, Money amount, LocalDate refundedOn, String externalReference) {
        return new RefundPayment(paymentId, amount, refundedOn, externalReference, externalReference, DEFAULT_REASON);
    }

    /**
     * Another idempotency key. Defaults to the external reference.
     *
     * @param key the key a retry sends again
     * @return a copy with the key
     */
    public RefundPayment withIdempotencyKey(String key) {
        return new RefundPayment(paymentId, amount, refundedOn, externalReference, key, reason);
    }

    /**
     * Another reason. Defaults to {@value #DEFAULT_REASON}.
     *
     * @param why the reason
     * @return a copy with the reason
     */
    public RefundPayment because(String why) {
        return new RefundPayment(paymentId, amount, refundedOn, externalReference, idempotencyKey, why);
    }
}
