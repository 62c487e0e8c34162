package com.breakagency.testkit;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.RefundsContract;

class InMemoryRefundsTest extends RefundsContract {

    @Override
    protected Persistence persistence() {
        return InMemoryPersistence.create();
    }
}
