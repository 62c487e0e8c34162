package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.DealsContract;

class H2DealsTest extends DealsContract {

    @Override
    protected Persistence persistence() {
        return TestDatabase.h2(H2DealsTest.class).freshPersistence();
    }
}
