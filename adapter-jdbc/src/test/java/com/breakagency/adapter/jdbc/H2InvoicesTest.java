package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.InvoicesContract;

class H2InvoicesTest extends InvoicesContract {

    @Override
    protected Persistence persistence() {
        return TestDatabase.h2(H2InvoicesTest.class).freshPersistence();
    }
}
