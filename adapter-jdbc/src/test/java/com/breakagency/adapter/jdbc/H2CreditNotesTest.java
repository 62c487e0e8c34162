package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.CreditNotesContract;

class H2CreditNotesTest extends CreditNotesContract {

    @Override
    protected Persistence persistence() {
        return TestDatabase.h2(H2CreditNotesTest.class).freshPersistence();
    }
}
