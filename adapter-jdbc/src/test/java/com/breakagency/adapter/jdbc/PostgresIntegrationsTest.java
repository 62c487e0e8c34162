package com.breakagency.adapter.jdbc;

/** {@link IntegrationChecks} on PostgreSQL: the two instances are two connection pools on one schema. */
@PostgresTest
class PostgresIntegrationsTest extends IntegrationChecks {

    @Override
    TestDatabase database() {
        return TestDatabase.postgres(PostgresIntegrationsTest.class);
    }
}
