package com.breakagency.adapter.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SQLState table, row by row, with exceptions shaped like the ones the PostgreSQL and H2 drivers
 * throw (their messages copied from real failures).
 */
class SqlFailuresTest {

    private static final SqlFailures POSTGRES = new SqlFailures(Dialect.POSTGRESQL, keys());
    private static final SqlFailures H2 = new SqlFailures(Dialect.H2, keys());

    private static Map<String, SqlFailures.UniqueKey> keys() {
        Map<String, SqlFailures.UniqueKey> keys = new HashMap<>();
        keys.putAll(JdbcBrands.UNIQUE_KEYS);
        keys.putAll(JdbcContacts.UNIQUE_KEYS);
        return keys;
    }

    @Test
    void a_postgresql_unique_violation_names_the_field_of_its_constraint() {
        SQLException e = new SQLException("ERROR: duplicate key value violates unique constraint"
                + " \"brand_domains_domain_uq\"\n  Detail: Key (domain)=(brands_pk.example) already exists.", "23505");

        assertAlreadyExists("brand", "domains", POSTGRES.toBreakException(e));
    }

    @Test
    void an_h2_unique_violation_names_the_field_of_its_constraint() {
        SQLException e = new SQLException("Unique index or primary key violation: \"PUBLIC.CONTACT_EMAILS_EMAIL_UQ INDEX"
                + " PUBLIC.CONTACT_EMAILS_EMAIL_UQ_INDEX_B ON PUBLIC.CONTACT_EMAILS(EMAIL NULLS FIRST) VALUES ("
                + " /* 1 */ 'contacts_pk@example.com' )\"; SQL statement:\nINSERT INTO ... [23505-252]", "23505");

        assertAlreadyExists("contact", "emails", H2.toBreakException(e));
    }

    @Test
    void a_primary_key_violation_names_id() {
        SQLException e = new SQLException("Unique index or primary key violation: \"PUBLIC.BRANDS_PK INDEX"
                + " PUBLIC.PRIMARY_KEY_7 ON PUBLIC.BRANDS(ID) VALUES ( /* 1 */ 'a' )\"", "23505");

        assertAlreadyExists("brand", "id", H2.toBreakException(e));
    }

    @Test
    void a_batch_failure_is_read_from_the_servers_own_message_before_the_quoted_statement() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 INSERT INTO brand_domains VALUES"
                + " ('x', 'brands_pk.example') was aborted: ERROR: duplicate key value violates unique constraint"
                + " \"brand_domains_domain_uq\"", "23505", new int[0]);
        batch.setNextException(new SQLException("ERROR: duplicate key value violates unique constraint"
                + " \"brand_domains_domain_uq\"\n  Detail: Key (domain)=(brands_pk.example) already exists.", "23505"));

        assertAlreadyExists("brand", "domains", POSTGRES.toBreakException(batch));
    }

    @Test
    void a_violation_of_a_constraint_break_does_not_know_is_already_exists_without_a_field() {
        BreakException e = POSTGRES.toBreakException(new SQLException(
                "ERROR: duplicate key value violates unique constraint \"host_orders_uq\"", "23505"));

        assertEquals(ErrorCode.CONFLICT, e.code());
        assertEquals(Reason.ALREADY_EXISTS, e.reason());
        assertNull(e.metadata().get("field"));
    }

    @Test
    void serialization_failures_and_deadlocks_are_retried_then_concurrent_update() {
        for (String state : new String[] {"40001", "40P01"}) {
            SQLException e = new SQLException("ERROR: deadlock detected", state);
            assertEquals(SqlFailures.Kind.RETRY, POSTGRES.classify(e), state);
            BreakException translated = POSTGRES.toBreakException(e);
            assertEquals(ErrorCode.CONFLICT, translated.code());
            assertEquals(SqlFailures.CONCURRENT_UPDATE, translated.reason());
            assertEquals(state, translated.metadata().get("sqlState"));
        }
        assertEquals(SqlFailures.Kind.RETRY, H2.classify(new SQLException("Deadlock detected", "40001")));
        assertEquals(SqlFailures.Kind.RETRY, H2.classify(new SQLException("Concurrent update", "90131")));
        assertEquals(SqlFailures.Kind.STATEMENT, H2.classify(new SQLException("deadlock", "40P01")),
                "40P01 is PostgreSQL's");
    }

    @Test
    void connection_failures_timeouts_and_shutdowns_are_persistence_unavailable() {
        for (String state : new String[] {"08001", "08006", "08003", "57P01", "57P02", "57P03", "57014", "55P03",
                "53300"}) {
            SQLException e = new SQLException("FATAL: terminating connection due to administrator command", state);
            assertUnavailable(POSTGRES.toBreakException(e), e);
        }
        for (String state : new String[] {"08000", "HYT00", "90067", "90098", "90121"}) {
            SQLException e = new SQLException("Connection is broken", state);
            assertUnavailable(H2.toBreakException(e), e);
        }
        for (SQLException e : new SQLException[] {new SQLTransientConnectionException("pool timed out"),
                new SQLNonTransientConnectionException("refused"), new SQLTimeoutException("too slow")}) {
            assertUnavailable(POSTGRES.toBreakException(e), e);
        }
    }

    @Test
    void any_other_failure_is_statement_failed_with_a_cause_that_quotes_nothing() {
        SQLException e = new SQLException("ERROR: value too long for type character varying(200)\n  Where: INSERT INTO"
                + " brands VALUES ('Jane Secret Brand')", "22001", 0);

        BreakException translated = POSTGRES.toBreakException(e);

        assertEquals(ErrorCode.PERSISTENCE_UNAVAILABLE, translated.code());
        assertEquals(SqlFailures.STATEMENT_FAILED, translated.reason());
        assertEquals("22001", translated.metadata().get("sqlState"));
        assertEquals("The database could not complete the request; nothing was saved.", translated.detail());
        assertFalse(translated.getCause().getMessage().contains("Secret"));
        assertFalse(translated.getCause().getMessage().contains("INSERT"));
        assertEquals("22001", ((SQLException) translated.getCause()).getSQLState());
    }

    private static void assertAlreadyExists(String entity, String field, BreakException e) {
        assertEquals(ErrorCode.CONFLICT, e.code());
        assertEquals(Reason.ALREADY_EXISTS, e.reason());
        assertEquals(entity, e.metadata().get("entity"));
        assertEquals(field, e.metadata().get("field"));
        assertNull(e.getCause(), "the driver's message quotes the value");
    }

    private static void assertUnavailable(BreakException e, SQLException cause) {
        assertEquals(ErrorCode.PERSISTENCE_UNAVAILABLE, e.code(), cause::toString);
        assertEquals("DATABASE_UNREACHABLE", e.reason(), cause::toString);
        assertSame(cause, e.getCause());
    }
}
