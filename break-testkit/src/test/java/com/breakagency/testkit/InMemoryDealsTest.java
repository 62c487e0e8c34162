package com.breakagency.testkit;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.DealsContract;

class InMemoryDealsTest extends DealsContract {

    @Override
    protected Persistence persistence() {
        return InMemoryPersistence.create();
    }
}
