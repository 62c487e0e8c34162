package com.breakagency.testkit;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.InvoiceStatus;
import com.breakagency.ports.spi.Deals;
import com.breakagency.ports.spi.Invoices;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@link Invoices} in memory, with the uniqueness of deal and number a unique index would give. Units of
 * work run one at a time, so {@link #findByIdForUpdate} needs no lock of its own. The owner-agent filter
 * reads the deal's current owner from the deals store of the same {@link InMemoryPersistence} (a store
 * made on its own knows no deals, and that filter matches nothing). Thread-safe.
 */
public final class InMemoryInvoices implements Invoices {

    private final InMemoryTransactions transactions;
    private final TransactionalMap<String, Invoice> byId;
    private final TransactionalMap<String, String> idByDeal;
    private final TransactionalMap<Long, String> idByNumber;
    private final TransactionalMap<String, Long> counter;
    private volatile Deals deals;

    /**
     * An empty store.
     *
     * @param transactions the units of work it takes part in
     */
    public InMemoryInvoices(InMemoryTransactions transactions) {
        this.transactions = transactions;
        this.byId = new TransactionalMap<>(transactions);
        this.idByDeal = new TransactionalMap<>(transactions);
        this.idByNumber = new TransactionalMap<>(transactions);
        this.counter = new TransactionalMap<>(transactions);
    }

    void linkDeals(Deals store) {
        this.deals = store;
    }

    /** Whether the agent owns the invoice's deal now. */
    private boolean ownedBy(Invoice invoice, String agentId) {
        Deals store = deals;
        return store != null && store.findById(invoice.dealId()).map(d -> d.ownerAgentId().equals(agentId)).orElse(false);
    }

    @Override
    public void insert(Invoice invoice) {
        transactions.inTransaction(() -> {
            if (!byId.putIfAbsent(invoice.id(), invoice)) {
                throw BreakException.alreadyExists("invoice", "id");
            }
            if (!idByDeal.putIfAbsent(invoice.dealId(), invoice.id())) {
                throw BreakException.alreadyExists("invoice", "dealId");
            }
            claimNumber(invoice);
            return null;
        });
    }

    @Override
    public void update(Invoice invoice) {
        transactions.inTransaction(() -> {
            Invoice stored = byId.get(invoice.id()).orElseThrow(() -> BreakException.notFound("invoice", invoice.id()));
            if (stored.version() != invoice.version() - 1) {
                throw BreakException.versionMismatch("invoice", invoice.id());
            }
            if (!stored.dealId().equals(invoice.dealId())) {
                throw new IllegalArgumentException("an invoice's deal never changes");
            }
            stored.number().ifPresent(idByNumber::remove);
            claimNumber(invoice);
            byId.put(invoice.id(), invoice);
            return null;
        });
    }

    private void claimNumber(Invoice invoice) {
        if (invoice.number().isPresent() && !idByNumber.putIfAbsent(invoice.number().get(), invoice.id())) {
            throw BreakException.alreadyExists("invoice", "number");
        }
    }

    @Override
    public Optional<Invoice> findById(String id) {
        return byId.get(id);
    }

    @Override
    public Optional<Invoice> findByIdForUpdate(String id) {
        if (!transactions.isActive()) {
            throw new IllegalStateException("findByIdForUpdate needs a unit of work");
        }
        return byId.get(id);
    }

    @Override
    public Optional<Invoice> findByDeal(String dealId) {
        return transactions.inTransaction(() -> idByDeal.get(dealId).flatMap(byId::get));
    }

    @Override
    public long nextNumber() {
        if (!transactions.isActive()) {
            throw new IllegalStateException("nextNumber needs a unit of work");
        }
        long next = counter.get("invoice").orElse(0L) + 1;
        counter.put("invoice", next);
        return next;
    }

    @Override
    public List<Invoice> list(Query query, Optional<String> afterId, int limit) {
        return transactions.inTransaction(() -> Keyset.ascendingAfter(byId.values(i -> (query.statuses().isEmpty() || query.statuses().contains(i.status()))
                && query.dealId().map(i.dealId()::equals).orElse(true)
                && query.brandId().map(i.brandId()::equals).orElse(true)
                && query.talentId().map(i.talentId()::equals).orElse(true)
                && query.dueBefore().map(d -> i.dueDate().map(due -> due.isBefore(d)).orElse(false)).orElse(true)
                && query.ownerAgentId().map(agent -> ownedBy(i, agent)).orElse(true)), Invoice::id, afterId, limit));
    }

    @Override
    public Map<String, Long> outstandingByCurrency(Set<InvoiceStatus> statuses, Optional<LocalDate> dueBefore) {
        return transactions.inTransaction(() -> {
            Map<String, Long> sums = new TreeMap<>();
            for (Invoice i : byId.values(i -> statuses.contains(i.status())
                    && dueBefore.map(d -> i.dueDate().map(due -> due.isBefore(d)).orElse(false)).orElse(true))) {
                sums.merge(i.total().currency().getCurrencyCode(), i.outstanding().minorUnits(), Long::sum);
            }
            return sums;
        });
    }
}
