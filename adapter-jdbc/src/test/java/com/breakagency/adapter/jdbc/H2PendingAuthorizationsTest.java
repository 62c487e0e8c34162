package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.IntegrationStores;
import com.breakagency.testkit.contract.PendingAuthorizationsContract;

class H2PendingAuthorizationsTest extends PendingAuthorizationsContract {

    @Override
    protected IntegrationStores stores() {
        return TestDatabase.h2(H2PendingAuthorizationsTest.class).freshPersistence();
    }
}
