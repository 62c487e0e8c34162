package com.breakagency.adapter.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.PaymentSource;
import com.breakagency.testkit.CapturingErrorReporter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two service instances on one PostgreSQL schema, as production runs them: two {@link BreakAgency}
 * instances, each on its own pool of eight connections and sixteen threads. Every one of 200 issued
 * invoices is marked paid by six calls at once, spread over both instances: three with one idempotency key
 * (a retried request), one with another key and the same bank reference (a second channel reporting the
 * same transaction), and one with another key and another reference (a different report). What the
 * database holds afterwards is counted on a separate connection, not read back through Break.
 */
@PostgresTest
class PostgresTwoInstancesTest {

    private static final int INVOICES = 200;
    private static final int THREADS_PER_INSTANCE = 16;
    private static final int CONNECTIONS_PER_INSTANCE = 8;
    private static final long WAIT_SECONDS = 90;
    private static final OperationContext AGENT = OperationContext.of(Actor.staff("agent-ana", Role.AGENT));
    private static final OperationContext FINANCE = OperationContext.of(Actor.staff("finance-fay", Role.FINANCE));

    /** One call to mark an invoice paid: on which instance, with which key and bank reference. */
    private record Attempt(int invoice, int instance, String key, String reference) {
    }

    @Test
    void two_instances_marking_every_invoice_paid_at_once_make_one_payment_and_one_allocation_each() throws Exception {
        TestDatabase db = TestDatabase.postgres(PostgresTwoInstancesTest.class);
        String schema = db.freshPersistence().schema();
        List<CapturingErrorReporter> reporters = List.of(new CapturingErrorReporter(), new CapturingErrorReporter());
        List<BreakAgency> agencies = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            JdbcPersistence persistence = JdbcPersistence.builder(db.newPool("instance-" + (i + 1),
                    CONNECTIONS_PER_INSTANCE)).schema(schema).migrateOnStart(false).build();
            agencies.add(BreakAgency.builder().persistence(persistence).errorReporter(reporters.get(i)).build());
        }
        List<ExecutorService> threads = List.of(Executors.newFixedThreadPool(THREADS_PER_INSTANCE),
                Executors.newFixedThreadPool(THREADS_PER_INSTANCE));
        try {
            List<Invoice> invoices = issueInvoices(agencies, threads);

            Map<String, Integer> outcomes = markEveryInvoicePaidSixTimesAtOnce(agencies, threads, invoices);

            assertEquals(INVOICES, outcomes.getOrDefault("paid", 0), outcomes::toString);
            assertEquals(INVOICES * 6, outcomes.values().stream().mapToInt(Integer::intValue).sum(), outcomes::toString);
            assertTrue(outcomes.keySet().stream().allMatch(o -> o.equals("paid") || o.equals("replay")
                    || o.startsWith("CONFLICT/")), () -> "only replays and conflicts besides the payments: " + outcomes);
            for (CapturingErrorReporter reporter : reporters) {
                assertEquals(List.of(), reporter.reports(ErrorCode.UNHANDLED_ERROR));
                assertEquals(List.of(), reporter.reports(ErrorCode.PERSISTENCE_UNAVAILABLE));
            }
        } finally {
            threads.forEach(ExecutorService::shutdownNow);
            agencies.forEach(BreakAgency::close);
        }

