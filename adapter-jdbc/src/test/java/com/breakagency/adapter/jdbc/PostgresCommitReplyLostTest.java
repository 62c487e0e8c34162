package com.breakagency.adapter.jdbc;

import static com.breakagency.adapter.jdbc.FaultFixtures.FINANCE;
import static com.breakagency.adapter.jdbc.FaultFixtures.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.core.BreakAgency;
import com.breakagency.ports.api.finance.MarkInvoicePaid;
import com.breakagency.ports.api.finance.PaymentResult;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.PaymentSource;
import com.breakagency.testkit.AgencyFixture;
import com.breakagency.testkit.CapturingErrorReporter;
import com.breakagency.testkit.LogCapture;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A commit whose reply is lost: a loopback proxy between the pool and PostgreSQL forwards a mark-paid's
 * COMMIT, lets the server commit, and drops the connection before the reply reaches the driver. The call
 * says the outcome is unknown (never "nothing was saved"), the payment is in fact committed, and the
 * caller's retry with the same idempotency key replays the first result.
 */
@PostgresTest
class PostgresCommitReplyLostTest {

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void a_lost_commit_reply_is_commit_outcome_unknown_and_the_retry_with_the_same_key_replays() throws Exception {
        TestDatabase db = TestDatabase.postgres(PostgresCommitReplyLostTest.class);
        String schema = db.freshPersistence().schema();
        URI server = URI.create(db.url().substring("jdbc:".length()));
        CapturingErrorReporter reporter = new CapturingErrorReporter();
        try (CommitDroppingProxy proxy = new CommitDroppingProxy(server.getHost(), server.getPort());
             HikariDataSource proxied = pool(db, proxy.port());
             AgencyFixture<BreakAgency> healthy = JdbcAgencies.on(db.builder().build());
             BreakAgency behindProxy = BreakAgency.builder().errorReporter(reporter)
                     .persistence(JdbcPersistence.builder(proxied).schema(schema).migrateOnStart(false).build()).build()) {
            Invoice issued = FaultFixtures.issuedInvoice(healthy, true);
            MarkInvoicePaid command = new MarkInvoicePaid(issued.id(), LocalDate.now(ZoneOffset.UTC), "bank-tx-1",
                    "pay-1", PaymentSource.BANK_FEED);
            int commitsBefore = proxy.commitsSeen();

            proxy.armOnce();
            BreakException lost;
            try (LogCapture logs = LogCapture.of(BreakAgency.BOUNDARY_LOGGER_NAME)) {
                lost = assertThrows(BreakException.class, () -> behindProxy.finance().markInvoicePaid(FINANCE, command));
                assertEquals(1, logs.events("ERROR").size(), "one ERROR line");
            }

            assertEquals(1, proxy.dropped(), "the proxy lost one commit reply");
            assertTrue(proxy.commitsSeen() > commitsBefore, "the commit went through the proxy");
            assertEquals(ErrorCode.PERSISTENCE_UNAVAILABLE, lost.code(), lost::toString);
            assertEquals(Reason.COMMIT_OUTCOME_UNKNOWN, lost.reason());
            assertTrue(lost.retryable());
            assertTrue(lost.detail().contains("outcome is unknown"), lost.detail());
            assertTrue(lost.detail().contains("same idempotency key"), lost.detail());
            assertFalse(lost.detail().contains("nothing was saved"), "it may have been saved: " + lost.detail());
            assertTrue(lost.metadata().get("sqlState").startsWith("08"), lost.metadata().toString());
            assertEquals(1, reporter.reports().size());
            assertEquals(Reason.COMMIT_OUTCOME_UNKNOWN, reporter.reports().get(0).reason());

            assertEquals(1, count(db, "SELECT COUNT(*) FROM " + schema + ".payments"), "the server had committed");
            assertEquals(3, count(db, "SELECT COUNT(*) FROM " + schema + ".commission_lines"));
            assertEquals(1, count(db, "SELECT COUNT(*) FROM " + schema + ".idempotency_keys"));

            PaymentResult retried = healthy.finance().markInvoicePaid(FINANCE, command);

            assertTrue(retried.replayed(), "the retry replays the committed first result");
            assertEquals(3, retried.lines().size());
            assertEquals(1, count(db, "SELECT COUNT(*) FROM " + schema + ".payments"), "one payment");
            assertEquals(3, count(db, "SELECT COUNT(*) FROM " + schema + ".commission_lines"), "one commission set");
            assertEquals(1, count(db, "SELECT COUNT(*) FROM " + schema + ".audit_events"
                    + " WHERE action = 'INVOICE_MARKED_PAID'"));
        }
    }

    /** A pool of two connections that reach the server through the proxy, in plain text. */
    private static HikariDataSource pool(TestDatabase db, int port) {
        URI server = URI.create(db.url().substring("jdbc:".length()));
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + port + server.getPath() + "?" + server.getQuery()
                + "&sslmode=disable&gssEncMode=disable");
        config.setPoolName("break-test-postgres-proxied");
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        return new HikariDataSource(config);
    }
}
