package com.breakagency.ports.model.finance;

import com.breakagency.ports.model.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Money paid to one beneficiary (a talent's payout, an agent's commission) in one currency: the sum of its
 * {@link PayoutItem items}, never below zero.
 *
 * @param id                Break's id
 * @param beneficiary       who is paid (a talent or an agent, never the house)
 * @param amount            the sum of its items, zero or more
 * @param status            where it is in its lifecycle
 * @param upTo              only entries created before this instant were gathered, if set
 * @param externalReference the bank transfer's id, once paid
 * @param paidOn            the day the money was sent, once paid
 * @param version           optimistic-locking version
 * @param createdAt         when gathered
 * @param updatedAt         when last changed (when paid, for a PAID payout)
 */
public record Payout(String id, Beneficiary beneficiary, Money amount, PayoutStatus status, Optional<Instant> upTo,
                     Optional<String> externalReference, Optional<LocalDate> paidOn, long version, Instant createdAt,
                     Instant updatedAt) {

    /**
     * Checks presence.
     *
     * @param id Break's id
     * @param beneficiary who is paid (a talent or an agent, never the house)
     * @param amount the sum of its items, zero or more
     * @param status where it is in its lifecycle
     * @param upTo only entries created before this instant were gathered, if set
     * @param externalReference the bank transfer's id, once paid
     * @param paidOn the day the money was sent, once paid
     * @param version optimistic-locking version
     * @param createdAt when gathered
     * @param updatedAt when last changed (when paid, for a PAID payout)
     */
    public Payout {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(beneficiary, "beneficiary");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(upTo, "upTo");
        Objects.requireNonNull(externalReference, "externalReference");
        Objects.requireNonNull(paidOn, "paidOn");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /**
     * This payout in another status; the version and the last-change instant stay as they are (see {@link #next}).
     *
     * @param status the new value
     * @return a copy with that status
     */
    public Payout withStatus(PayoutStatus status) {
        return new Payout(id, beneficiary, amount, status, upTo, externalReference, paidOn, version, createdAt, updatedAt);
    }

    /**
     * This payout as paid by a transfer; the version and the last-change instant stay as they are.
     *
     * @param reference the bank transfer's id
     * @param day       the day the money was sent
     * @return a copy with both
     */
    public Payout withPayment(String reference, LocalDate day) {
        return new Payout(id, beneficiary, amount, status, upTo, Optional.of(reference), Optional.of(day), version,
                createdAt, updatedAt);
    }

    /**
     * The next stored version: the same values, the version one higher and changed at the given instant.
     *
     * @param updatedAt when the change is made, from Break's clock
     * @return the copy to store
     */
    public Payout next(Instant updatedAt) {
        return new Payout(id, beneficiary, amount, status, upTo, externalReference, paidOn, version + 1, createdAt,
                updatedAt);
    }
}
