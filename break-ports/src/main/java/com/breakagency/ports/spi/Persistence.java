package com.breakagency.ports.spi;

/**
 * Every persistence port one storage technology supplies, as one bundle: a host plugs in one
 * {@code Persistence} and all stores share its {@link Transactions}.
 *
 * <p>What every store of a bundle promises besides its own contract: ids are ordered as
 * {@link String#compareTo(String)} orders them (binary, not a locale collation); instants are kept to at
 * least the microsecond; a store call that throws ends the unit of work (callers let the exception
 * propagate, and nothing the unit of work wrote survives), because a relational transaction may be
 * unusable after a failed statement. A store may hold a write whose outcome its caller does not need at
 * once (an insert, an optimistic update) until the unit of work's next store call or its commit, and send
 * the held writes together; a failure of such a write (a unique constraint, VERSION_MISMATCH) is thrown
 * there, inside the same unit of work, and ends it the same way.
 *
 * <p>The in-memory bundle lives in break-testkit, the relational one in break-adapter-jdbc. An
 * integrator's bundle passes the same contract tests as ours.
 */
public interface Persistence {

    /**
     * The units of work every store of this bundle takes part in.
     *
     * @return the transactions
     */
    Transactions transactions();

    /**
     * The brands store.
     *
     * @return the store
     */
    Brands brands();

    /**
     * The contacts store.
     *
     * @return the store
     */
    Contacts contacts();

    /**
     * The talent store.
     *
     * @return the store
     */
    Talents talents();

    /**
     * The deals store.
     *
     * @return the store
     */
    Deals deals();

    /**
     * The timelines store.
     *
     * @return the store
     */
    Activities activities();

    /**
     * The audit log.
     *
     * @return the log
     */
    AuditLog auditLog();

    /**
     * The invoices store.
     *
     * @return the store
     */
    Invoices invoices();

    /**
     * The payments store.
     *
     * @return the store
     */
    Payments payments();

    /**
     * The commission lines store.
     *
     * @return the store
     */
    Commissions commissions();

    /**
     * The commission plans store.
     *
     * @return the store
     */
    CommissionPlans commissionPlans();

    /**
     * The idempotency keys store.
     *
     * @return the store
     */
    IdempotencyKeys idempotencyKeys();

    /**
     * The work queue.
     *
     * @return the queue
     */
    WorkQueue workQueue();

    /**
     * The refunds store (refunds and the commission reversals they cause).
     *
     * @return the store
     */
    Refunds refunds();

    /**
     * The payouts store.
     *
     * @return the store
     */
    Payouts payouts();

    /**
     * The credit notes store.
     *
     * @return the store
     */
    CreditNotes creditNotes();
}
