package com.breakagency.ports.spi;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.finance.IdempotencyRecord;
import java.time.Instant;
import java.util.Optional;

/**
 * Remembers idempotency keys. Every method takes part in the calling thread's unit of work; store
 * failures are thrown as {@link BreakException} PERSISTENCE_UNAVAILABLE. Contract:
 * {@code IdempotencyKeysContract}.
 *
 * <p>A record is inserted in the same unit of work as the result it names, so a rolled-back call leaves
 * its key free. Two concurrent calls with one key: the second insert fails (on a database it waits for
 * the first unit of work, then fails), and the caller reads the first call's record.
 */
public interface IdempotencyKeys {

    /**
     * Reads a key's record, expired or not.
     *
     * @param scope the operation
     * @param key   the caller's key
     * @return the record, if any
     */
    Optional<IdempotencyRecord> find(String scope, String key);

    /**
     * Stores a key's record.
     *
     * @param record the record
     * @throws BreakException CONFLICT/ALREADY_EXISTS naming field {@code idempotencyKey} if (scope, key) is
     *                        taken (a unique constraint; scope and key are compared exactly)
     */
    void insert(IdempotencyRecord record);

    /**
     * Forgets the keys whose expiresAt is before an instant; a key that expires at it is kept.
     *
     * @param now the instant
     * @return how many were forgotten
     */
    int deleteExpired(Instant now);
}
