package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.RefundsContract;

@PostgresTest
class PostgresRefundsTest extends RefundsContract {

    @Override
    protected Persistence persistence() {
        return TestDatabase.postgres(PostgresRefundsTest.class).freshPersistence();
    }
}
