package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.PayoutsContract;

@PostgresTest
class PostgresPayoutsTest extends PayoutsContract {

    @Override
    protected Persistence persistence() {
        return TestDatabase.postgres(PostgresPayoutsTest.class).freshPersistence();
    }
}
