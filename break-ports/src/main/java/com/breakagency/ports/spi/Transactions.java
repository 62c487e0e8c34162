package com.breakagency.ports.spi;

/**
 * Units of work with all-or-nothing semantics. Every store of a persistence adapter takes part in the
 * transaction of the thread that calls it.
 *
 * <p>What an implementation promises (and {@code TransactionsContract} in break-testkit checks):
 * <ul>
 *   <li>{@link #inTransaction(UnitOfWork)} commits when the work returns and rolls back when it throws;
 *       after a rollback no write of the work is visible to anyone.</li>
 *   <li>A call inside a running unit of work on the same thread joins it: there is one commit, at the
 *       end of the outermost unit.</li>
 *   <li>Concurrent units of work are isolated: neither sees the other's uncommitted writes; a
 *       conflict between them fails one of them with a {@code BreakException} (CONFLICT, or
 *       PERSISTENCE_UNAVAILABLE) rather than corrupting data.</li>
 *   <li>Callbacks registered with {@link #afterCommit(Runnable)} run once, in registration order, on the
 *       calling thread after the outermost commit, and never after a rollback.</li>
 *   <li>Failures of the store itself are thrown as {@code BreakException} with code
 *       PERSISTENCE_UNAVAILABLE, with nothing half-written; never as a driver exception.</li>
 * </ul>
 *
 * <p>Implementations are thread-safe.
 */
public interface Transactions {

    /**
     * Runs work in a transaction, or joins the one the thread is in.
     *
     * @param work the work
     * @param <T>  its result type
     * @return what the work returned, after the commit
     * @throws RuntimeException whatever the work threw, after the rollback; or a
     *                          {@code BreakException} PERSISTENCE_UNAVAILABLE if the commit failed
     */
    <T> T inTransaction(UnitOfWork<T> work);

    /**
     * Registers an action to run after the current transaction commits. If the action throws, the
     * remaining actions still run and the first failure is rethrown to the caller of the outermost
     * {@link #inTransaction(UnitOfWork)}, with the others suppressed; the data stays committed.
     *
     * @param action what to run
     * @throws IllegalStateException if the calling thread is in no transaction
     */
    void afterCommit(Runnable action);

    /**
     * Whether the calling thread is inside a unit of work.
     *
     * @return true inside {@link #inTransaction(UnitOfWork)}
     */
    boolean isActive();
}
