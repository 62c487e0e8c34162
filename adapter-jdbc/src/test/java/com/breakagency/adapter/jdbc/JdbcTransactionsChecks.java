package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.Transactions;
import com.breakagency.testkit.contract.TransactionsContract;

/** The transactions contract on one database, through a {@link Probe} on a fresh schema; subclasses name the database. */
abstract class JdbcTransactionsChecks extends TransactionsContract {

    private Probe probe;

    /** The database to run on. */
    abstract TestDatabase database();

    private synchronized Probe probe() {
        if (probe == null) {
            probe = new Probe(database().freshPersistence());
        }
        return probe;
    }

    @Override
    protected Transactions transactions() {
        return probe().transactions();
    }

    @Override
    protected void write(String key) {
        probe().write(key);
    }

    @Override
    protected boolean exists(String key) {
        return probe().exists(key);
    }
}
