package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.CommissionsContract;

class H2CommissionsTest extends CommissionsContract {

    @Override
    protected Persistence persistence() {
        return TestDatabase.h2(H2CommissionsTest.class).freshPersistence();
    }
}
