package com.breakagency.adapter.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.core.BreakAgency;
import com.breakagency.ports.api.Finance;
import com.breakagency.ports.api.crm.CreateBrand;
import com.breakagency.ports.api.crm.CreateDeal;
import com.breakagency.ports.api.crm.CreateTalent;
import com.breakagency.ports.api.crm.MoveDealStage;
import com.breakagency.ports.api.finance.CreatePayout;
import com.breakagency.ports.api.finance.InvoiceQuery;
import com.breakagency.ports.api.finance.IssueInvoice;
import com.breakagency.ports.api.finance.MarkInvoicePaid;
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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two service instances on one PostgreSQL schema, each on its own pool of eight connections and sixteen
 * threads, gather payouts for the same 50 talents while payments for those talents keep arriving: every talent
 * gets four payout attempts on each instance, queued between the payments. Afterwards, counted on a separate
 * connection: no line is in two live payouts, every payout is the sum of its lines and pays its own
 * beneficiary's lines, and every talent line is either in exactly one payout or still free, to the minor unit.
 */
@PostgresTest
class PostgresPayoutsTwoInstancesTest {

    private static final int TALENTS = 50;
    private static final int INVOICES_PER_TALENT = 3;
    private static final int ATTEMPTS_PER_TALENT_AND_INSTANCE = 4;
    private static final int THREADS_PER_INSTANCE = 16;
    private static final int CONNECTIONS_PER_INSTANCE = 8;
    private static final long WAIT_SECONDS = 120;
    private static final OperationContext AGENT = OperationContext.of(Actor.staff("agent-ana", Role.AGENT));
    private static final OperationContext FINANCE = OperationContext.of(Actor.staff("finance-fay", Role.FINANCE));

    /** A task: pay an invoice, or gather a payout for a talent. */
    private record Task(Invoice invoice, Talent talent) {
    }