        try (Connection separate = db.separateConnection()) {
            assertEquals(INVOICES, count(separate, "SELECT COUNT(*) FROM " + schema + ".payments"));
            assertEquals(INVOICES, count(separate, "SELECT COUNT(DISTINCT invoice_id) FROM " + schema + ".payments"),
                    "one payment per invoice");
            assertEquals(INVOICES * 3, count(separate, "SELECT COUNT(*) FROM " + schema + ".commission_lines"));
            assertEquals(0, count(separate, FaultFixtures.paymentsNotSplitInThree(schema)),
                    "every payment has one allocation: three lines summing to it");
            assertEquals(INVOICES, count(separate, "SELECT COUNT(*) FROM " + schema + ".invoices WHERE status = 'PAID'"
                    + " AND paid_minor = total_minor AND commissions = 'ALLOCATED'"));
            assertEquals(INVOICES, count(separate, "SELECT COUNT(*) FROM " + schema + ".deals"
                    + " WHERE stage = 'PAYMENT_RECEIVED'"));
            assertEquals(INVOICES, count(separate, "SELECT COUNT(*) FROM " + schema + ".idempotency_keys"));
            assertEquals(0, count(separate, "SELECT COUNT(*) FROM " + schema + ".work_steps"), "nothing left pending");
            Map<String, Long> audit = countsByAction(separate, schema);
            assertEquals(INVOICES, audit.get("INVOICE_MARKED_PAID"), audit::toString);
            assertEquals(INVOICES * 3, audit.get("COMMISSION_CREATED"), audit::toString);
            assertEquals(INVOICES, audit.get("PAYMENT_RECORDED"), audit::toString);
        }
    }

    /** A brand, a talent managed by agent-ana, and 200 deals moved to PAYMENT_PENDING with their invoices issued. */
    private static List<Invoice> issueInvoices(List<BreakAgency> agencies, List<ExecutorService> threads)
            throws Exception {
        Crm crm = agencies.get(0).crm();
        Brand brand = crm.createBrand(AGENT, CreateBrand.of("Northwind Coffee", "agent-ana").withDomains("northwind.example"));
        Talent talent = crm.createTalent(AGENT, CreateTalent.named("Maya Lopez").managedBy("agent-ana"));
        List<Future<Invoice>> issued = new ArrayList<>();
        for (int i = 0; i < INVOICES; i++) {
            int n = i;
            BreakAgency agency = agencies.get(n % 2);
            issued.add(threads.get(n % 2).submit(() -> {
                Deal deal = agency.crm().createDeal(AGENT, CreateDeal.of(brand.id(), talent.id(), "agent-ana", "Campaign " + n, Money.of(100_000 + 37L * n, "GBP")));
                agency.crm().moveDealStage(AGENT, new MoveDealStage(deal.id(), deal.version(),
                        DealStage.PAYMENT_PENDING));
                Finance finance = agency.finance();
                Invoice draft = finance.listInvoices(FINANCE, InvoiceQuery.forDeal(deal.id()).limit(1)).items().get(0);
                return finance.issueInvoice(FINANCE, IssueInvoice.of(draft));
            }));
        }
        List<Invoice> invoices = new ArrayList<>();
        for (Future<Invoice> invoice : issued) {
            invoices.add(invoice.get(WAIT_SECONDS, TimeUnit.SECONDS));
        }
        return invoices;
    }

    /**
     * Six calls per invoice, three on each instance, queued next to each other so that the calls for one
     * invoice run at the same time; all threads start together. Returns how many calls ended how.
     */
    private static Map<String, Integer> markEveryInvoicePaidSixTimesAtOnce(List<BreakAgency> agencies,
            List<ExecutorService> threads, List<Invoice> invoices) throws Exception {
        List<Queue<Attempt>> queues = List.of(new ConcurrentLinkedQueue<>(), new ConcurrentLinkedQueue<>());
        for (int i = 0; i < INVOICES; i++) {
            String key = "pay-" + i;
            String reference = "bank-" + i;
            List<Attempt> attempts = List.of(new Attempt(i, 0, key, reference), new Attempt(i, 1, key, reference),
                    new Attempt(i, 0, key, reference), new Attempt(i, 1, "webhook-" + i, reference),
                    new Attempt(i, 0, "manual-" + i, "manual-" + i), new Attempt(i, 1, key, reference));
            attempts.forEach(a -> queues.get(a.instance()).add(a));
        }
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        Map<Integer, AtomicInteger> paidPerInvoice = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> workers = new ArrayList<>();
        for (int instance = 0; instance < 2; instance++) {
            Finance finance = agencies.get(instance).finance();
            Queue<Attempt> queue = queues.get(instance);
            for (int t = 0; t < THREADS_PER_INSTANCE; t++) {
                Callable<Void> worker = () -> {
                    assertTrue(start.await(WAIT_SECONDS, TimeUnit.SECONDS));
                    for (Attempt a = queue.poll(); a != null; a = queue.poll()) {
                        String outcome;
                        try {
                            PaymentResult r = finance.markInvoicePaid(FINANCE, new MarkInvoicePaid(
                                    invoices.get(a.invoice()).id(), LocalDate.now(ZoneOffset.UTC), a.reference(), a.key(),
                                    PaymentSource.BANK_FEED));
                            outcome = r.replayed() ? "replay" : "paid";
                            if (!r.replayed()) {
                                paidPerInvoice.computeIfAbsent(a.invoice(), i -> new AtomicInteger()).incrementAndGet();
                            }
                        } catch (BreakException e) {
                            outcome = e.code() + "/" + e.reason();
                        }
                        outcomes.merge(outcome, 1, Integer::sum);
                    }
                    return null;
                };
                workers.add(threads.get(instance).submit(worker));
            }
        }
        start.countDown();
        for (Future<?> worker : workers) {
            worker.get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        assertEquals(INVOICES, paidPerInvoice.size(), "every invoice was paid");
        assertTrue(paidPerInvoice.values().stream().allMatch(n -> n.get() == 1), "and by exactly one call");
        return new TreeMap<>(outcomes);
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Map<String, Long> countsByAction(Connection connection, String schema) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT action, COUNT(*) FROM " + schema
                + ".audit_events GROUP BY action"); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }

}
