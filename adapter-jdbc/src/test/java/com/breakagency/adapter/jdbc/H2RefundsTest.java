package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.RefundsContract;

class H2RefundsTest extends RefundsContract {

    @Override
    protected Persistence persistence() {
        return TestDatabase.h2(H2RefundsTest.class).freshPersistence();
    }
}
