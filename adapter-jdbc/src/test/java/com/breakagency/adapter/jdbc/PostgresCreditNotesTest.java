package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.contract.CreditNotesContract;

@PostgresTest
class PostgresCreditNotesTest extends CreditNotesContract {

    @Override
    protected Persistence persistence() {
        return TestDatabase.postgres(PostgresCreditNotesTest.class).freshPersistence();
    }
}
