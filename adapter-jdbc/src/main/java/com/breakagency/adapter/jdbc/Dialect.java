package com.breakagency.adapter.jdbc;

import com.breakagency.ports.error.BreakException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The databases Break's relational store runs on, and everything that differs between them, as data: how
 * the database folds the case of unquoted names, which SQLStates mean "run the unit of work again" or "the
 * database is unavailable", the values of the migrations' placeholders, and the few statements that have
 * no portable form (the upserts behind the invoice counter, saving a commission plan and enqueuing a work
 * step, the claim of work steps that skips locked rows, and a delete that returns what it deleted). The
 * stores hold portable SQL only and ask their dialect for these.
 *
 * <p>{@link JdbcPersistence} detects the dialect from {@link java.sql.DatabaseMetaData#getDatabaseProductName()}
 * and logs its choice at INFO; {@link JdbcPersistence.Builder#dialect(Dialect)} overrides the detection.
 * Immutable and thread-safe.
 */
public enum Dialect {

    /**
     * PostgreSQL 12 or newer: production. Ids are stored with {@code COLLATE "C"}; serialization failures
     * (40001) and deadlocks (40P01) make the unit of work run again; administrator shutdowns, cancelled
     * statements, lock timeouts and exhausted resources (57P01-57P03, 57014, 55P03, class 53) count as
     * the database being unavailable, like every connection failure (class 08). Upserts are
     * {@code INSERT ... ON CONFLICT}; claims skip locked rows.
     */
    POSTGRESQL("PostgreSQL", false,
            Set.of("40001", "40P01"),
            Set.of("57P01", "57P02", "57P03", "57014", "55P03"),
            Set.of("08", "53"),
            "COLLATE \"C\"",
            "BYTEA",
            new Statements(
                    "INSERT INTO {table} ({columns}) VALUES ({values}) ON CONFLICT (id) DO UPDATE SET"
                            + " agency_rate_bps = EXCLUDED.agency_rate_bps, agent_share_bps = EXCLUDED.agent_share_bps,"
                            + " house_takes_unassigned_share = EXCLUDED.house_takes_unassigned_share",
                    "INSERT INTO {table} AS n (id, last_number) VALUES (1, 1) ON CONFLICT (id)"
                            + " DO UPDATE SET last_number = n.last_number + 1 RETURNING last_number",
                    "INSERT INTO {table} AS w ({columns}) VALUES ({values})"
                            + " ON CONFLICT (dedup_key) DO UPDATE SET payload = EXCLUDED.payload, status = 'PENDING',"
                            + " attempts = 0, next_attempt_at = EXCLUDED.next_attempt_at, lease_owner = NULL,"
                            + " lease_expires_at = NULL, last_error = NULL, updated_at = EXCLUDED.updated_at,"
                            + " version = w.version + 1 WHERE w.status = 'DONE'",
                    false,
                    "UPDATE {table} w SET status = 'RUNNING', attempts = w.attempts + 1, lease_owner = ?,"
                            + " lease_expires_at = ?, updated_at = ?, version = w.version + 1"
                            + " FROM (SELECT id, version FROM {table} WHERE {due}"
                            + " ORDER BY next_attempt_at, id FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED) due"
                            + " WHERE w.id = due.id AND w.version = due.version RETURNING {w.columns}",
                    "DELETE FROM {table} WHERE {where} RETURNING {columns}")),

    /**
     * H2 2.x, embedded or in memory: for trying Break out, tests and small installations. Deadlocks
     * (40001) and concurrent-update failures (90131) make the unit of work run again; lock timeouts,
     * cancelled statements, broken or closed connections and a closed database (HYT00, 57014, 90067,
     * 90098, 90121, 90007) count as the database being unavailable, like every class-08 state. H2 orders
     * strings as Java does without a collation; upserts are {@code MERGE}, which can lose a race against a
     * concurrent insert of the same key; claims cannot skip locked rows.
     */
    H2("H2", true,
            Set.of("40001", "90131"),
            Set.of("HYT00", "57014", "90067", "90098", "90121", "90007"),
            Set.of("08"),
            "",
            "VARBINARY",
            new Statements(
                    "MERGE INTO {table} ({columns}) KEY (id) VALUES ({values})",
                    "SELECT last_number FROM FINAL TABLE (MERGE INTO {table} n USING (VALUES (1)) s (id)"
                            + " ON n.id = s.id WHEN MATCHED THEN UPDATE SET last_number = n.last_number + 1"
                            + " WHEN NOT MATCHED THEN INSERT (id, last_number) VALUES (1, 1))",
                    "MERGE INTO {table} w USING (VALUES ({values})) s ({columns}) ON w.dedup_key = s.dedup_key"
                            + " WHEN MATCHED AND w.status = 'DONE' THEN UPDATE SET payload = s.payload,"
                            + " status = 'PENDING', attempts = 0, next_attempt_at = s.next_attempt_at,"
                            + " lease_owner = NULL, lease_expires_at = NULL, last_error = NULL,"
                            + " updated_at = s.updated_at, version = w.version + 1"
                            + " WHEN NOT MATCHED THEN INSERT ({columns}) VALUES ({s.columns})",
                    true,
                    null,
                    "SELECT {columns} FROM OLD TABLE (DELETE FROM {table} WHERE {where})"));

    /** The migrations' placeholder for the collation of ids and other keys that are compared and ordered. */
    static final String BINARY_COLLATION_PLACEHOLDER = "binary_collation";
    /** The migrations' placeholder for the type of a column of bytes of any length (sealed tokens). */
    static final String BINARY_TYPE_PLACEHOLDER = "binary_type";
    /** The placeholder for the statement that leaves room for updates on the pages of invoices (V7). */
    static final String ROOM_FOR_UPDATES_PLACEHOLDER = "invoices_room_for_updates";

    private static final Logger LOG = LoggerFactory.getLogger(Dialect.class);
    private static final Pattern QUALIFIED_COLUMNS = Pattern.compile("\\{([a-z]+)\\.columns}");

    /**
     * The statements with no portable form, as templates: {@code {table}} is the qualified table,
     * {@code {columns}} the store's column list, {@code {x.columns}} the same qualified with alias x,
     * {@code {values}} one parameter per column, {@code {due}} the store's condition for a due step,
     * {@code {where}} the condition of a delete.
     *
     * @param saveCommissionPlan      insert or replace a plan; the columns' values as parameters
     * @param nextInvoiceNumber       increment the counter row (creating it if missing), returning
     *                                {@code last_number}; no parameters
     * @param enqueueStep             insert a step, re-arm a DONE one with its key, or do nothing; the
     *                                columns' values as parameters
     * @param upsertMayLoseInsertRace whether the enqueue can fail with a unique violation when a concurrent
     *                                unit of work inserted the key first, and is then run again (only where
     *                                a failed statement leaves the transaction usable)
     * @param claimDueSteps           claim due steps in one statement that skips locked rows, returning
     *                                them; parameters worker, lease end, now, the due condition's two, and
     *                                the maximum; null where the database cannot skip locked rows
     * @param deleteReturning         delete the rows {@code {where}} selects and return their columns, in one
     *                                statement; the condition's parameters
     */
    private record Statements(String saveCommissionPlan, String nextInvoiceNumber, String enqueueStep,
                              boolean upsertMayLoseInsertRace, String claimDueSteps, String deleteReturning) {
    }

    private final String productName;
    private final boolean foldsToUpperCase;
    private final Set<String> retryStates;
    private final Set<String> unavailableStates;
    private final Set<String> unavailableClasses;
    private final String binaryCollation;
    private final String binaryType;
    private final Statements statements;

    Dialect(String productName, boolean foldsToUpperCase, Set<String> retryStates, Set<String> unavailableStates,
            Set<String> unavailableClasses, String binaryCollation, String binaryType, Statements statements) {
        this.productName = productName;
        this.foldsToUpperCase = foldsToUpperCase;
        this.retryStates = retryStates;
        this.unavailableStates = unavailableStates;
        this.unavailableClasses = unavailableClasses;
        this.binaryCollation = binaryCollation;
        this.binaryType = binaryType;
        this.statements = statements;
    }

    /**
     * The product name the database reports through JDBC, such as {@code PostgreSQL}.
     *
     * @return the name detection matches
     */
    public String productName() {
        return productName;
    }

    /**
     * The values of the migrations' placeholders: {@value #BINARY_COLLATION_PLACEHOLDER} is what makes a
     * column order strings as {@link String#compareTo} does ({@code COLLATE "C"} on PostgreSQL, nothing
     * on H2, whose default order already is); {@value #BINARY_TYPE_PLACEHOLDER} is the type of a column of
     * bytes of any length ({@code BYTEA} on PostgreSQL, {@code VARBINARY} on H2);
     * {@value #ROOM_FOR_UPDATES_PLACEHOLDER} is the statement (with its semicolon) that leaves room on the
     * pages of invoices for updated rows (a fillfactor, on PostgreSQL), or nothing (H2).
     */
    Map<String, String> migrationPlaceholders() {
        return Map.of(BINARY_COLLATION_PLACEHOLDER, binaryCollation, BINARY_TYPE_PLACEHOLDER, binaryType,
                ROOM_FOR_UPDATES_PLACEHOLDER, this == POSTGRESQL ? "ALTER TABLE invoices SET (fillfactor = 80);" : "");
    }

    /** Inserts a commission plan or replaces the one with its id, in one statement. */
    String saveCommissionPlan(String table, String columns) {
        return render(statements.saveCommissionPlan(), table, columns, null);
    }

    /** Increments the invoice counter row, creating it if missing, and returns {@code last_number}. */
    String nextInvoiceNumber(String table) {
        return render(statements.nextInvoiceNumber(), table, null, null);
    }

    /** Inserts a work step, re-arms a DONE step with its dedup key in place, or does nothing. */
    String enqueueStep(String table, String columns) {
        return render(statements.enqueueStep(), table, columns, null);
    }

    /**
     * Whether {@link #enqueueStep} can fail with a unique violation when a concurrent unit of work inserted
     * the same key first (H2's {@code MERGE}); the database then leaves the transaction usable and the
     * statement is run again, now finding the row. False where the upsert is one atomic decision.
     */
    boolean upsertMayLoseInsertRace() {
        return statements.upsertMayLoseInsertRace();
    }

    /**
     * The claim of due work steps as one statement that skips rows other claims have locked, or empty where
     * the database cannot skip locked rows (the store then locks and claims them one by one).
     *
     * @param due the condition that a step is due, with two parameters (now, now)
     */
    Optional<String> claimDueSteps(String table, String columns, String due) {
        return Optional.ofNullable(statements.claimDueSteps()).map(t -> render(t, table, columns, due));
    }

    /**
     * Deletes the rows a condition selects and returns them, in one statement: {@code DELETE ... RETURNING}
     * on PostgreSQL, a query of H2's {@code OLD TABLE} of the delete. Of units of work that delete one row at
     * once, one gets it; the others wait for it and then find nothing.
     *
     * @param where the condition, with its parameters
     */
    String deleteReturning(String table, String columns, String where) {
        return render(statements.deleteReturning().replace("{where}", where), table, columns, null);
    }

    private static String render(String template, String table, String columns, String due) {
        String sql = template.replace("{table}", table);
        if (columns != null) {
            Matcher qualified = QUALIFIED_COLUMNS.matcher(sql);
            StringBuilder out = new StringBuilder();
            while (qualified.find()) {
                qualified.appendReplacement(out, Matcher.quoteReplacement(Sql.qualified(qualified.group(1), columns)));
            }
            qualified.appendTail(out);
            sql = out.toString().replace("{columns}", columns)
                    .replace("{values}", Sql.placeholders(columns.split(",").length));
        }
        if (due != null) {
            sql = sql.replace("{due}", due);
        }
        if (sql.indexOf('{') >= 0) {
            throw new IllegalStateException("a statement template was left unfilled");
        }
        return sql;
    }

    /**
     * Whether one prepared statement may hold several commands, sent in one round trip (PostgreSQL's
     * driver sends them with one sync); H2 takes one command per statement.
     */
    boolean sendsStatementsTogether() {
        return this == POSTGRESQL;
    }

    /** An unquoted identifier as the database stores it: H2 upper-cases, PostgreSQL lower-cases. */
    String fold(String unquotedIdentifier) {
        return foldsToUpperCase ? unquotedIdentifier.toUpperCase(Locale.ROOT)
                : unquotedIdentifier.toLowerCase(Locale.ROOT);
    }

    /** Whether a failure with this SQLState means the unit of work may succeed when run again. */
    boolean isRetryable(String sqlState) {
        return sqlState != null && retryStates.contains(sqlState);
    }

    /** Whether a failure with this SQLState means the database cannot be reached or gave up on the work. */
    boolean isUnavailable(String sqlState) {
        return sqlState != null && sqlState.length() >= 2
                && (unavailableStates.contains(sqlState) || unavailableClasses.contains(sqlState.substring(0, 2)));
    }

    /**
     * The dialect of a product name, as {@link java.sql.DatabaseMetaData#getDatabaseProductName()} reports it.
     *
     * @param productName such as {@code PostgreSQL} or {@code H2}
     * @return the dialect, or empty for a database Break does not support
     */
    static Optional<Dialect> forProductName(String productName) {
        for (Dialect dialect : values()) {
            if (dialect.productName.equalsIgnoreCase(productName == null ? "" : productName.strip())) {
                return Optional.of(dialect);
            }
        }
        return Optional.empty();
    }

    /**
     * Detects the dialect of a data source from one connection's metadata, and logs the choice at INFO.
     *
     * @throws BreakException PERSISTENCE_UNAVAILABLE if no connection can be had (DATABASE_UNREACHABLE, or
     *                        POOL_EXHAUSTED when the pool timed out waiting for a free one)
     * @throws IllegalStateException for a database Break does not support
     */
    static Dialect detect(DataSource dataSource) {
        String productName;
        try (Connection connection = dataSource.getConnection()) {
            productName = connection.getMetaData().getDatabaseProductName();
        } catch (SQLException | RuntimeException e) {
            throw SqlFailures.noConnection(e, SqlFailures.CONNECTIONS_PER_UNIT_OF_WORK);
        }
        Dialect dialect = forProductName(productName).orElseThrow(() -> new IllegalStateException(
                "Break's relational store supports PostgreSQL and H2, not '" + productName
                        + "'; set JdbcPersistence.builder(dataSource).dialect(...) to use one of them anyway"));
        LOG.info("Break stores its data in {} (dialect {}, detected from the database product name)",
                productName, dialect);
        return dialect;
    }

    /** Logs a dialect the host chose. */
    static Dialect chosen(Dialect dialect) {
        LOG.info("Break stores its data with dialect {} (set by the host)", dialect);
        return dialect;
    }
}
