package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.Persistence;

/** {@link AccessChecks} on PostgreSQL. */
@PostgresTest
class PostgresAccessTest extends AccessChecks {

    @Override
    Persistence persistence() {
        return TestDatabase.postgres(PostgresAccessTest.class).freshPersistence();
    }
}
