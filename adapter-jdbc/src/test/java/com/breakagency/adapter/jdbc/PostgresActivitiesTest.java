package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.ActivitiesContract;

@PostgresTest
class PostgresActivitiesTest extends ActivitiesContract {

    @Override
    protected Persistence persistence() {
        return TestDatabase.postgres(PostgresActivitiesTest.class).freshPersistence();
    }
}
