package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.InvoicesContract;

@PostgresTest
class PostgresInvoicesTest extends InvoicesContract {

    @Override
    protected Persistence persistence() {
        return TestDatabase.postgres(PostgresInvoicesTest.class).freshPersistence();
    }
}
