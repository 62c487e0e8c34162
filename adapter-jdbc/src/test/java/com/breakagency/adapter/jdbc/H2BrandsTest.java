package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.BrandsContract;

class H2BrandsTest extends BrandsContract {

    @Override
    protected Persistence persistence() {
        return TestDatabase.h2(H2BrandsTest.class).freshPersistence();
    }
}
