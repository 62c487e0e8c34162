package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.InMemoryPersistence;

/** {@link AccessChecks} on the in-memory adapter, the reference the databases are held to. */
class InMemoryAccessTest extends AccessChecks {

    @Override
    Persistence persistence() {
        return InMemoryPersistence.create();
    }
}
