package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.IntegrationStores;
import com.breakagency.testkit.contract.PendingAuthorizationsContract;

@PostgresTest
class PostgresPendingAuthorizationsTest extends PendingAuthorizationsContract {

    @Override
    protected IntegrationStores stores() {
        return TestDatabase.postgres(PostgresPendingAuthorizationsTest.class).freshPersistence();
    }
}
