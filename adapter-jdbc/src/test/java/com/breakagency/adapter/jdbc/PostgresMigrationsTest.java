package com.breakagency.adapter.jdbc;

@PostgresTest
class PostgresMigrationsTest extends MigrationChecks {

    @Override
    TestDatabase database() {
        return TestDatabase.postgres(PostgresMigrationsTest.class);
    }
}
