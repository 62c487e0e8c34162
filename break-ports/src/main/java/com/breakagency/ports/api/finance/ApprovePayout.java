package com.breakagency.ports.api.finance;

import com.breakagency.ports.model.finance.Payout;
import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * Approves a DRAFT payout for payment.
 *
 * @param payoutId        the payout
 * @param expectedVersion the version the caller read
 */
public record ApprovePayout(@NotNull @Pattern(regexp = Patterns.ID) String payoutId, @Positive long expectedVersion) {

    /**
     * Approves a payout as it was read.
     *
     * @param payout the payout as read
     * @return the command
     */
    public static ApprovePayout of(Payout payout) {
        return new ApprovePayout(payout.id(), payout.version());
    }
}
