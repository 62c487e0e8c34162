package com.breakagency.testkit;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.integration.PendingAuthorization;
import com.breakagency.ports.spi.PendingAuthorizations;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link PendingAuthorizations} in memory: one flow per state hash, taken at most once. Thread-safe. */
public final class InMemoryPendingAuthorizations implements PendingAuthorizations {

    private final InMemoryTransactions transactions;
    private final TransactionalMap<String, PendingAuthorization> byHash;

    /**
     * An empty store.
     *
     * @param transactions the units of work it takes part in
     */
    public InMemoryPendingAuthorizations(InMemoryTransactions transactions) {
        this.transactions = transactions;
        this.byHash = new TransactionalMap<>(transactions);
    }

    @Override
    public void insert(PendingAuthorization pending) {
        if (!byHash.putIfAbsent(pending.stateHash(), pending)) {
            throw BreakException.alreadyExists("pendingAuthorization", "stateHash");
        }
    }

    @Override
    public Optional<PendingAuthorization> take(String stateHash) {
        return byHash.remove(stateHash);
    }

    @Override
    public int deleteExpired(Instant now) {
        return transactions.inTransaction(() -> {
            List<PendingAuthorization> expired = byHash.values(p -> p.expiresAt().isBefore(now));
            expired.forEach(p -> byHash.remove(p.stateHash()));
            return expired.size();
        });
    }

    /**
     * How many flows are stored: for tests that check nothing was written.
     *
     * @return the count
     */
    public int size() {
        return byHash.size();
    }
}
