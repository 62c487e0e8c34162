package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.FinanceTotalsContract;

class H2FinanceTotalsTest extends FinanceTotalsContract {

    @Override
    protected Persistence persistence() {
        return TestDatabase.h2(H2FinanceTotalsTest.class).freshPersistence();
    }
}
