package com.breakagency.adapter.jdbc;

/** {@link FinanceChecks} on H2. */
class H2FinanceTest extends FinanceChecks {

    @Override
    TestDatabase database() {
        return TestDatabase.h2(H2FinanceTest.class);
    }
}
