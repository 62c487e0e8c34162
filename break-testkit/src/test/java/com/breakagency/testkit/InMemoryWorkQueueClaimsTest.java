package com.breakagency.testkit;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.WorkQueueClaimsContract;

class InMemoryWorkQueueClaimsTest extends WorkQueueClaimsContract {

    @Override
    protected Persistence persistence() {
        return InMemoryPersistence.create();
    }
}
