package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.PaymentsContract;

class H2PaymentsTest extends PaymentsContract {

    @Override
    protected Persistence persistence() {
        return TestDatabase.h2(H2PaymentsTest.class).freshPersistence();
    }
}
