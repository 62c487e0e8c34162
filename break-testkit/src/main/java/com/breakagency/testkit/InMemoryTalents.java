package com.breakagency.testkit;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.spi.Talents;
import java.util.List;
import java.util.Optional;

/** {@link Talents} in memory. Thread-safe. */
public final class InMemoryTalents implements Talents {

    private final InMemoryTransactions transactions;
    private final TransactionalMap<String, Talent> byId;

    /**
     * An empty store.
     *
     * @param transactions the units of work it takes part in
     */
    public InMemoryTalents(InMemoryTransactions transactions) {
        this.transactions = transactions;
        this.byId = new TransactionalMap<>(transactions);
    }

    @Override
    public void insert(Talent talent) {
        if (!byId.putIfAbsent(talent.id(), talent)) {
            throw BreakException.alreadyExists("talent", "id");
        }
    }

    @Override
    public void update(Talent talent) {
        transactions.inTransaction(() -> {
            Talent stored = byId.get(talent.id()).orElseThrow(() -> BreakException.notFound("talent", talent.id()));
            if (stored.version() != talent.version() - 1) {
                throw BreakException.versionMismatch("talent", talent.id());
            }
            byId.put(talent.id(), talent);
            return null;
        });
    }

    @Override
    public Optional<Talent> findById(String id) {
        return byId.get(id);
    }

    @Override
    public List<Talent> list(Query query, Optional<String> afterId, int limit) {
        List<Talent> matching = byId.values(t -> Keyset.startsWithIgnoringCase(t.name(), query.namePrefix())
                && query.managingAgentId().map(a -> t.managingAgentId().equals(Optional.of(a))).orElse(true)
                && (query.includeArchived() || !t.archived()));
        return Keyset.ascendingAfter(matching, Talent::id, afterId, limit);
    }
}
