package com.breakagency.testkit;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.ContactsContract;

class InMemoryContactsTest extends ContactsContract {

    @Override
    protected Persistence persistence() {
        return InMemoryPersistence.create();
    }
}
