package com.breakagency.testkit;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.FinanceTotalsContract;

class InMemoryFinanceTotalsTest extends FinanceTotalsContract {

    @Override
    protected Persistence persistence() {
        return InMemoryPersistence.create();
    }
}
