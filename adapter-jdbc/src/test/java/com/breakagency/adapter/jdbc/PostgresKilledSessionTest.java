package com.breakagency.adapter.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.core.BreakAgency;
import com.breakagency.ports.api.Crm;
import com.breakagency.ports.api.Finance;
import com.breakagency.ports.api.crm.CreateBrand;
import com.breakagency.ports.api.crm.CreateDeal;
import com.breakagency.ports.api.crm.CreateTalent;
import com.breakagency.ports.api.crm.MoveDealStage;
import com.breakagency.ports.api.finance.InvoiceQuery;
import com.breakagency.ports.api.finance.IssueInvoice;
import com.breakagency.ports.api.finance.MarkInvoicePaid;
import com.breakagency.ports.api.finance.PaymentResult;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.DealStage;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.PaymentSource;
import com.breakagency.ports.spi.Commissions;
import com.breakagency.testkit.ForwardingPersistence;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A unit of work whose database session is killed in the middle of marking an invoice paid: after the
 * payment row was written and before the commit. The call fails as PERSISTENCE_UNAVAILABLE, nothing of it
 * is kept (counted on a separate connection), and the caller's retry with the same idempotency key pays
 * the invoice once.
 */
@PostgresTest
class PostgresKilledSessionTest {

    private static final long WAIT_SECONDS = 30;
    private static final OperationContext AGENT = OperationContext.of(Actor.staff("agent-ana", Role.AGENT));
    private static final OperationContext FINANCE = OperationContext.of(Actor.staff("finance-fay", Role.FINANCE));

    /** Where a paused allocation stands: the backend's pid once reached, and the gate it waits behind. */
    private static final class Pause {
        final CompletableFuture<Long> reached = new CompletableFuture<>();
        final CountDownLatch resume = new CountDownLatch(1);
    }

    @Test
    void a_session_killed_between_the_payment_and_the_commit_keeps_nothing_and_the_retry_pays_once() throws Exception {
        TestDatabase db = TestDatabase.postgres(PostgresKilledSessionTest.class);
        JdbcPersistence jdbc = db.freshPersistence();
        String schema = jdbc.schema();
        AtomicReference<Pause> armed = new AtomicReference<>();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try (BreakAgency agency = BreakAgency.builder().persistence(new PausingPersistence(jdbc, armed)).build()) {
            Invoice issued = anIssuedInvoice(agency);
            MarkInvoicePaid command = new MarkInvoicePaid(issued.id(), LocalDate.now(ZoneOffset.UTC), "bank-tx-1",
                    "bank-tx-1", PaymentSource.BANK_FEED);
            long auditBefore;
            try (Connection separate = db.separateConnection()) {
                auditBefore = count(separate, "SELECT COUNT(*) FROM " + schema + ".audit_events");
            }

            Pause pause = new Pause();
            armed.set(pause);
            Future<PaymentResult> call = thread.submit(() -> agency.finance().markInvoicePaid(FINANCE, command));
            long pid = pause.reached.get(WAIT_SECONDS, TimeUnit.SECONDS);
            try (Connection separate = db.separateConnection()) {
                assertEquals(1, count(separate, "SELECT COUNT(*) FROM pg_stat_activity WHERE pid = " + pid
                        + " AND state = 'idle in transaction'"), "the unit of work is open");
                assertEquals(1, count(separate, "SELECT COUNT(*) FROM pg_locks WHERE pid = " + pid + " AND relation = '"
                        + schema + ".payments'::regclass AND mode = 'RowExclusiveLock'"), "and has written to payments");
                assertTrue(bool(separate, "SELECT pg_terminate_backend(" + pid + ", 10000)"), "the session was killed");
            }
            pause.resume.countDown();

            BreakException failure = unwrap(call);
            assertEquals(ErrorCode.PERSISTENCE_UNAVAILABLE, failure.code(), failure::toString);
            assertEquals("DATABASE_UNREACHABLE", failure.reason());
            assertTrue(failure.retryable());

            try (Connection separate = db.separateConnection()) {
                assertEquals(0, count(separate, "SELECT COUNT(*) FROM " + schema + ".payments"), "no payment");
                assertEquals(0, count(separate, "SELECT COUNT(*) FROM " + schema + ".commission_lines"), "no lines");
                assertEquals(List.of("ISSUED|0|" + issued.version() + "|NONE"), strings(separate, "SELECT status, paid_minor, version,"
                        + " commissions FROM " + schema + ".invoices"), "the invoice as issued");
                assertEquals(auditBefore, count(separate, "SELECT COUNT(*) FROM " + schema + ".audit_events"),
                        "no audit rows");
                assertEquals(0, count(separate, "SELECT COUNT(*) FROM " + schema + ".work_steps"), "no queue entry");
                assertEquals(0, count(separate, "SELECT COUNT(*) FROM " + schema + ".idempotency_keys"), "the key is free");
                assertEquals(List.of("PAYMENT_PENDING"), strings(separate, "SELECT stage FROM " + schema + ".deals"));
            }

            armed.set(null);
            PaymentResult retried = agency.finance().markInvoicePaid(FINANCE, command);

            assertFalse(retried.replayed(), "the killed call left nothing to replay");
            assertEquals(3, retried.lines().size());
            try (Connection separate = db.separateConnection()) {
                assertEquals(1, count(separate, "SELECT COUNT(*) FROM " + schema + ".payments"));
                assertEquals(3, count(separate, "SELECT COUNT(*) FROM " + schema + ".commission_lines"));
                assertEquals(List.of("PAID|1250000|" + (issued.version() + 1) + "|ALLOCATED"), strings(separate, "SELECT status, paid_minor,"
                        + " version, commissions FROM " + schema + ".invoices"));
                assertEquals(1, count(separate, "SELECT COUNT(*) FROM " + schema + ".audit_events"
                        + " WHERE action = 'INVOICE_MARKED_PAID'"));
            }
            PaymentResult again = agency.finance().markInvoicePaid(FINANCE, command);
            assertTrue(again.replayed(), "a second retry replays the first result");
            assertEquals(retried.payment().id(), again.payment().id());
        } finally {
            thread.shutdownNow();
        }
    }

