package com.breakagency.adapter.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.FieldError;
import com.breakagency.ports.error.Reason;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
    void data_exceptions_are_validation_failed_invalid_input_at_the_whole_command_and_not_retryable() {
        String[][] cases = {
            {"22001", "ERROR: value too long for type character varying(200)"},
            {"22021", "ERROR: invalid byte sequence for encoding \"UTF8\": 0x00"},
            {"22008", "ERROR: date/time field value out of range: \"+5874898-01-01\""},
            {"22003", "ERROR: numeric field overflow"},
            {"22007", "ERROR: invalid input syntax for type timestamp"},
        };
        for (String[] c : cases) {
            SQLException e = new SQLException(c[1] + "\n  Where: INSERT INTO brands VALUES ('Jane Secret Brand')", c[0]);
            for (SqlFailures failures : new SqlFailures[] {POSTGRES, H2}) {
                BreakException translated = failures.toBreakException(e);
                assertEquals(SqlFailures.Kind.DATA, failures.classify(e), c[0]);
                assertEquals(ErrorCode.VALIDATION_FAILED, translated.code(), c[0]);
                assertEquals("INVALID_INPUT", translated.reason(), c[0]);
                assertFalse(translated.retryable(), c[0]);
                assertEquals(List.of("#"), translated.fieldErrors().stream().map(FieldError::pointer).toList());
                assertEquals(c[0], translated.metadata().get("sqlState"));
                assertQuotesNothing(translated);
            }
        }
    }

    @Test
    void integrity_violations_other_than_named_unique_constraints_are_statement_rejected_and_not_retryable() {
        for (String state : new String[] {"23502", "23514", "23513", "23503", "23000"}) {
            SQLException e = new SQLException("ERROR: null value in column \"name\" of relation \"brands\" violates"
                    + " not-null constraint\n  Detail: Failing row contains (b-1, Jane Secret Brand, null).", state);
            for (SqlFailures failures : new SqlFailures[] {POSTGRES, H2}) {
                BreakException translated = failures.toBreakException(e);
                assertEquals(SqlFailures.Kind.INTEGRITY, failures.classify(e), state);
                assertEquals(ErrorCode.UNHANDLED_ERROR, translated.code(), state);
                assertEquals(Reason.STATEMENT_REJECTED, translated.reason(), state);
                assertFalse(translated.retryable(), state);
                assertEquals(state, translated.metadata().get("sqlState"));
                assertQuotesNothing(translated);
            }
        }
        BreakException unknownUnique = POSTGRES.toBreakException(new SQLException(
                "ERROR: duplicate key value violates unique constraint \"host_orders_uq\"", "23505"));
        assertFalse(unknownUnique.retryable(), "an unknown unique violation is CONFLICT, never a retryable 503");
    }

    @Test
    void any_other_failure_is_statement_failed_with_a_cause_that_quotes_nothing() {
        SQLException e = new SQLException("ERROR: syntax error at or near \"VALUES\"\n  Where: INSERT INTO"
                + " brands VALUES ('Jane Secret Brand')", "42601", 0);

        BreakException translated = POSTGRES.toBreakException(e);

        assertEquals(ErrorCode.PERSISTENCE_UNAVAILABLE, translated.code());
        assertEquals(SqlFailures.STATEMENT_FAILED, translated.reason());
        assertEquals("42601", translated.metadata().get("sqlState"));
        assertEquals("The database could not complete the request; nothing was saved.", translated.detail());
        assertQuotesNothing(translated);
        assertEquals("42601", ((SQLException) translated.getCause()).getSQLState());
    }

    @Test
    void a_batch_failure_keeps_every_class_name_and_sqlstate_of_its_chain_and_no_message() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 INSERT INTO break.commission_lines"
                + " (id, amount_minor) VALUES (('01a2b3'), ('778019'::int8)) was aborted: An I/O error occurred while"
                + " sending to the backend.  Call getNextException to see other errors in the batch.", "08006",
                new int[0]);
        SQLException server = new SQLException("An I/O error occurred while sending to the backend: INSERT INTO"
                + " break.commission_lines VALUES ('778019')", "08006", new java.net.SocketException("Connection reset"
                + " while sending INSERT INTO commission_lines"));
        batch.setNextException(server);

        BreakException translated = POSTGRES.toBreakException(batch);

        assertEquals(ErrorCode.PERSISTENCE_UNAVAILABLE, translated.code());
        assertEquals(SqlFailures.DATABASE_UNREACHABLE, translated.reason());
        assertTrue(translated.retryable());
        assertQuotesNothing(translated);
        List<String> chain = new ArrayList<>();
        for (Throwable t = translated.getCause(); t != null; t = t.getCause()) {
            chain.add(t.getMessage());
        }
        assertEquals(List.of("SQLState 08006, vendor code 0 (java.sql.BatchUpdateException)",
                "SQLState 08006, vendor code 0 (java.sql.SQLException)",
                "no SQLState (java.net.SocketException)"), chain);
        assertArrayEquals(batch.getStackTrace(), translated.getCause().getStackTrace(), "the stack trace is kept");
    }

    private static void assertAlreadyExists(String entity, String field, BreakException e) {
        assertEquals(ErrorCode.CONFLICT, e.code());
        assertEquals(Reason.ALREADY_EXISTS, e.reason());
        assertEquals(entity, e.metadata().get("entity"));
        assertEquals(field, e.metadata().get("field"));
        assertEquals("23505", e.metadata().get("sqlState"));
        assertTrue(e.metadata().get("constraint").endsWith("_uq") || e.metadata().get("constraint").endsWith("_pk"),
                e.metadata()::toString);
        assertNull(e.getCause(), "the driver's message quotes the value");
    }

    /** Nothing of the driver's message (SQL, a table, a value) in the exception, its metadata or its causes. */
    static void assertQuotesNothing(BreakException e) {
        StringBuilder all = new StringBuilder(e.getMessage()).append(' ').append(e.metadata())
                .append(' ').append(e.fieldErrors());
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            all.append(' ').append(t).append(' ').append(t.getMessage());
            for (Throwable s : t.getSuppressed()) {
                all.append(' ').append(s);
            }
        }
        String text = all.toString();
        for (String leak : List.of("INSERT", "insert into", "VALUES", "brands", "commission_lines", "Secret", "778019",
                "01a2b3", "Connection reset", "relation", "UTF8", "5874898")) {
            assertFalse(text.contains(leak), () -> "'" + leak + "' leaked: " + text);
        }
    }

    private static void assertUnavailable(BreakException e, SQLException cause) {
        assertEquals(ErrorCode.PERSISTENCE_UNAVAILABLE, e.code(), cause::toString);
        assertEquals("DATABASE_UNREACHABLE", e.reason(), cause::toString);
        assertTrue(e.retryable());
        assertEquals("The database could not be reached; nothing was saved.", e.detail());
        SQLException kept = (SQLException) e.getCause();
        assertEquals(cause.getSQLState(), kept.getSQLState());
        assertTrue(kept.getMessage().endsWith("(" + cause.getClass().getName() + ")"), kept::getMessage);
        assertFalse(kept.getMessage().contains(cause.getMessage()), "the driver's message is left out");
        assertArrayEquals(cause.getStackTrace(), kept.getStackTrace());
    }
}
