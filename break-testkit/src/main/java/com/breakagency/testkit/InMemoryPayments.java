package com.breakagency.testkit;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.finance.Payment;
import com.breakagency.ports.spi.Payments;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@link Payments} in memory, with one payment per (invoice, external reference). Thread-safe. */
public final class InMemoryPayments implements Payments {

    private final InMemoryTransactions transactions;
    private final TransactionalMap<String, Payment> byId;
    private final TransactionalMap<String, String> idByReference;
    private InMemoryCommissions commissions;

    /**
     * An empty store.
     *
     * @param transactions the units of work it takes part in
     */
    public InMemoryPayments(InMemoryTransactions transactions) {
        this.transactions = transactions;
        this.byId = new TransactionalMap<>(transactions);
        this.idByReference = new TransactionalMap<>(transactions);
    }

    @Override
    public void insert(Payment payment) {
        transactions.inTransaction(() -> {
            if (!byId.putIfAbsent(payment.id(), payment)) {
                throw BreakException.alreadyExists("payment", "id");
            }
            if (!idByReference.putIfAbsent(payment.invoiceId() + "\u0000" + payment.externalReference(), payment.id())) {
                throw BreakException.alreadyExists("payment", "externalReference");
            }
            return null;
        });
    }

    /**
     * Tells the store where commission lines live, for {@link #withoutCommissions}.
     *
     * @param lines the commission lines store of the same bundle
     */
    void linkCommissions(InMemoryCommissions lines) {
        this.commissions = lines;
    }

    @Override
    public List<Payment> withoutCommissions(Instant recordedBefore, Optional<String> afterId, int limit) {
        return transactions.inTransaction(() -> Keyset.ascendingAfter(byId.values(p -> p.recordedAt().isBefore(recordedBefore)
                && withoutLines(p)), Payment::id, afterId, limit));
    }

    @Override
    public long countInvoicesWithoutCommissions() {
        return transactions.inTransaction(() -> byId.values(this::withoutLines).stream().map(Payment::invoiceId)
                .distinct().count());
    }

    private boolean withoutLines(Payment payment) {
        return commissions == null || commissions.byPayment(payment.id()).isEmpty();
    }

    @Override
    public Optional<Payment> findById(String id) {
        return byId.get(id);
    }

    @Override
    public List<Payment> byInvoice(String invoiceId) {
        return Keyset.ascendingAfter(byId.values(p -> p.invoiceId().equals(invoiceId)), Payment::id, Optional.empty(),
                Integer.MAX_VALUE);
    }

    @Override
    public List<Payment> receivedBetween(LocalDate from, LocalDate to, Optional<String> afterId, int limit) {
        return Keyset.ascendingAfter(byId.values(p -> !p.receivedOn().isBefore(from) && p.receivedOn().isBefore(to)),
                Payment::id, afterId, limit);
    }

    @Override
    public Map<String, Long> receivedByCurrency(LocalDate from, LocalDate to) {
        return transactions.inTransaction(() -> {
            Map<String, Long> sums = new TreeMap<>();
            for (Payment p : byId.values(p -> !p.receivedOn().isBefore(from) && p.receivedOn().isBefore(to))) {
                sums.merge(p.amount().currency().getCurrencyCode(), p.amount().minorUnits(), Long::sum);
            }
            return sums;
        });
    }
}
