package com.breakagency.adapter.jdbc;

import com.breakagency.ports.model.work.WorkStep;
import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.WorkQueueContract;

class H2WorkQueueTest extends WorkQueueContract {

    @Override
    protected Persistence persistence() {
        return TestDatabase.h2(H2WorkQueueTest.class).freshPersistence();
    }

    @Override
    protected void replaceStep(Persistence persistence, WorkStep step) {
        WorkSteps.replace((JdbcPersistence) persistence, step);
    }
}
