package com.breakagency.testkit;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.CommissionsContract;

class InMemoryCommissionsTest extends CommissionsContract {

    @Override
    protected Persistence persistence() {
        return InMemoryPersistence.create();
    }
}
