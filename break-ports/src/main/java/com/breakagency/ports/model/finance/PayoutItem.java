package com.breakagency.ports.model.finance;

import com.breakagency.ports.model.Money;
import java.util.Objects;

/**
 * One commission line or reversal in a payout. An entry is in at most one live payout, which the store
 * enforces with a constraint.
 *
 * @param payoutId the payout
 * @param entryId  the line's or reversal's id
 * @param kind     which of the two it is
 * @param amount   its amount, negative for a reversal
 */
public record PayoutItem(String payoutId, String entryId, PayoutEntryKind kind, Money amount) {

    /**
     * Checks presence.
     *
     * @param payoutId the payout
     * @param entryId the line's or reversal's id
     * @param kind which of the two it is
     * @param amount its amount, negative for a reversal
     */
    public PayoutItem {
        Objects.requireNonNull(payoutId, "payoutId");
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
    }
}
