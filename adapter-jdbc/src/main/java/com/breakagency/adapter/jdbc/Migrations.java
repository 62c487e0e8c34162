package com.breakagency.adapter.jdbc;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

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
 * </ul>
 *
 * <p>Flyway is loaded only when this class is used: with {@code migrateOnStart(false)} a host may leave
 * it off the class path. Flyway takes a lock while it migrates, so instances starting together are safe.
 * It holds two connections of the data source at once while it migrates, so a pool of one connection
 * times out here. Stateless.
 */
final class Migrations {

    private Migrations() {
    }

    /**
     * Applies every pending migration of the dialect to the schema.
     *
     * @param schema the schema as the database stores its name
     * @throws BreakException PERSISTENCE_UNAVAILABLE: DATABASE_UNREACHABLE if no connection could be had,
     *                        MIGRATION_FAILED if a migration failed (rolled back where the database can)
     */
    static void migrate(DataSource dataSource, Dialect dialect, String schema) {
        try {
            Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(dataSource)
                    .schemas(schema)
                    .createSchemas(true)
                    .table(dialect.fold(JdbcPersistence.SCHEMA_HISTORY_TABLE))
                    .locations(dialect.migrationLocation())
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .baselineDescription("Break baseline: the schema held other tables")
                    .cleanDisabled(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            SQLException cause = sqlCause(e);
            if (cause != null && new SqlFailures(dialect, Map.of()).classify(cause) == SqlFailures.Kind.UNAVAILABLE) {
                throw SqlFailures.unavailable(e);
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

    private static SQLException sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException) {
                return (SQLException) t;
            }
        }
        return null;
    }
}
