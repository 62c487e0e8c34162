package com.breakagency.testkit;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.InvoicesContract;

class InMemoryInvoicesTest extends InvoicesContract {

    @Override
    protected Persistence persistence() {
        return InMemoryPersistence.create();
    }
}
