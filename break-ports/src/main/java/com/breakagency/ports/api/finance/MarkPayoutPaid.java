package com.breakagency.ports.api.finance;

import com.breakagency.ports.validation.InputLimits;
import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * Records that an APPROVED payout was paid: its lines and reversals become PAID_OUT in the same unit of work.
 * A retry with the same idempotency key and the same parameters replays the first result; the same key with
 * other parameters is CONFLICT/IDEMPOTENCY_KEY_REUSED.
 *
 * @param payoutId          the payout
 * @param paidOn            the day the money was sent, in {@link InputLimits#MIN_DATE}..{@link InputLimits#MAX_DATE}
 * @param externalReference the bank transfer's id
 * @param idempotencyKey    a key under which a retry of this call replays the first result
 */
public record MarkPayoutPaid(@NotNull @Pattern(regexp = Patterns.ID) String payoutId, @NotNull LocalDate paidOn,
                             @NotBlank @Size(max = 200) String externalReference,
                             @NotBlank @Size(max = 200) String idempotencyKey) {

    /**
     * A payout paid by a transfer. Defaults to the external reference as idempotency key.
     *
     * @param payoutId          the payout
     * @param paidOn            the day the money was sent
     * @param externalReference the bank transfer's id
     * @return the command
     */
    public static MarkPayoutPaid of(String payoutId, LocalDate paidOn, String externalReference) {
        return new MarkPayoutPaid(payoutId, paidOn, externalReference, externalReference);
    }

    /**
     * Another idempotency key. Defaults to the external reference.
     *
     * @param key the key a retry sends again
     * @return a copy with the key
     */
    public MarkPayoutPaid withIdempotencyKey(String key) {
        return new MarkPayoutPaid(payoutId, paidOn, externalReference, key);
    }
}
