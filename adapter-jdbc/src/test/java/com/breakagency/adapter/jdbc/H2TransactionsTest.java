package com.breakagency.adapter.jdbc;

class H2TransactionsTest extends JdbcTransactionsChecks {

    @Override
    TestDatabase database() {
        return TestDatabase.h2(H2TransactionsTest.class);
    }
}
