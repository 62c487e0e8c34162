package com.breakagency.testkit;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.mail.MailSyncState;
import com.breakagency.ports.spi.MailSyncStates;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link MailSyncStates} in memory, with a per-connection lock for {@link #lock}, held to the end of the unit
 * of work. Thread-safe.
 */
public final class InMemoryMailSyncStates implements MailSyncStates {

    private static final String ENTITY = "mailSyncState";

    private final InMemoryTransactions transactions;
    private final TransactionalMap<String, MailSyncState> byId;
    private final Map<String, ReentrantLock> rowLocks = new ConcurrentHashMap<>();

    /**
     * An empty store.
     *
     * @param transactions the units of work it takes part in
     */
    public InMemoryMailSyncStates(InMemoryTransactions transactions) {
        this.transactions = transactions;
        this.byId = new TransactionalMap<>(transactions);
    }

    @Override
    public void insert(MailSyncState state) {
        transactions.inTransaction(() -> {
            if (!byId.putIfAbsent(state.connectionId(), state)) {
                throw BreakException.alreadyExists(ENTITY, "connectionId");
            }
            return null;
        });
    }

    @Override
    public void update(MailSyncState state) {
        transactions.inTransaction(() -> {
            MailSyncState stored = byId.get(state.connectionId())
                    .orElseThrow(() -> BreakException.notFound("connection", state.connectionId()));
            if (stored.version() != state.version() - 1) {
                throw BreakException.versionMismatch(ENTITY, state.connectionId());
            }
            byId.put(state.connectionId(), state);
            return null;
        });
    }

    @Override
    public Optional<MailSyncState> find(String connectionId) {
        return byId.get(connectionId);
    }

    @Override
    public Optional<MailSyncState> lock(String connectionId) {
        if (!transactions.isActive()) {
            throw new IllegalStateException("lock must be called inside a unit of work");
        }
        ReentrantLock lock = rowLocks.computeIfAbsent(connectionId, k -> new ReentrantLock());
        if (!lock.isHeldByCurrentThread()) {
            lock.lock();
            transactions.onEnd(lock::unlock);
        }
        return byId.get(connectionId);
    }

    @Override
    public List<MailSyncState> list(Optional<String> afterConnectionId, int limit) {
        return Keyset.ascendingAfter(byId.values(s -> true), MailSyncState::connectionId, afterConnectionId, limit);
    }
}
