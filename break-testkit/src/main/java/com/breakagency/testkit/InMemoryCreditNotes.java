package com.breakagency.testkit;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.finance.CreditNote;
import com.breakagency.ports.spi.CreditNotes;
import java.util.List;
import java.util.Optional;

/**
 * {@link CreditNotes} in memory, with unique numbers as a unique index would give, and a counter that a
 * rolled-back unit of work gives back. Thread-safe.
 */
public final class InMemoryCreditNotes implements CreditNotes {

    private final InMemoryTransactions transactions;
    private final TransactionalMap<String, CreditNote> byId;
    private final TransactionalMap<Long, String> idByNumber;
    private final TransactionalMap<String, Long> counter;

    /**
     * An empty store.
     *
     * @param transactions the units of work it takes part in
     */
    public InMemoryCreditNotes(InMemoryTransactions transactions) {
        this.transactions = transactions;
        this.byId = new TransactionalMap<>(transactions);
        this.idByNumber = new TransactionalMap<>(transactions);
        this.counter = new TransactionalMap<>(transactions);
    }

    @Override
    public void insert(CreditNote note) {
        transactions.inTransaction(() -> {
            if (!byId.putIfAbsent(note.id(), note)) {
                throw BreakException.alreadyExists("credit note", "id");
            }
            if (!idByNumber.putIfAbsent(note.number(), note.id())) {
                throw BreakException.alreadyExists("credit note", "number");
            }
            return null;
        });
    }

    @Override
    public Optional<CreditNote> findById(String id) {
        return byId.get(id);
    }

    @Override
    public List<CreditNote> byInvoice(String invoiceId) {
        return Keyset.ascendingAfter(byId.values(n -> n.invoiceId().equals(invoiceId)), CreditNote::id, Optional.empty(),
                Integer.MAX_VALUE);
    }

    @Override
    public long nextNumber() {
        if (!transactions.isActive()) {
            throw new IllegalStateException("nextNumber needs a unit of work");
        }
        long next = counter.get("credit-note").orElse(0L) + 1;
        counter.put("credit-note", next);
        return next;
    }

    @Override
    public List<CreditNote> list(Query query, Optional<String> afterId, int limit) {
        return Keyset.ascendingAfter(byId.values(n -> query.brandId().map(n.brandId()::equals).orElse(true)
                && query.invoiceId().map(n.invoiceId()::equals).orElse(true)
                && query.from().map(f -> !n.createdAt().isBefore(f)).orElse(true)
                && query.to().map(t -> n.createdAt().isBefore(t)).orElse(true)), CreditNote::id, afterId, limit);
    }
}
