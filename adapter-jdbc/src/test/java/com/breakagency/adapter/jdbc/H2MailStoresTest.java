package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.IntegrationStores;
import com.breakagency.testkit.contract.MailStoresContract;

class H2MailStoresTest extends MailStoresContract {

    @Override
    protected IntegrationStores stores() {
        return TestDatabase.h2(H2MailStoresTest.class).freshPersistence();
    }
}
