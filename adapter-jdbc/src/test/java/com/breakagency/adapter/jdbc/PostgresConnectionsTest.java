package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.IntegrationStores;
import com.breakagency.testkit.contract.ConnectionsContract;

@PostgresTest
class PostgresConnectionsTest extends ConnectionsContract {

    @Override
    protected IntegrationStores stores() {
        return TestDatabase.postgres(PostgresConnectionsTest.class).freshPersistence();
    }
}
