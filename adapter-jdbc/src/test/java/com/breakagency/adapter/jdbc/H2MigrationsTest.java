package com.breakagency.adapter.jdbc;

class H2MigrationsTest extends MigrationChecks {

    @Override
    TestDatabase database() {
        return TestDatabase.h2(H2MigrationsTest.class);
    }
}
