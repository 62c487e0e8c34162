package com.breakagency.adapter.jdbc;

import com.breakagency.core.BreakAgency;
import com.breakagency.testkit.CapturingErrorReporter;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;

/**
 * The process {@link PostgresKilledSyncTest} kills in the middle of a mail sync: a service instance whose
 * worker runs due steps (the initial Gmail sync) in a loop, printing {@code RUNNING} first.
 *
 * <p>Arguments: JDBC URL, schema, the fake Google's authorization, token and revoke endpoints, the fake
 * Gmail's root URL.
 */
final class DoomedSyncWorker {

    static final String RUNNING = "RUNNING";

    private DoomedSyncWorker() {
    }

    public static void main(String[] args) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setPoolName("doomed-sync-worker");
        config.setMaximumPoolSize(4);
        HikariDataSource pool = new HikariDataSource(config);
        JdbcPersistence persistence = JdbcPersistence.builder(pool).schema(args[1]).dialect(Dialect.POSTGRESQL)
                .migrateOnStart(false).build();
        BreakAgency agency = MailSyncAgencies.agency(persistence, URI.create(args[2]), URI.create(args[3]),
                URI.create(args[4]), URI.create(args[5]), "doomed", new CapturingErrorReporter());
        System.out.println(RUNNING);
        System.out.flush();
        while (true) {
            agency.runDueSteps();
        }
    }
}