    @Test
    void two_instances_gathering_payouts_for_the_same_talents_while_payments_arrive_never_put_a_line_in_two()
            throws Exception {
        TestDatabase db = TestDatabase.postgres(PostgresPayoutsTwoInstancesTest.class);
        String schema = db.freshPersistence().schema();
        List<CapturingErrorReporter> reporters = List.of(new CapturingErrorReporter(), new CapturingErrorReporter());
        List<BreakAgency> agencies = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            JdbcPersistence persistence = JdbcPersistence.builder(db.newPool("payouts-" + (i + 1),
                    CONNECTIONS_PER_INSTANCE)).schema(schema).migrateOnStart(false).build();
            agencies.add(BreakAgency.builder().persistence(persistence).errorReporter(reporters.get(i)).build());
        }
        List<ExecutorService> threads = List.of(Executors.newFixedThreadPool(THREADS_PER_INSTANCE),
                Executors.newFixedThreadPool(THREADS_PER_INSTANCE));
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        try {
            Brand brand = agencies.get(0).crm().createBrand(AGENT, CreateBrand.of("Northwind Coffee", "agent-ana"));
            List<Talent> talents = new ArrayList<>();
            List<Invoice> invoices = new ArrayList<>();
            for (int t = 0; t < TALENTS; t++) {
                Talent talent = agencies.get(0).crm().createTalent(AGENT, CreateTalent.named("Talent " + t).managedBy("agent-ana"));
                talents.add(talent);
                for (int i = 0; i < INVOICES_PER_TALENT; i++) {
                    invoices.add(issue(agencies.get((t + i) % 2), brand, talent, 100_000 + 37L * t + 11L * i));
                }
            }
            // the first invoice of every talent is paid before, the others while the payouts are gathered
            List<Task> before = new ArrayList<>();
            List<List<Task>> during = List.of(new ArrayList<>(), new ArrayList<>());
            for (int i = 0; i < invoices.size(); i++) {
                if (i % INVOICES_PER_TALENT == 0) {
                    before.add(new Task(invoices.get(i), null));
                } else {
                    during.get(i % 2).add(new Task(invoices.get(i), null));
                }
            }
            for (Task task : before) {
                pay(agencies.get(0).finance(), task.invoice());
            }
            for (int instance = 0; instance < 2; instance++) {
                for (Talent talent : talents) {
                    for (int a = 0; a < ATTEMPTS_PER_TALENT_AND_INSTANCE; a++) {
                        during.get(instance).add(new Task(null, talent));
                    }
                }
                Collections.shuffle(during.get(instance), new java.util.Random(instance));
            }
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> workers = new ArrayList<>();
            for (int instance = 0; instance < 2; instance++) {
                Finance finance = agencies.get(instance).finance();
                Queue<Task> queue = new ConcurrentLinkedQueue<>(during.get(instance));
                for (int t = 0; t < THREADS_PER_INSTANCE; t++) {
                    Callable<Void> worker = () -> {
                        assertTrue(start.await(WAIT_SECONDS, TimeUnit.SECONDS));
                        for (Task task = queue.poll(); task != null; task = queue.poll()) {
                            String outcome;
                            try {
                                if (task.invoice() != null) {
                                    pay(finance, task.invoice());
                                    outcome = "paid";
                                } else {
                                    finance.createPayout(FINANCE, CreatePayout.forTalent(task.talent().id(), "GBP"));
                                    outcome = "payout";
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
            System.out.println("payout attempts and payments ended: " + outcomes);
            assertEquals(invoices.size() - TALENTS, outcomes.getOrDefault("paid", 0), outcomes::toString);
            assertTrue(outcomes.getOrDefault("payout", 0) >= TALENTS, outcomes::toString);
            assertTrue(outcomes.keySet().stream().allMatch(o -> o.equals("paid") || o.equals("payout")
                    || o.startsWith("CONFLICT/")), outcomes::toString);
            for (CapturingErrorReporter reporter : reporters) {
                assertEquals(List.of(), reporter.reports(ErrorCode.UNHANDLED_ERROR));
                assertEquals(List.of(), reporter.reports(ErrorCode.WORKFLOW_BREAK));
            }
        } finally {
            threads.forEach(ExecutorService::shutdownNow);
            agencies.forEach(BreakAgency::close);
        }

        String s = schema + ".";
        try (Connection separate = db.separateConnection()) {
            assertEquals(invoices(separate, s), count(separate, "SELECT COUNT(*) FROM " + s + "payments"));
            assertEquals(outcomes.get("payout"), (int) count(separate, "SELECT COUNT(*) FROM " + s + "payouts"));
            assertEquals(0, count(separate, "SELECT COUNT(*) FROM (SELECT i.entry_id FROM " + s + "payout_items i JOIN "
                    + s + "payouts p ON p.id = i.payout_id WHERE p.status <> 'CANCELLED' GROUP BY i.entry_id"
                    + " HAVING COUNT(*) > 1) twice"), "no line is in two live payouts");
            assertEquals(0, count(separate, "SELECT COUNT(*) FROM " + s + "payouts p WHERE p.amount_minor <>"
                    + " (SELECT COALESCE(SUM(i.amount_minor), 0) FROM " + s + "payout_items i WHERE i.payout_id = p.id)"),
                    "every payout is the sum of its lines");
            assertEquals(0, count(separate, "SELECT COUNT(*) FROM " + s + "payout_items i JOIN " + s + "payouts p"
                    + " ON p.id = i.payout_id LEFT JOIN " + s + "commission_lines c ON c.id = i.entry_id"
                    + " WHERE c.id IS NULL OR c.amount_minor <> i.amount_minor OR c.beneficiary_id <> p.beneficiary_id"
                    + " OR c.beneficiary_kind <> p.beneficiary_kind"), "every item is a line of the payout's beneficiary");
            long talentLines = count(separate, "SELECT SUM(amount_minor) FROM " + s + "commission_lines"
                    + " WHERE beneficiary_kind = 'TALENT'");
            long inPayouts = count(separate, "SELECT COALESCE(SUM(amount_minor), 0) FROM " + s + "payouts");
            long free = count(separate, "SELECT COALESCE(SUM(c.amount_minor), 0) FROM " + s + "commission_lines c"
                    + " WHERE c.beneficiary_kind = 'TALENT' AND NOT EXISTS (SELECT 1 FROM " + s + "payout_items i"
                    + " WHERE i.live_entry_id = c.id)");
            assertEquals(talentLines, inPayouts + free, "every talent line is in one payout or free, to the minor unit");
            assertEquals(count(separate, "SELECT SUM(paid_minor) FROM " + s + "invoices"),
                    count(separate, "SELECT SUM(amount_minor) FROM " + s + "commission_lines"), "the lines sum to the payments");
            assertEquals(TALENTS, count(separate, "SELECT COUNT(DISTINCT beneficiary_id) FROM " + s + "payouts"),
                    "every talent got a payout");
        }
    }

    private static Invoice issue(BreakAgency agency, Brand brand, Talent talent, long value) {
        Deal deal = agency.crm().createDeal(AGENT, CreateDeal.of(brand.id(), talent.id(), "agent-ana", "Campaign",
                Money.of(value, "GBP")));
        agency.crm().moveDealStage(AGENT, new MoveDealStage(deal.id(), deal.version(), DealStage.PAYMENT_PENDING));
        Invoice draft = agency.finance().listInvoices(FINANCE, InvoiceQuery.forDeal(deal.id()).limit(1)).items().get(0);
        return agency.finance().issueInvoice(FINANCE, IssueInvoice.of(draft));
    }

    private static void pay(Finance finance, Invoice invoice) {
        finance.markInvoicePaid(FINANCE, new MarkInvoicePaid(invoice.id(), LocalDate.now(ZoneOffset.UTC),
                "bank-" + invoice.id(), "pay-" + invoice.id(), PaymentSource.BANK_FEED));
    }

    private static long invoices(Connection c, String s) throws SQLException {
        return count(c, "SELECT COUNT(*) FROM " + s + "invoices");
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
