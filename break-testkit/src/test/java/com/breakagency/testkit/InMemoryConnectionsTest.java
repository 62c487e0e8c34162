package com.breakagency.testkit;

import com.breakagency.ports.spi.IntegrationStores;
import com.breakagency.testkit.contract.ConnectionsContract;

class InMemoryConnectionsTest extends ConnectionsContract {

    @Override
    protected IntegrationStores stores() {
        return InMemoryPersistence.create();
    }
}
