package com.breakagency.adapter.jdbc;

/**
 * {@link IntegrationChecks} on H2: the two instances are two connection pools on one in-memory database
 * (named, kept open with {@code DB_CLOSE_DELAY=-1}, so every pool of the JVM reaches the same data).
 */
class H2IntegrationsTest extends IntegrationChecks {

    @Override
    TestDatabase database() {
        return TestDatabase.h2(H2IntegrationsTest.class);
    }
}
