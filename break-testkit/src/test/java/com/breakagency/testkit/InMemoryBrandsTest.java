package com.breakagency.testkit;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.BrandsContract;

class InMemoryBrandsTest extends BrandsContract {

    @Override
    protected Persistence persistence() {
        return InMemoryPersistence.create();
    }
}
