package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.CommissionPlansContract;

class H2CommissionPlansTest extends CommissionPlansContract {

    @Override
    protected Persistence persistence() {
        return TestDatabase.h2(H2CommissionPlansTest.class).freshPersistence();
    }
}
