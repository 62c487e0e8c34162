package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.CommissionsContract;

@PostgresTest
class PostgresCommissionsTest extends CommissionsContract {

    @Override
    protected Persistence persistence() {
        return TestDatabase.postgres(PostgresCommissionsTest.class).freshPersistence();
    }
}
