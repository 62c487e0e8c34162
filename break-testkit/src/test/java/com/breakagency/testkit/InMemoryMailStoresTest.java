package com.breakagency.testkit;

import com.breakagency.ports.spi.IntegrationStores;
import com.breakagency.testkit.contract.MailStoresContract;

class InMemoryMailStoresTest extends MailStoresContract {

    @Override
    protected IntegrationStores stores() {
        return InMemoryPersistence.create();
    }
}
