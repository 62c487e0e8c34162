package com.breakagency.ports.api.finance;

import com.breakagency.ports.model.finance.Payout;
import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Cancels a DRAFT or APPROVED payout; its lines are free for another payout.
 *
 * @param payoutId        the payout
 * @param expectedVersion the version the caller read
 * @param reason          why, 1 to 500 characters
 */
public record CancelPayout(@NotNull @Pattern(regexp = Patterns.ID) String payoutId, @Positive long expectedVersion,
                           @NotBlank @Size(max = 500) String reason) {

    /**
     * Cancels a payout as it was read.
     *
     * @param payout the payout as read
     * @param reason why
     * @return the command
     */
    public static CancelPayout of(Payout payout, String reason) {
        return new CancelPayout(payout.id(), payout.version(), reason);
    }
}
