package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.Persistence;

/** {@link AccessChecks} on H2. */
class H2AccessTest extends AccessChecks {

    @Override
    Persistence persistence() {
        return TestDatabase.h2(H2AccessTest.class).freshPersistence();
    }
}
