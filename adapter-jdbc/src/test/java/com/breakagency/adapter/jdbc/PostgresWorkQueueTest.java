package com.breakagency.adapter.jdbc;

import com.breakagency.ports.model.work.WorkStep;
import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.WorkQueueContract;

@PostgresTest
class PostgresWorkQueueTest extends WorkQueueContract {

    @Override
    protected Persistence persistence() {
        return TestDatabase.postgres(PostgresWorkQueueTest.class).freshPersistence();
    }

    @Override
    protected void replaceStep(Persistence persistence, WorkStep step) {
        WorkSteps.replace((JdbcPersistence) persistence, step);
    }
}
