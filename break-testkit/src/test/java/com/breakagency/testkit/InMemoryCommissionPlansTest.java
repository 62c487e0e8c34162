package com.breakagency.testkit;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.CommissionPlansContract;

class InMemoryCommissionPlansTest extends CommissionPlansContract {

    @Override
    protected Persistence persistence() {
        return InMemoryPersistence.create();
    }
}
