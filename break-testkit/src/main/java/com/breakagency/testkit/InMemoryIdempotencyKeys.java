package com.breakagency.testkit;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.finance.IdempotencyRecord;
import com.breakagency.ports.spi.IdempotencyKeys;
import java.time.Instant;
import java.util.Optional;

/** {@link IdempotencyKeys} in memory, unique per (scope, key). Thread-safe. */
public final class InMemoryIdempotencyKeys implements IdempotencyKeys {

    private final InMemoryTransactions transactions;
    private final TransactionalMap<String, IdempotencyRecord> byKey;

    /**
     * An empty store.
     *
     * @param transactions the units of work it takes part in
     */
    public InMemoryIdempotencyKeys(InMemoryTransactions transactions) {
        this.transactions = transactions;
        this.byKey = new TransactionalMap<>(transactions);
    }

    private static String key(String scope, String key) {
        return scope + "\u0000" + key;
    }

    @Override
    public Optional<IdempotencyRecord> find(String scope, String key) {
        return byKey.get(key(scope, key));
    }

    @Override
    public void insert(IdempotencyRecord record) {
        if (!byKey.putIfAbsent(key(record.scope(), record.key()), record)) {
            throw BreakException.alreadyExists("idempotency record", "idempotencyKey");
        }
    }

    @Override
    public int deleteExpired(Instant now) {
        return transactions.inTransaction(() -> {
            int removed = 0;
            for (IdempotencyRecord record : byKey.values(r -> r.expiresAt().isBefore(now))) {
                byKey.remove(key(record.scope(), record.key()));
                removed++;
            }
            return removed;
        });
    }
}
