package com.breakagency.testkit;

import com.breakagency.ports.spi.IntegrationStores;
import com.breakagency.testkit.contract.PendingAuthorizationsContract;

class InMemoryPendingAuthorizationsTest extends PendingAuthorizationsContract {

    @Override
    protected IntegrationStores stores() {
        return InMemoryPersistence.create();
    }
}
