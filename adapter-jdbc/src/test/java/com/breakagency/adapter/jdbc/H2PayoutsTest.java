package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.PayoutsContract;

class H2PayoutsTest extends PayoutsContract {

    @Override
    protected Persistence persistence() {
        return TestDatabase.h2(H2PayoutsTest.class).freshPersistence();
    }
}
