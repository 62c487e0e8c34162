package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.AuditLogContract;

@PostgresTest
class PostgresAuditLogTest extends AuditLogContract {

    @Override
    protected Persistence persistence() {
        return TestDatabase.postgres(PostgresAuditLogTest.class).freshPersistence();
    }
}
