package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.AuditLogContract;

class H2AuditLogTest extends AuditLogContract {

    @Override
    protected Persistence persistence() {
        return TestDatabase.h2(H2AuditLogTest.class).freshPersistence();
    }
}
