package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.TalentsContract;

class H2TalentsTest extends TalentsContract {

    @Override
    protected Persistence persistence() {
        return TestDatabase.h2(H2TalentsTest.class).freshPersistence();
    }
}
