package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.IdempotencyKeysContract;

class H2IdempotencyKeysTest extends IdempotencyKeysContract {

    @Override
    protected Persistence persistence() {
        return TestDatabase.h2(H2IdempotencyKeysTest.class).freshPersistence();
    }
}
