package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.WorkQueueClaimsContract;

/** The worker side of the work queue on PostgreSQL: the claims contract, on an emptied schema for each test. */
@PostgresTest
class PostgresWorkQueueClaimsTest extends WorkQueueClaimsContract {

    /** PostgreSQL's claims skip the steps another open claim holds ({@code FOR UPDATE SKIP LOCKED}). */
    PostgresWorkQueueClaimsTest() {
        super(true);
    }

    @Override
    protected Persistence persistence() {
        return TestDatabase.postgres(PostgresWorkQueueClaimsTest.class).freshPersistence();
    }

    @Override
    protected Persistence anotherInstance(Persistence first) {
        return TestDatabase.postgres(PostgresWorkQueueClaimsTest.class).builder().build();
    }
}
