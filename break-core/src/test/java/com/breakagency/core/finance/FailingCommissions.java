package com.breakagency.core.finance;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.spi.Activities;
import com.breakagency.ports.spi.AuditLog;
import com.breakagency.ports.spi.Brands;
import com.breakagency.ports.spi.CommissionPlans;
import com.breakagency.ports.spi.Commissions;
import com.breakagency.ports.spi.Contacts;
import com.breakagency.ports.spi.Deals;
import com.breakagency.ports.spi.IdempotencyKeys;
import com.breakagency.ports.spi.Invoices;
import com.breakagency.ports.spi.Payments;
import com.breakagency.ports.spi.Persistence;
import com.breakagency.ports.spi.Talents;
import com.breakagency.ports.spi.Transactions;
import com.breakagency.ports.spi.WorkQueue;
import com.breakagency.testkit.InMemoryPersistence;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The in-memory stores, except that storing commission lines fails while armed — the moment after the
 * payment and the invoice update were written and before the lines are, as a lost database connection
 * would.
 */
final class FailingCommissions implements Persistence {

    final InMemoryPersistence memory = InMemoryPersistence.create();
    final AtomicBoolean armed = new AtomicBoolean();

    private final Commissions commissions = new Commissions() {
        @Override
        public void insertAll(List<CommissionLine> lines) {
            if (armed.get()) {
                throw BreakException.persistenceUnavailable(new IllegalStateException("connection reset while storing lines"));
            }
            memory.commissions().insertAll(lines);
        }

        @Override
        public List<CommissionLine> byPayment(String paymentId) {
            return memory.commissions().byPayment(paymentId);
        }

        @Override
        public List<CommissionLine> byInvoice(String invoiceId) {
            return memory.commissions().byInvoice(invoiceId);
        }

        @Override
        public List<CommissionLine> list(Query query, Optional<String> afterId, int limit) {
            return memory.commissions().list(query, afterId, limit);
        }
    };

    @Override
    public Transactions transactions() {
        return memory.transactions();
    }

    @Override
    public Brands brands() {
        return memory.brands();
    }

    @Override
    public Contacts contacts() {
        return memory.contacts();
    }

    @Override
    public Talents talents() {
        return memory.talents();
    }

    @Override
    public Deals deals() {
        return memory.deals();
    }

    @Override
    public Activities activities() {
        return memory.activities();
    }

    @Override
    public AuditLog auditLog() {
        return memory.auditLog();
    }

    @Override
    public Invoices invoices() {
        return memory.invoices();
    }

    @Override
    public Payments payments() {
        return memory.payments();
    }

    @Override
    public Commissions commissions() {
        return commissions;
    }

    @Override
    public CommissionPlans commissionPlans() {
        return memory.commissionPlans();
    }

    @Override
    public IdempotencyKeys idempotencyKeys() {
        return memory.idempotencyKeys();
    }

    @Override
    public WorkQueue workQueue() {
        return memory.workQueue();
    }
}
