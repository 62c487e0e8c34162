package com.breakagency.testkit;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.PayoutsContract;

class InMemoryPayoutsTest extends PayoutsContract {

    @Override
    protected Persistence persistence() {
        return InMemoryPersistence.create();
    }
}
