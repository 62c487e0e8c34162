package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.IntegrationStores;
import com.breakagency.testkit.contract.MailStoresContract;

@PostgresTest
class PostgresMailStoresTest extends MailStoresContract {

    @Override
    protected IntegrationStores stores() {
        return TestDatabase.postgres(PostgresMailStoresTest.class).freshPersistence();
    }
}
