package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.Transactions;
import com.breakagency.testkit.contract.TransactionsContract;

@PostgresTest
class PostgresTransactionsTest extends TransactionsContract {

    private Probe probe;

    private synchronized Probe probe() {
        if (probe == null) {
            probe = new Probe(TestDatabase.postgres(PostgresTransactionsTest.class).freshPersistence());
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
