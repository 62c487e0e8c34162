package com.breakagency.testkit;

import com.breakagency.ports.model.work.WorkStep;
import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.WorkQueueContract;

class InMemoryWorkQueueTest extends WorkQueueContract {

    @Override
    protected Persistence persistence() {
        return InMemoryPersistence.create();
    }

    @Override
    protected void replaceStep(Persistence persistence, WorkStep step) {
        ((InMemoryPersistence) persistence).workQueue().replace(step);
    }
}
