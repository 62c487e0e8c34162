package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.ContactsContract;

class H2ContactsTest extends ContactsContract {

    @Override
    protected Persistence persistence() {
        return TestDatabase.h2(H2ContactsTest.class).freshPersistence();
    }
}
