package com.breakagency.testkit;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.ActivitiesContract;

class InMemoryActivitiesTest extends ActivitiesContract {

    @Override
    protected Persistence persistence() {
        return InMemoryPersistence.create();
    }
}
