package com.breakagency.adapter.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.core.BreakAgency;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/**
 * A pool too small for the work is not reported as a database that cannot be reached: the error says the
 * pool timed out and how many connections the work holds (one per unit of work, two while Flyway migrates),
 * and is retryable. A pool that cannot connect at all still is DATABASE_UNREACHABLE. Real HikariCP pools of
 * one connection on H2, with the shortest timeout HikariCP allows.
 */
class PoolTimeoutTest {

    private static final OperationContext AGENT = OperationContext.of(Actor.staff("agent-ana", Role.AGENT));
    private static final String POOL_NAME = "break-pool-of-one";

    private final TestDatabase db = TestDatabase.h2(PoolTimeoutTest.class);

    @Test
    void a_call_that_finds_no_free_connection_in_the_pool_says_the_pool_timed_out_and_a_call_needs_one() throws Exception {
        db.persistence();
        try (HikariDataSource poolOfOne = poolOfOne(db.url());
             BreakAgency agency = BreakAgency.builder().persistence(JdbcPersistence.builder(poolOfOne)
                     .schema(db.schema()).migrateOnStart(false).build()).build();
             Connection held = poolOfOne.getConnection()) {
            assertFalse(held.isClosed(), "the test holds the pool's only connection");

            BreakException e = assertThrows(BreakException.class, () -> agency.crm().getBrand(AGENT, "brand-1"));

            assertEquals(ErrorCode.PERSISTENCE_UNAVAILABLE, e.code(), e::toString);
            assertEquals(Reason.POOL_EXHAUSTED, e.reason());
            assertTrue(e.retryable());
            assertTrue(e.detail().contains("pool timed out"), e.detail());
            assertTrue(e.detail().contains("holds 1 connection for its unit of work"), e.detail());
            assertEquals("1", e.metadata().get("connectionsNeeded"));
            assertNoPoolMessage(e);
        }
    }

    @Test
    void migrating_on_a_pool_of_one_says_flyway_needs_two_connections() {
        String schema = db.newSchema();
        try (HikariDataSource poolOfOne = poolOfOne(db.url())) {
            BreakException e = assertThrows(BreakException.class,
                    () -> JdbcPersistence.builder(poolOfOne).schema(schema).build());

            assertEquals(ErrorCode.PERSISTENCE_UNAVAILABLE, e.code(), e::toString);
            assertEquals(Reason.POOL_EXHAUSTED, e.reason());
            assertTrue(e.retryable());
            assertTrue(e.detail().contains("Flyway holds 2 connections at once"), e.detail());
            assertEquals("2", e.metadata().get("connectionsNeeded"));
            assertNoPoolMessage(e);
        }
    }

    @Test
    void a_pool_that_cannot_connect_is_still_database_unreachable() {
        try (HikariDataSource nowhere = poolOfOne("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1")) {
            JdbcPersistence persistence = JdbcPersistence.builder(nowhere).dialect(Dialect.POSTGRESQL)
                    .migrateOnStart(false).build();

            BreakException e = assertThrows(BreakException.class, () -> persistence.brands().findById("brand-1"));

            assertEquals(ErrorCode.PERSISTENCE_UNAVAILABLE, e.code(), e::toString);
            assertEquals(SqlFailures.DATABASE_UNREACHABLE, e.reason());
            assertTrue(e.retryable());
        }
    }

    private static HikariDataSource poolOfOne(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName(POOL_NAME);
        config.setMaximumPoolSize(1);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(250);
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    /** HikariCP's message names the pool and its counts; none of it leaves the adapter. */
    private static void assertNoPoolMessage(BreakException e) {
        assertFalse(e.getMessage().contains(POOL_NAME), e::getMessage);
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            assertTrue(t instanceof DriverFailure, t::toString);
            assertFalse(String.valueOf(t.getMessage()).contains(POOL_NAME), t::getMessage);
            assertFalse(String.valueOf(t.getMessage()).contains("request timed out"), t::getMessage);
        }
    }
}
