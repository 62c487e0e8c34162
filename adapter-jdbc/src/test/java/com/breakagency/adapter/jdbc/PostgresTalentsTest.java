package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.TalentsContract;

@PostgresTest
class PostgresTalentsTest extends TalentsContract {

    @Override
    protected Persistence persistence() {
        return TestDatabase.postgres(PostgresTalentsTest.class).freshPersistence();
    }
}
