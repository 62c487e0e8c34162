package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.PaymentsContract;

@PostgresTest
class PostgresPaymentsTest extends PaymentsContract {

    @Override
    protected Persistence persistence() {
        return TestDatabase.postgres(PostgresPaymentsTest.class).freshPersistence();
    }
}
