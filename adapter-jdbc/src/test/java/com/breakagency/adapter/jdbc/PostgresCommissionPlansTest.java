package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.CommissionPlansContract;

@PostgresTest
class PostgresCommissionPlansTest extends CommissionPlansContract {

    @Override
    protected Persistence persistence() {
        return TestDatabase.postgres(PostgresCommissionPlansTest.class).freshPersistence();
    }
}
