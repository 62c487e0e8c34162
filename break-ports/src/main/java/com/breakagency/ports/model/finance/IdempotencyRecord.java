package com.breakagency.ports.model.finance;

import java.time.Instant;
import java.util.Objects;

/**
 * What Break remembers of a call made with an idempotency key: which parameters it had and what it
 * produced, so a replay returns the first result and writes nothing.
 *
 * @param scope       the operation the key belongs to, such as {@code finance.recordPayment}
 * @param key         the caller's key
 * @param fingerprint a digest of the call's parameters
 * @param resultId    the id of what the first call produced (a payment id)
 * @param createdAt   when the first call committed
 * @param expiresAt   when the key may be forgotten (at least 24 hours later by default)
 */
public record IdempotencyRecord(String scope, String key, String fingerprint, String resultId, Instant createdAt,
                                Instant expiresAt) {

    /**
     * Checks presence.
     *
     * @param scope the operation the key belongs to, such as {@code finance.recordPayment}
     * @param key the caller's key
     * @param fingerprint a digest of the call's parameters
     * @param resultId the id of what the first call produced (a payment id)
     * @param createdAt when the first call committed
     * @param expiresAt when the key may be forgotten (at least 24 hours later by default)
     */
    public IdempotencyRecord {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(resultId, "resultId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
