package com.breakagency.testkit;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.finance.BeneficiaryKind;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.CommissionStatus;
import com.breakagency.ports.spi.Commissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@link Commissions} in memory, with one line per (payment, beneficiary) as a unique index would give, and
 * the one move a line makes (to PAID_OUT) guarded by its status.
 * Thread-safe.
 */
public final class InMemoryCommissions implements Commissions {

    private final InMemoryTransactions transactions;
    private final TransactionalMap<String, CommissionLine> byId;
    private final TransactionalMap<String, String> idByAllocation;

    /**
     * An empty store.
     *
     * @param transactions the units of work it takes part in
     */
    public InMemoryCommissions(InMemoryTransactions transactions) {
        this.transactions = transactions;
        this.byId = new TransactionalMap<>(transactions);
        this.idByAllocation = new TransactionalMap<>(transactions);
    }

    @Override
    public void insertAll(List<CommissionLine> lines) {
        transactions.inTransaction(() -> {
            for (CommissionLine line : lines) {
                if (!byId.putIfAbsent(line.id(), line)) {
                    throw BreakException.alreadyExists("commission line", "id");
                }
                String allocation = line.paymentId() + "\u0000" + line.beneficiary().kind() + "\u0000" + line.beneficiary().id();
                if (!idByAllocation.putIfAbsent(allocation, line.id())) {
                    throw BreakException.alreadyExists("commission line", "allocation");
                }
            }
            return null;
        });
    }

    @Override
    public List<CommissionLine> byPayment(String paymentId) {
        return Keyset.ascendingAfter(byId.values(l -> l.paymentId().equals(paymentId)), CommissionLine::id,
                Optional.empty(), Integer.MAX_VALUE);
    }

    @Override
    public List<CommissionLine> byInvoice(String invoiceId) {
        return Keyset.ascendingAfter(byId.values(l -> l.invoiceId().equals(invoiceId)), CommissionLine::id,
                Optional.empty(), Integer.MAX_VALUE);
    }

    @Override
    public List<CommissionLine> list(Query query, Optional<String> afterId, int limit) {
        List<CommissionLine> matching = byId.values(l -> query.beneficiary().map(l.beneficiary()::equals).orElse(true)
                && query.talentId().map(l.talentId()::equals).orElse(true)
                && query.status().map(s -> s == l.status()).orElse(true)
                && query.from().map(f -> !l.createdAt().isBefore(f)).orElse(true)
                && query.to().map(t -> l.createdAt().isBefore(t)).orElse(true));
        return Keyset.ascendingAfter(matching, CommissionLine::id, afterId, limit);
    }

    @Override
    public void markPaidOut(List<String> ids) {
        transactions.inTransaction(() -> {
            for (String id : ids) {
                CommissionLine l = byId.get(id).filter(x -> x.status() == CommissionStatus.PENDING_PAYOUT)
                        .orElseThrow(() -> InMemoryRefunds.notPending(id));
                byId.put(id, new CommissionLine(l.id(), l.paymentId(), l.invoiceId(), l.dealId(), l.talentId(),
                        l.beneficiary(), l.basis(), l.rate(), l.planId(), l.amount(), CommissionStatus.PAID_OUT,
                        l.createdAt()));
            }
            return null;
        });
    }

    @Override
    public Map<String, Long> amountByCurrency(CommissionStatus status, Set<BeneficiaryKind> kinds) {
        Map<String, Long> sums = new TreeMap<>();
        for (CommissionLine l : byId.values(l -> l.status() == status && kinds.contains(l.beneficiary().kind()))) {
            sums.merge(l.amount().currency().getCurrencyCode(), l.amount().minorUnits(), Long::sum);
        }
        return sums;
    }
}
