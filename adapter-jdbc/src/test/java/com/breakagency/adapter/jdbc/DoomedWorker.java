package com.breakagency.adapter.jdbc;

import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.Payment;
import com.breakagency.ports.model.work.WorkStep;
import com.breakagency.testkit.Fixtures;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The process {@link PostgresKilledWorkerTest} kills: a service instance's worker caught in the middle of
 * its work. It claims steps as one worker, begins the first one (in an open unit of work it locks the
 * invoice the step names and writes that invoice's first payment's commission lines), says
 * {@code CLAIMED <n>} on standard output, and waits inside that unit of work until it is killed.
 *
 * <p>Arguments: JDBC URL, schema, worker id, the instant of the claim, the lease, how many steps to claim.
 */
final class DoomedWorker {

    /** What the process prints once its claims are committed and its unit of work is open. */
    static final String CLAIMED = "CLAIMED ";

    private DoomedWorker() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            throw new IllegalArgumentException("usage: DoomedWorker <jdbc url> <schema> <worker id> <claim instant>"
                    + " <lease> <max steps>");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setPoolName("doomed-worker");
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(2);
        HikariDataSource pool = new HikariDataSource(config);
        JdbcPersistence persistence = JdbcPersistence.builder(pool).schema(args[1]).dialect(Dialect.POSTGRESQL)
                .migrateOnStart(false).build();

        List<WorkStep> claimed = persistence.workQueue().claimDue(args[2], Instant.parse(args[3]),
                Duration.parse(args[4]), Integer.parseInt(args[5]));
        if (claimed.isEmpty()) {
            System.out.println(CLAIMED + 0);
            return;
        }
        String invoiceId = claimed.get(0).payload().get("invoiceId");
        persistence.transactions().inTransaction(() -> {
            Invoice invoice = persistence.invoices().findByIdForUpdate(invoiceId).orElseThrow();
            Payment payment = persistence.payments().byInvoice(invoiceId).get(0);
            persistence.commissions().insertAll(Fixtures.theAgencySplitOf(invoice, payment,
                    PendingCommissions.AGENT_ID));
            System.out.println(CLAIMED + claimed.size());
            System.out.flush();
            waitToBeKilled();
            return null;
        });
    }

    private static void waitToBeKilled() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted instead of killed", e);
        }
    }
}
