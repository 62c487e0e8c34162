package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.IntegrationStores;
import com.breakagency.testkit.contract.ConnectionsContract;

class H2ConnectionsTest extends ConnectionsContract {

    @Override
    protected IntegrationStores stores() {
        return TestDatabase.h2(H2ConnectionsTest.class).freshPersistence();
    }
}
