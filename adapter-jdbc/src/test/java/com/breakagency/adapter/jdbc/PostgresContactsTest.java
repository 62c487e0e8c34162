package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.ContactsContract;

@PostgresTest
class PostgresContactsTest extends ContactsContract {

    @Override
    protected Persistence persistence() {
        return TestDatabase.postgres(PostgresContactsTest.class).freshPersistence();
    }
}
