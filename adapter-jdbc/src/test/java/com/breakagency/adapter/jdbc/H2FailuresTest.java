package com.breakagency.adapter.jdbc;

class H2FailuresTest extends FailureChecks {

    @Override
    TestDatabase database() {
        return TestDatabase.h2(H2FailuresTest.class);
    }
}
