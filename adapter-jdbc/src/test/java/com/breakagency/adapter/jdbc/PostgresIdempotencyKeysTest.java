package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.IdempotencyKeysContract;

@PostgresTest
class PostgresIdempotencyKeysTest extends IdempotencyKeysContract {

    @Override
    protected Persistence persistence() {
        return TestDatabase.postgres(PostgresIdempotencyKeysTest.class).freshPersistence();
    }
}
