package com.breakagency.testkit;

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
import com.breakagency.ports.spi.CreditNotes;
import com.breakagency.ports.spi.Payouts;
import com.breakagency.ports.spi.Refunds;
import java.util.Objects;

/**
 * A {@link Persistence} that hands out its delegate's stores, so that a test which puts one failing store in
 * place overrides that one getter and nothing else:
 *
 * <pre>{@code
 * Persistence failing = new ForwardingPersistence(InMemoryPersistence.create()) {
 *     @Override
 *     public Commissions commissions() {
 *         return linesThatFailToStore;
 *     }
 * };
 * }</pre>
 */
public class ForwardingPersistence implements Persistence {

    private final Persistence delegate;

    /**
     * Stores that forward every getter to a delegate.
     *
     * @param delegate the stores whose getters this forwards to
     */
    public ForwardingPersistence(Persistence delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /**
     * The stores this forwards to, for an override that wraps one of them.
     *
     * @return the delegate
     */
    protected final Persistence delegate() {
        return delegate;
    }

    /**
     * The unit of work of the delegate; override to put another store in its place.
     *
     * @return the delegate's transactions
     */
    @Override
    public Transactions transactions() {
        return delegate.transactions();
    }

    /**
     * The brands of the delegate; override to put another store in its place.
     *
     * @return the delegate's brands
     */
    @Override
    public Brands brands() {
        return delegate.brands();
    }

    /**
     * The contacts of the delegate; override to put another store in its place.
     *
     * @return the delegate's contacts
     */
    @Override
    public Contacts contacts() {
        return delegate.contacts();
    }

    /**
     * The talent profiles of the delegate; override to put another store in its place.
     *
     * @return the delegate's talents
     */
    @Override
    public Talents talents() {
        return delegate.talents();
    }

    /**
     * The deals of the delegate; override to put another store in its place.
     *
     * @return the delegate's deals
     */
    @Override
    public Deals deals() {
        return delegate.deals();
    }

    /**
     * The timelines of the delegate; override to put another store in its place.
     *
     * @return the delegate's activities
     */
    @Override
    public Activities activities() {
        return delegate.activities();
    }

    /**
     * The audit log of the delegate; override to put another store in its place.
     *
     * @return the delegate's auditLog
     */
    @Override
    public AuditLog auditLog() {
        return delegate.auditLog();
    }

    /**
     * The invoices of the delegate; override to put another store in its place.
     *
     * @return the delegate's invoices
     */
    @Override
    public Invoices invoices() {
        return delegate.invoices();
    }

    /**
     * The payments of the delegate; override to put another store in its place.
     *
     * @return the delegate's payments
     */
    @Override
    public Payments payments() {
        return delegate.payments();
    }

    /**
     * The commission lines of the delegate; override to put another store in its place.
     *
     * @return the delegate's commissions
     */
    @Override
    public Commissions commissions() {
        return delegate.commissions();
    }

    /**
     * The commission plans of the delegate; override to put another store in its place.
     *
     * @return the delegate's commissionPlans
     */
    @Override
    public CommissionPlans commissionPlans() {
        return delegate.commissionPlans();
    }

    /**
     * The idempotency keys of the delegate; override to put another store in its place.
     *
     * @return the delegate's idempotencyKeys
     */
    @Override
    public IdempotencyKeys idempotencyKeys() {
        return delegate.idempotencyKeys();
    }

    /**
     * The work queue of the delegate; override to put another store in its place.
     *
     * @return the delegate's workQueue
     */
    @Override
    public WorkQueue workQueue() {
        return delegate.workQueue();
    }

    /**
     * The refunds of the delegate; override to put another store in its place.
     *
     * @return the delegate's refunds
     */
    @Override
    public Refunds refunds() {
        return delegate.refunds();
    }

    /**
     * The payouts of the delegate; override to put another store in its place.
     *
     * @return the delegate's payouts
     */
    @Override
    public Payouts payouts() {
        return delegate.payouts();
    }

    /**
     * The credit notes of the delegate; override to put another store in its place.
     *
     * @return the delegate's credit notes
     */
    @Override
    public CreditNotes creditNotes() {
        return delegate.creditNotes();
    }
}
