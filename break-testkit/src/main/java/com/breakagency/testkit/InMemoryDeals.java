package com.breakagency.testkit;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.spi.Deals;
import java.util.List;
import java.util.Optional;

/** {@link Deals} in memory. Thread-safe. */
public final class InMemoryDeals implements Deals {

    private final InMemoryTransactions transactions;
    private final TransactionalMap<String, Deal> byId;

    /**
     * An empty store.
     *
     * @param transactions the units of work it takes part in
     */
    public InMemoryDeals(InMemoryTransactions transactions) {
        this.transactions = transactions;
        this.byId = new TransactionalMap<>(transactions);
    }

    @Override
    public void insert(Deal deal) {
        if (!byId.putIfAbsent(deal.id(), deal)) {
            throw BreakException.alreadyExists("deal", "id");
        }
    }

    @Override
    public void update(Deal deal) {
        transactions.inTransaction(() -> {
            Deal stored = byId.get(deal.id()).orElseThrow(() -> BreakException.notFound("deal", deal.id()));
            if (stored.version() != deal.version() - 1) {
                throw BreakException.versionMismatch("deal", deal.id());
            }
            byId.put(deal.id(), deal);
            return null;
        });
    }

    @Override
    public Optional<Deal> findById(String id) {
        return byId.get(id);
    }

    @Override
    public List<Deal> list(Query query, Optional<String> afterId, int limit) {
        List<Deal> matching = byId.values(d -> query.brandId().map(d.brandId()::equals).orElse(true)
                && query.talentId().map(d.talentId()::equals).orElse(true)
                && query.ownerAgentId().map(d.ownerAgentId()::equals).orElse(true)
                && query.stage().map(s -> s == d.stage()).orElse(true));
        return Keyset.ascendingAfter(matching, Deal::id, afterId, limit);
    }
}
