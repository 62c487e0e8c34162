package com.breakagency.testkit;

import com.breakagency.ports.spi.Persistence;

/**
 * Every persistence port in memory, sharing one {@link InMemoryTransactions}: for tests and for trying
 * Break out. Nothing survives the JVM. Thread-safe.
 */
public final class InMemoryPersistence implements Persistence {

    private final InMemoryTransactions transactions = new InMemoryTransactions();

    private InMemoryPersistence() {
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
}
