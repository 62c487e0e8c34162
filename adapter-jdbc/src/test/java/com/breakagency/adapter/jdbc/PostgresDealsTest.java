package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.DealsContract;

@PostgresTest
class PostgresDealsTest extends DealsContract {

    @Override
    protected Persistence persistence() {
        return TestDatabase.postgres(PostgresDealsTest.class).freshPersistence();
    }
}