    private static Invoice anIssuedInvoice(BreakAgency agency) {
        Crm crm = agency.crm();
        Brand brand = crm.createBrand(AGENT, CreateBrand.of("Northwind Coffee", "agent-ana").withDomains("northwind.example"));
        Talent talent = crm.createTalent(AGENT, CreateTalent.named("Maya Lopez").managedBy("agent-ana"));
        Deal deal = crm.createDeal(AGENT, CreateDeal.of(brand.id(), talent.id(), "agent-ana", "Spring campaign", Money.of(1_250_000, "GBP")));
        crm.moveDealStage(AGENT, new MoveDealStage(deal.id(), deal.version(), DealStage.PAYMENT_PENDING));
        Finance finance = agency.finance();
        Invoice draft = finance.listInvoices(FINANCE, InvoiceQuery.forDeal(deal.id()).limit(1))
                .items().get(0);
        return finance.issueInvoice(FINANCE, IssueInvoice.of(draft));
    }

    private static BreakException unwrap(Future<PaymentResult> call) throws Exception {
        try {
            PaymentResult result = call.get(WAIT_SECONDS, TimeUnit.SECONDS);
            throw new AssertionError("the call should have failed, it returned " + result);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof BreakException) {
                return (BreakException) e.getCause();
            }
            throw e;
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static boolean bool(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            List<String> out = new java.util.ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= columns; c++) {
                    row.append(c > 1 ? "|" : "").append(rows.getString(c));
                }
                out.add(row.toString());
            }
            return out;
        }
    }

    /**
     * The JDBC stores, with a commissions store that, while armed, reports the backend pid of the unit of
     * work's connection and waits for the test before it writes. Everything else is delegated unchanged.
     */
    private static final class PausingPersistence extends ForwardingPersistence {
        private final JdbcPersistence jdbc;
        private final AtomicReference<Pause> armed;

        PausingPersistence(JdbcPersistence jdbc, AtomicReference<Pause> armed) {
            super(jdbc);
            this.jdbc = jdbc;
            this.armed = armed;
        }

        @Override
        public Commissions commissions() {
            Commissions real = jdbc.commissions();
            return new Commissions() {
                @Override
                public void insertAll(List<CommissionLine> lines) {
                    Pause pause = armed.get();
                    if (pause != null) {
                        long pid = jdbc.sql().one("SELECT pg_backend_pid() AS pid", row -> row.longValue("pid"))
                                .orElseThrow();
                        pause.reached.complete(pid);
                        try {
                            assertTrue(pause.resume.await(WAIT_SECONDS, TimeUnit.SECONDS));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException(e);
                        }
                    }
                    real.insertAll(lines);
                }

                @Override
                public List<CommissionLine> byPayment(String paymentId) {
                    return real.byPayment(paymentId);
                }

                @Override
                public List<CommissionLine> byInvoice(String invoiceId) {
                    return real.byInvoice(invoiceId);
                }

                @Override
                public List<CommissionLine> list(Query query, Optional<String> afterId, int limit) {
                    return real.list(query, afterId, limit);
                }

                @Override
                public void markPaidOut(List<String> ids) {
                    real.markPaidOut(ids);
                }
            };
        }
    }
}
