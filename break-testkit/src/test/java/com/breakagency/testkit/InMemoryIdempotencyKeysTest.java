package com.breakagency.testkit;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.IdempotencyKeysContract;

class InMemoryIdempotencyKeysTest extends IdempotencyKeysContract {

    @Override
    protected Persistence persistence() {
        return InMemoryPersistence.create();
    }
}
