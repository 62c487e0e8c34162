package com.breakagency.adapter.jdbc;

@PostgresTest
class PostgresTransactionsTest extends JdbcTransactionsChecks {

    @Override
    TestDatabase database() {
        return TestDatabase.postgres(PostgresTransactionsTest.class);
    }
}
