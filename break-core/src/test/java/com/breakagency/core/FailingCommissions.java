package com.breakagency.core;

import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.spi.Commissions;
import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.ForwardingPersistence;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Stores whose commission lines fail to store while armed — the moment after the payment and the invoice
 * update were written and before the lines are, as a lost database connection would. Every other store is the
 * delegate's.
 */
public class FailingCommissions extends ForwardingPersistence {

    /** While set, storing commission lines throws. */
    public final AtomicBoolean armed = new AtomicBoolean();

    private final Commissions commissions;

    /**
     * @param delegate the stores
     * @param failure  what storing lines throws while armed
     */
    public FailingCommissions(Persistence delegate, Supplier<RuntimeException> failure) {
        super(delegate);
        Commissions lines = delegate.commissions();
        this.commissions = new Commissions() {
            @Override
            public void insertAll(List<CommissionLine> toStore) {
                if (armed.get()) {
                    throw failure.get();
                }
                lines.insertAll(toStore);
            }

            @Override
            public List<CommissionLine> byPayment(String paymentId) {
                return lines.byPayment(paymentId);
            }

            @Override
            public List<CommissionLine> byInvoice(String invoiceId) {
                return lines.byInvoice(invoiceId);
            }

            @Override
            public List<CommissionLine> list(Query query, Optional<String> afterId, int limit) {
                return lines.list(query, afterId, limit);
            }

            @Override
            public void markPaidOut(List<String> ids) {
                lines.markPaidOut(ids);
            }
        };
    }

    @Override
    public Commissions commissions() {
        return commissions;
    }
}
