package com.breakagency.ports.model.work;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A step of work queued in the same unit of work as the change that needs it, run later by a worker.
 *
 * @param id             Break's id
 * @param type           what to do, such as {@code ENSURE_COMMISSIONS}
 * @param dedupKey       at most one active step per key, such as {@code ENSURE_COMMISSIONS:<invoiceId>}
 * @param payload        the step's arguments (identifiers, never secrets)
 * @param status         where the step is
 * @param attempts       how many times it has been tried
 * @param nextAttemptAt  when it is due
 * @param leaseOwner     the worker holding it, while RUNNING
 * @param leaseExpiresAt when that lease ends, while RUNNING
 * @param lastError      the redacted error of the last failed attempt
 * @param createdAt      when first queued
 * @param updatedAt      when last changed
 * @param version        optimistic-locking version
 */
public record WorkStep(String id, String type, String dedupKey, Map<String, String> payload, StepStatus status,
                       int attempts, Instant nextAttemptAt, Optional<String> leaseOwner,
                       Optional<Instant> leaseExpiresAt, Optional<String> lastError, Instant createdAt,
                       Instant updatedAt, long version) {

    /**
     * Checks presence and copies the payload.
     *
     * @param id Break's id
     * @param type what to do, such as {@code ENSURE_COMMISSIONS}
     * @param dedupKey at most one active step per key, such as {@code ENSURE_COMMISSIONS:<invoiceId>}
     * @param payload the step's arguments (identifiers, never secrets)
     * @param status where the step is
     * @param attempts how many times it has been tried
     * @param nextAttemptAt when it is due
     * @param leaseOwner the worker holding it, while RUNNING
     * @param leaseExpiresAt when that lease ends, while RUNNING
     * @param lastError the redacted error of the last failed attempt
     * @param createdAt when first queued
     * @param updatedAt when last changed
     * @param version optimistic-locking version
     */
    public WorkStep {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(dedupKey, "dedupKey");
        payload = Map.copyOf(Objects.requireNonNull(payload, "payload"));
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(leaseOwner, "leaseOwner");
        Objects.requireNonNull(leaseExpiresAt, "leaseExpiresAt");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
