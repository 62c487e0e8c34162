package com.breakagency.ports.spi;

/**
 * The stores of integrations, as one bundle beside {@link Persistence}: a host that uses integrations hands
 * it to {@code BreakAgency.builder().integrations(...)}. Its stores take part in the same units of work as
 * the persistence bundle's (the same {@link Transactions}), because connecting writes a connection, an
 * audit event and a queued step at once. A bundle may implement both interfaces, as the in-memory one does.
 */
public interface IntegrationStores {

    /**
     * The units of work these stores take part in: the persistence bundle's own.
     *
     * @return the transactions
     */
    Transactions transactions();

    /**
     * The connections store.
     *
     * @return the store
     */
    Connections connections();

    /**
     * The connect flows under way.
     *
     * @return the store
     */
    PendingAuthorizations pendingAuthorizations();

    /**
     * The emails mail syncs stored.
     *
     * @return the store
     */
    Emails emails();

    /**
     * The mail sync state of each connection.
     *
     * @return the store
     */
    MailSyncStates mailSyncStates();

    /**
     * The provider quota spent per mailbox and minute.
     *
     * @return the store
     */
    QuotaBudgets quotaBudgets();
}
