package com.breakagency.testkit;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.CreditNotesContract;

class InMemoryCreditNotesTest extends CreditNotesContract {

    @Override
    protected Persistence persistence() {
        return InMemoryPersistence.create();
    }
}
