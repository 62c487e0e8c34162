package com.breakagency.testkit;

import com.breakagency.ports.spi.IntegrationStores;
import com.breakagency.ports.spi.Persistence;

/**
 * Every persistence port in memory, and the integrations' stores ({@link IntegrationStores}), sharing one
 * {@link InMemoryTransactions}: for tests and for trying Break out (pass it to both {@code persistence(...)}
 * and {@code integrations(...)}). Behaves like the relational adapter where it matters to callers: units of work roll back
 * completely, unique constraints hold, optimistic versions are checked. Nothing survives the JVM.
 * Thread-safe.
 */
public final class InMemoryPersistence implements Persistence, IntegrationStores {

    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryBrands brands = new InMemoryBrands(transactions);
    private final InMemoryContacts contacts = new InMemoryContacts(transactions);
    private final InMemoryTalents talents = new InMemoryTalents(transactions);
    private final InMemoryDeals deals = new InMemoryDeals(transactions);
    private final InMemoryActivities activities = new InMemoryActivities(transactions);
    private final InMemoryAuditLog auditLog = new InMemoryAuditLog(transactions);
    private final InMemoryInvoices invoices = new InMemoryInvoices(transactions);
    private final InMemoryPayments payments = new InMemoryPayments(transactions);
    private final InMemoryCommissions commissions = new InMemoryCommissions(transactions);
    private final InMemoryCommissionPlans commissionPlans = new InMemoryCommissionPlans(transactions);
    private final InMemoryIdempotencyKeys idempotencyKeys = new InMemoryIdempotencyKeys(transactions);
    private final InMemoryWorkQueue workQueue = new InMemoryWorkQueue(transactions);
    private final InMemoryConnections connections = new InMemoryConnections(transactions);
    private final InMemoryPendingAuthorizations pendingAuthorizations = new InMemoryPendingAuthorizations(transactions);
    private final InMemoryRefunds refunds = new InMemoryRefunds(transactions);
    private final InMemoryPayouts payouts = new InMemoryPayouts(transactions);
    private final InMemoryCreditNotes creditNotes = new InMemoryCreditNotes(transactions);
    private final InMemoryEmails emails = new InMemoryEmails(transactions);
    private final InMemoryMailSyncStates mailSyncStates = new InMemoryMailSyncStates(transactions);
    private final InMemoryQuotaBudgets quotaBudgets = new InMemoryQuotaBudgets();

    private InMemoryPersistence() {
        payments.linkCommissions(commissions);
        invoices.linkDeals(deals);
    }

    /**
     * A fresh, empty set of stores.
     *
     * @return the bundle
     */
    public static InMemoryPersistence create() {
        return new InMemoryPersistence();
    }

    @Override
    public InMemoryTransactions transactions() {
        return transactions;
    }

    @Override
    public InMemoryBrands brands() {
        return brands;
    }

    @Override
    public InMemoryContacts contacts() {
        return contacts;
    }

    @Override
    public InMemoryTalents talents() {
        return talents;
    }

    @Override
    public InMemoryDeals deals() {
        return deals;
    }

    @Override
    public InMemoryActivities activities() {
        return activities;
    }

    @Override
    public InMemoryAuditLog auditLog() {
        return auditLog;
    }

    @Override
    public InMemoryInvoices invoices() {
        return invoices;
    }

    @Override
    public InMemoryPayments payments() {
        return payments;
    }

    @Override
    public InMemoryCommissions commissions() {
        return commissions;
    }

    @Override
    public InMemoryCommissionPlans commissionPlans() {
        return commissionPlans;
    }

    @Override
    public InMemoryIdempotencyKeys idempotencyKeys() {
        return idempotencyKeys;
    }

    @Override
    public InMemoryWorkQueue workQueue() {
        return workQueue;
    }

    @Override
    public InMemoryConnections connections() {
        return connections;
    }

    @Override
    public InMemoryPendingAuthorizations pendingAuthorizations() {
        return pendingAuthorizations;
    }

    @Override
    public InMemoryRefunds refunds() {
        return refunds;
    }

    @Override
    public InMemoryPayouts payouts() {
        return payouts;
    }

    @Override
    public InMemoryCreditNotes creditNotes() {
        return creditNotes;
    }

    @Override
    public InMemoryEmails emails() {
        return emails;
    }

    @Override
    public InMemoryMailSyncStates mailSyncStates() {
        return mailSyncStates;
    }

    @Override
    public InMemoryQuotaBudgets quotaBudgets() {
        return quotaBudgets;
    }
}
