package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.ActivitiesContract;

class H2ActivitiesTest extends ActivitiesContract {

    @Override
    protected Persistence persistence() {
        return TestDatabase.h2(H2ActivitiesTest.class).freshPersistence();
    }
}
