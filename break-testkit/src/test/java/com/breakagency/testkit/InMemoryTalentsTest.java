package com.breakagency.testkit;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.TalentsContract;

class InMemoryTalentsTest extends TalentsContract {

    @Override
    protected Persistence persistence() {
        return InMemoryPersistence.create();
    }
}
