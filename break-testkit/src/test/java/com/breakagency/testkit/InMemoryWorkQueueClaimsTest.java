package com.breakagency.testkit;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.WorkQueueClaimsContract;

class InMemoryWorkQueueClaimsTest extends WorkQueueClaimsContract {

    /** One lock guards the in-memory stores: a claim inside an open unit of work holds the whole queue. */
    InMemoryWorkQueueClaimsTest() {
        super(false);
    }

    @Override
    protected Persistence persistence() {
        return InMemoryPersistence.create();
    }
}
