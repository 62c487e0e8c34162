package com.breakagency.adapter.jdbc;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings Break's tables up to date with Flyway, in their own history table so that they share a schema
 * with a host's tables, and a host's own Flyway history, without touching either.
 *
 * <ul>
 *   <li>history table {@value JdbcPersistence#SCHEMA_HISTORY_TABLE}, in Break's schema;</li>
 *   <li>the schema is created when missing;</li>
 *   <li>a schema that already holds other tables but no Break history gets a baseline at version 0, so
 *       every Break migration still runs;</li>
 *   <li>migrations of a newer Break already applied are ignored (Flyway's default), so an older instance
 *       keeps running during a rolling upgrade;</li>
 *   <li>{@code clean} stays disabled.</li>
 *   <li>one migration set for every dialect, in {@value #LOCATION}; what differs between the databases is
 *       a Flyway placeholder whose value the dialect gives ({@link Dialect#migrationPlaceholders()});</li>
 *   <li>a schema migrated before the set was one (when each dialect had a folder of its own, with the
 *       same versions and, placeholders filled in, the same statements) records the checksums of those
 *       files; when its history holds one of them, Flyway's {@code repair} aligns the recorded checksums
 *       with the single set before migrating, so such a schema keeps working. Any other checksum that
 *       differs still fails validation, as Flyway's always does.</li>
 * </ul>
 *
 * <p>Flyway is loaded only when this class is used: with {@code migrateOnStart(false)} a host may leave
 * it off the class path. Flyway takes a lock while it migrates, so instances starting together are safe.
 * It holds two connections of the data source at once while it migrates, so a pool of one connection
 * times out here, which is reported as POOL_EXHAUSTED with that number. Stateless.
 */
final class Migrations {

    /** Where Break's one set of migrations lives. */
    static final String LOCATION = "classpath:com/breakagency/adapter/jdbc/migration";

    /**
     * The checksums Flyway recorded for V1 to V3 when each dialect had its own folder of migrations
     * (PostgreSQL, then H2): the same schema, written out per database instead of through a placeholder.
     */
    static final Set<Integer> PER_DIALECT_CHECKSUMS = Set.of(
            1792309228, 126691600, 852282666,
            -2110930097, 1261034036, 347357271);

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {
    }

    /**
     * Applies every pending migration of the dialect to the schema.
     *
     * @param schema the schema as the database stores its name
     * @throws BreakException PERSISTENCE_UNAVAILABLE: DATABASE_UNREACHABLE if no connection could be had,
     *                        POOL_EXHAUSTED if the pool timed out waiting for a second free connection,
     *                        MIGRATION_FAILED if a migration failed (rolled back where the database can)
     */
    static void migrate(DataSource dataSource, Dialect dialect, String schema) {
        try {
            Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(dataSource)
                    .schemas(schema)
                    .createSchemas(true)
                    .table(dialect.fold(JdbcPersistence.SCHEMA_HISTORY_TABLE))
                    .locations(LOCATION)
                    .placeholders(dialect.migrationPlaceholders())
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .baselineDescription("Break baseline: the schema held other tables")
                    .cleanDisabled(true)
                    .load();
            alignPerDialectChecksums(flyway);
            flyway.migrate();
        } catch (FlywayException e) {
            SQLException cause = sqlCause(e);
            if (cause != null && new SqlFailures(dialect, Map.of()).classify(cause) == SqlFailures.Kind.UNAVAILABLE) {
                throw SqlFailures.noConnection(e, SqlFailures.CONNECTIONS_WHILE_MIGRATING);
            }
            // Flyway's message quotes the failed statement and the database's message; neither leaves
            BreakException.Builder failed = BreakException.builder(ErrorCode.PERSISTENCE_UNAVAILABLE)
                    .reason(Reason.MIGRATION_FAILED).detail("The database schema could not be brought up to date.")
                    .cause(DriverFailure.of(e));
            if (cause != null && SqlFailures.sqlState(cause) != null) {
                failed.metadata("sqlState", SqlFailures.sqlState(cause));
            }
            throw failed.build();
        }
    }

    /**
     * Repairs the history of a schema migrated from the per-dialect folders: its V1 to V3 are the single
     * set's, whose checksums differ only because the text now says {@code ${binary_collation}}.
     */
    private static void alignPerDialectChecksums(Flyway flyway) {
        for (MigrationInfo applied : flyway.info().applied()) {
            if (applied.getChecksum() != null && PER_DIALECT_CHECKSUMS.contains(applied.getChecksum())) {
                LOG.info("Break's schema history records the checksums of its former per-dialect migrations;"
                        + " aligning them with the single migration set (Flyway repair)");
                flyway.repair();
                return;
            }
        }
    }

    private static SQLException sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException) {
                return (SQLException) t;
            }
        }
        return null;
    }
}
