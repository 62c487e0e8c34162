package com.breakagency.adapter.jdbc;

import com.breakagency.ports.error.BreakException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The databases Break's relational store runs on, and what differs between them, as data: where the
 * migrations live, how the database folds the case of unquoted names, and which SQLStates mean "run the
 * unit of work again" or "the database is unavailable". The statements themselves are the same SQL on
 * both, except the few upserts and row-locking reads each store that needs one chooses by dialect (the
 * invoice counter, saving a commission plan, enqueuing and claiming work steps).
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
     * the database being unavailable, like every connection failure (class 08).
     */
    POSTGRESQL("PostgreSQL", "postgresql", false,
            Set.of("40001", "40P01"),
            Set.of("57P01", "57P02", "57P03", "57014", "55P03"),
            Set.of("08", "53")),

    /**
     * H2 2.x, embedded or in memory: for trying Break out, tests and small installations. Deadlocks
     * (40001) and concurrent-update failures (90131) make the unit of work run again; lock timeouts,
     * cancelled statements, broken or closed connections and a closed database (HYT00, 57014, 90067,
     * 90098, 90121, 90007) count as the database being unavailable, like every class-08 state.
     */
    H2("H2", "h2", true,
            Set.of("40001", "90131"),
            Set.of("HYT00", "57014", "90067", "90098", "90121", "90007"),
            Set.of("08"));

    private static final Logger LOG = LoggerFactory.getLogger(Dialect.class);
    private static final String MIGRATIONS = "classpath:com/breakagency/adapter/jdbc/migration/";

    private final String productName;
    private final String migrationFolder;
    private final boolean foldsToUpperCase;
    private final Set<String> retryStates;
    private final Set<String> unavailableStates;
    private final Set<String> unavailableClasses;

    Dialect(String productName, String migrationFolder, boolean foldsToUpperCase, Set<String> retryStates,
            Set<String> unavailableStates, Set<String> unavailableClasses) {
        this.productName = productName;
        this.migrationFolder = migrationFolder;
        this.foldsToUpperCase = foldsToUpperCase;
        this.retryStates = retryStates;
        this.unavailableStates = unavailableStates;
        this.unavailableClasses = unavailableClasses;
    }

    /**
     * The product name the database reports through JDBC, such as {@code PostgreSQL}.
     *
     * @return the name detection matches
     */
    public String productName() {
        return productName;
    }

    /** The Flyway location of this dialect's migrations. */
    String migrationLocation() {
        return MIGRATIONS + migrationFolder;
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
     * @throws BreakException PERSISTENCE_UNAVAILABLE if no connection can be had
     * @throws IllegalStateException for a database Break does not support
     */
    static Dialect detect(DataSource dataSource) {
        String productName;
        try (Connection connection = dataSource.getConnection()) {
            productName = connection.getMetaData().getDatabaseProductName();
        } catch (SQLException | RuntimeException e) {
            throw SqlFailures.unavailable(e);
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
