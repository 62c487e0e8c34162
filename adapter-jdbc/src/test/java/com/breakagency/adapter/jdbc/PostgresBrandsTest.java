package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.BrandsContract;

@PostgresTest
class PostgresBrandsTest extends BrandsContract {

    @Override
    protected Persistence persistence() {
        return TestDatabase.postgres(PostgresBrandsTest.class).freshPersistence();
    }
}
