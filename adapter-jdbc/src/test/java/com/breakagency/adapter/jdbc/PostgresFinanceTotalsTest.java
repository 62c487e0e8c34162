package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.FinanceTotalsContract;

@PostgresTest
class PostgresFinanceTotalsTest extends FinanceTotalsContract {

    @Override
    protected Persistence persistence() {
        return TestDatabase.postgres(PostgresFinanceTotalsTest.class).freshPersistence();
    }
}
