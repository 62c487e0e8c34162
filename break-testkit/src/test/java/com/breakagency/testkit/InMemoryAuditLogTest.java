package com.breakagency.testkit;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.AuditLogContract;

class InMemoryAuditLogTest extends AuditLogContract {

    @Override
    protected Persistence persistence() {
        return InMemoryPersistence.create();
    }
}
