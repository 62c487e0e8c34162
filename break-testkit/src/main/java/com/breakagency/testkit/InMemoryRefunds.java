package com.breakagency.testkit;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.finance.Beneficiary;
import com.breakagency.ports.model.finance.CommissionReversal;
import com.breakagency.ports.model.finance.CommissionStatus;
import com.breakagency.ports.model.finance.Refund;
import com.breakagency.ports.spi.Refunds;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * {@link Refunds} in memory, with one refund per (invoice, external reference) and one reversal per (refund,
 * line) as unique indexes would give. Thread-safe.
 */
public final class InMemoryRefunds implements Refunds {

    private final InMemoryTransactions transactions;
    private final TransactionalMap<String, Refund> byId;
    private final TransactionalMap<String, String> idByReference;
    private final TransactionalMap<String, CommissionReversal> reversalsById;
    private final TransactionalMap<String, String> reversalByLine;

    /**
     * An empty store.
     *
     * @param transactions the units of work it takes part in
     */
    public InMemoryRefunds(InMemoryTransactions transactions) {
        this.transactions = transactions;
        this.byId = new TransactionalMap<>(transactions);
        this.idByReference = new TransactionalMap<>(transactions);
        this.reversalsById = new TransactionalMap<>(transactions);
        this.reversalByLine = new TransactionalMap<>(transactions);
    }

    @Override
    public void insert(Refund refund) {
        transactions.inTransaction(() -> {
            if (!byId.putIfAbsent(refund.id(), refund)) {
                throw BreakException.alreadyExists("refund", "id");
            }
            if (!idByReference.putIfAbsent(refund.invoiceId() + "\u0000" + refund.externalReference(), refund.id())) {
                throw BreakException.alreadyExists("refund", "externalReference");
            }
            return null;
        });
    }

    @Override
    public Optional<Refund> findById(String id) {
        return byId.get(id);
    }

    @Override
    public List<Refund> byPayment(String paymentId) {
        return Keyset.ascendingAfter(byId.values(r -> r.paymentId().equals(paymentId)), Refund::id, Optional.empty(),
                Integer.MAX_VALUE);
    }

    @Override
    public List<Refund> byInvoice(String invoiceId) {
        return Keyset.ascendingAfter(byId.values(r -> r.invoiceId().equals(invoiceId)), Refund::id, Optional.empty(),
                Integer.MAX_VALUE);
    }

    @Override
    public List<Refund> refundedBetween(LocalDate from, LocalDate to, Optional<String> afterId, int limit) {
        return Keyset.ascendingAfter(byId.values(r -> !r.refundedOn().isBefore(from) && r.refundedOn().isBefore(to)),
                Refund::id, afterId, limit);
    }

    @Override
    public void insertReversals(List<CommissionReversal> reversals) {
        transactions.inTransaction(() -> {
            for (CommissionReversal r : reversals) {
                if (!reversalsById.putIfAbsent(r.id(), r)) {
                    throw BreakException.alreadyExists("commission reversal", "id");
                }
                if (!reversalByLine.putIfAbsent(r.refundId() + "\u0000" + r.reversesLineId(), r.id())) {
                    throw BreakException.alreadyExists("commission reversal", "reversal");
                }
            }
            return null;
        });
    }

    @Override
    public List<CommissionReversal> reversalsByPayment(String paymentId) {
        return Keyset.ascendingAfter(reversalsById.values(r -> r.paymentId().equals(paymentId)), CommissionReversal::id,
                Optional.empty(), Integer.MAX_VALUE);
    }

    @Override
    public List<CommissionReversal> reversalsByInvoice(String invoiceId) {
        return Keyset.ascendingAfter(reversalsById.values(r -> r.invoiceId().equals(invoiceId)), CommissionReversal::id,
                Optional.empty(), Integer.MAX_VALUE);
    }

    @Override
    public List<CommissionReversal> reversalsOf(Beneficiary beneficiary, boolean pendingOnly, Optional<String> afterId,
                                                int limit) {
        return Keyset.ascendingAfter(reversalsById.values(r -> r.beneficiary().equals(beneficiary)
                && (!pendingOnly || r.status() == CommissionStatus.PENDING_PAYOUT)), CommissionReversal::id, afterId, limit);
    }

    @Override
    public List<CommissionReversal> pendingReversals(Optional<String> afterId, int limit) {
        return Keyset.ascendingAfter(reversalsById.values(r -> r.status() == CommissionStatus.PENDING_PAYOUT),
                CommissionReversal::id, afterId, limit);
    }

    @Override
    public void markPaidOut(List<String> ids) {
        transactions.inTransaction(() -> {
            for (String id : ids) {
                CommissionReversal r = reversalsById.get(id).filter(x -> x.status() == CommissionStatus.PENDING_PAYOUT)
                        .orElseThrow(() -> notPending(id));
                reversalsById.put(id, new CommissionReversal(r.id(), r.refundId(), r.reversesLineId(), r.paymentId(),
                        r.invoiceId(), r.talentId(), r.beneficiary(), r.amount(), r.kind(), CommissionStatus.PAID_OUT,
                        r.createdAt()));
            }
            return null;
        });
    }

    static BreakException notPending(String id) {
        return BreakException.builder(ErrorCode.CONFLICT).reason(Reason.INVALID_STATE_TRANSITION)
                .detail("An entry to pay out is missing or not owed any more.").build();
    }
}
