package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.WorkQueueClaimsContract;

/** The worker side of the work queue on H2: the claims contract, on an emptied schema for each test. */
class H2WorkQueueClaimsTest extends WorkQueueClaimsContract {

    /** H2 has no {@code SKIP LOCKED}: a claim waits for the steps another open claim holds. */
    H2WorkQueueClaimsTest() {
        super(false);
    }

    @Override
    protected Persistence persistence() {
        return TestDatabase.h2(H2WorkQueueClaimsTest.class).freshPersistence();
    }
}
