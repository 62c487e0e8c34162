package com.breakagency.testkit;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.PaymentsContract;

class InMemoryPaymentsTest extends PaymentsContract {

    @Override
    protected Persistence persistence() {
        return InMemoryPersistence.create();
    }
}
