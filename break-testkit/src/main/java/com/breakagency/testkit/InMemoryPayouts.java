package com.breakagency.testkit;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.finance.Payout;
import com.breakagency.ports.model.finance.PayoutItem;
import com.breakagency.ports.spi.Payouts;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link Payouts} in memory, with an entry in at most one live payout as a unique index on the live entries
 * would give. Units of work run one at a time, so {@link #findByIdForUpdate} needs no lock of its own.
 * Thread-safe.
 */
public final class InMemoryPayouts implements Payouts {

    private final InMemoryTransactions transactions;
    private final TransactionalMap<String, Payout> byId;
    private final TransactionalMap<String, List<PayoutItem>> itemsByPayout;
    private final TransactionalMap<String, String> payoutByLiveEntry;

    /**
     * An empty store.
     *
     * @param transactions the units of work it takes part in
     */
    public InMemoryPayouts(InMemoryTransactions transactions) {
        this.transactions = transactions;
        this.byId = new TransactionalMap<>(transactions);
        this.itemsByPayout = new TransactionalMap<>(transactions);
        this.payoutByLiveEntry = new TransactionalMap<>(transactions);
    }

    @Override
    public void insert(Payout payout, List<PayoutItem> items) {
        transactions.inTransaction(() -> {
            if (!byId.putIfAbsent(payout.id(), payout)) {
                throw BreakException.alreadyExists("payout", "id");
            }
            List<PayoutItem> sorted = items.stream().sorted(Comparator.comparing(PayoutItem::entryId)).toList();
            itemsByPayout.put(payout.id(), sorted);
            for (PayoutItem item : sorted) {
                if (!item.payoutId().equals(payout.id())) {
                    throw new IllegalArgumentException("an item names another payout");
                }
                if (payout.status().isLive() && !payoutByLiveEntry.putIfAbsent(item.entryId(), payout.id())) {
                    throw BreakException.alreadyExists("payout item", "entryId");
                }
            }
            return null;
        });
    }

    @Override
    public Optional<Payout> findById(String id) {
        return byId.get(id);
    }

    @Override
    public Optional<Payout> findByIdForUpdate(String id) {
        if (!transactions.isActive()) {
            throw new IllegalStateException("findByIdForUpdate needs a unit of work");
        }
        return byId.get(id);
    }

    @Override
    public List<PayoutItem> items(String payoutId) {
        return itemsByPayout.get(payoutId).orElse(List.of());
    }

    @Override
    public void update(Payout payout) {
        transactions.inTransaction(() -> {
            Payout stored = byId.get(payout.id()).orElseThrow(() -> BreakException.notFound("payout", payout.id()));
            if (stored.version() != payout.version() - 1) {
                throw BreakException.versionMismatch("payout", payout.id());
            }
            Payout kept = new Payout(stored.id(), stored.beneficiary(), stored.amount(), payout.status(), stored.upTo(),
                    payout.externalReference(), payout.paidOn(), payout.version(), stored.createdAt(), payout.updatedAt());
            byId.put(payout.id(), kept);
            if (stored.status().isLive() && !payout.status().isLive()) {
                for (PayoutItem item : items(payout.id())) {
                    payoutByLiveEntry.remove(item.entryId());
                }
            }
            return null;
        });
    }

    @Override
    public Set<String> inLivePayouts(Collection<String> entryIds) {
        return transactions.inTransaction(() -> {
            Set<String> live = new HashSet<>();
            for (String id : entryIds) {
                if (payoutByLiveEntry.get(id).isPresent()) {
                    live.add(id);
                }
            }
            return live;
        });
    }

    @Override
    public List<Payout> list(Query query, Optional<String> afterId, int limit) {
        return Keyset.ascendingAfter(byId.values(p -> query.beneficiary().map(p.beneficiary()::equals).orElse(true)
                && query.status().map(s -> s == p.status()).orElse(true)
                && query.paidFrom().map(f -> p.paidOn().map(d -> !d.isBefore(f)).orElse(false)).orElse(true)
                && query.paidTo().map(t -> p.paidOn().map(d -> d.isBefore(t)).orElse(false)).orElse(true)),
                Payout::id, afterId, limit);
    }
}
