package com.breakagency.testkit;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.integration.Connection;
import com.breakagency.ports.model.integration.ConnectionStatus;
import com.breakagency.ports.model.integration.Provider;
import com.breakagency.ports.spi.Connections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link Connections} in memory, with the (owner, provider, address) uniqueness a unique index would give
 * and a per-connection lock for {@link #lockForRefresh}, held to the end of the unit of work. Thread-safe.
 */
public final class InMemoryConnections implements Connections {

    private static final String ENTITY = "connection";

    private final InMemoryTransactions transactions;
    private final TransactionalMap<String, Connection> byId;
    private final Map<String, ReentrantLock> rowLocks = new ConcurrentHashMap<>();

    /**
     * An empty store.
     *
     * @param transactions the units of work it takes part in
     */
    public InMemoryConnections(InMemoryTransactions transactions) {
        this.transactions = transactions;
        this.byId = new TransactionalMap<>(transactions);
    }

    @Override
    public void insert(Connection connection) {
        transactions.inTransaction(() -> {
            if (findByAccount(connection.ownerUserId(), connection.provider(), connection.accountAddress()).isPresent()) {
                throw BreakException.alreadyExists(ENTITY, "accountAddress");
            }
            if (!byId.putIfAbsent(connection.id(), connection)) {
                throw BreakException.alreadyExists(ENTITY, "id");
            }
            return null;
        });
    }

    @Override
    public void update(Connection connection) {
        transactions.inTransaction(() -> {
            Connection stored = byId.get(connection.id())
                    .orElseThrow(() -> BreakException.notFound(ENTITY, connection.id()));
            if (stored.version() != connection.version() - 1) {
                throw BreakException.versionMismatch(ENTITY, connection.id());
            }
            boolean sameAccount = stored.ownerUserId().equals(connection.ownerUserId())
                    && stored.provider() == connection.provider()
                    && stored.accountAddress().equals(connection.accountAddress());
            if (!sameAccount && findByAccount(connection.ownerUserId(), connection.provider(),
                    connection.accountAddress()).isPresent()) {
                throw BreakException.alreadyExists(ENTITY, "accountAddress");
            }
            byId.put(connection.id(), connection);
            return null;
        });
    }

    @Override
    public Optional<Connection> find(String id) {
        return byId.get(id);
    }

    @Override
    public Optional<Connection> lockForRefresh(String id) {
        if (!transactions.isActive()) {
            throw new IllegalStateException("lockForRefresh must be called inside a unit of work");
        }
        ReentrantLock lock = rowLocks.computeIfAbsent(id, k -> new ReentrantLock());
        if (!lock.isHeldByCurrentThread()) {
            lock.lock();
            transactions.onEnd(lock::unlock);
        }
        return byId.get(id);
    }

    @Override
    public Optional<Connection> findByAccount(String ownerUserId, Provider provider, String accountAddress) {
        return byId.values(c -> c.ownerUserId().equals(ownerUserId) && c.provider() == provider
                && c.accountAddress().equals(accountAddress)).stream().findFirst();
    }

    @Override
    public List<Connection> list(Optional<String> ownerUserId, Optional<Provider> provider,
                                 Optional<ConnectionStatus> status, Optional<String> afterId, int limit) {
        List<Connection> matching = byId.values(c -> ownerUserId.map(o -> o.equals(c.ownerUserId())).orElse(true)
                && provider.map(p -> p == c.provider()).orElse(true)
                && status.map(s -> s == c.status()).orElse(true));
        return Keyset.ascendingAfter(matching, Connection::id, afterId, limit);
    }

    @Override
    public Map<Provider, Map<ConnectionStatus, Long>> counts() {
        Map<Provider, Map<ConnectionStatus, Long>> counts = new EnumMap<>(Provider.class);
        for (Connection c : byId.values(c -> true)) {
            counts.computeIfAbsent(c.provider(), p -> new EnumMap<>(ConnectionStatus.class)).merge(c.status(), 1L, Long::sum);
        }
        return counts;
    }
}
