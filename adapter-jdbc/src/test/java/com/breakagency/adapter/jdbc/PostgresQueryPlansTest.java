package com.breakagency.adapter.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.finance.Beneficiary;
import com.breakagency.ports.model.finance.BeneficiaryKind;
import com.breakagency.ports.model.finance.CommissionStatus;
import com.breakagency.ports.model.finance.InvoiceStatus;
import com.breakagency.ports.model.work.StepStatus;
import com.breakagency.ports.model.finance.PayoutStatus;
import com.breakagency.ports.spi.Commissions;
import com.breakagency.ports.spi.CreditNotes;
import com.breakagency.ports.spi.Deals;
import com.breakagency.ports.spi.Invoices;
import com.breakagency.ports.spi.Payouts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every look-up and listing a host runs per request, as the JDBC stores send it, explained by PostgreSQL
 * on books large enough for the planner to care ({@link GeneratedBooks}, 20,000 invoices, analyzed): a
 * plan that reads a table that grows with the books from end to end ({@code Seq Scan}) fails, naming the
 * query and its plan. The planner is asked to avoid sequential scans ({@code enable_seqscan = off}), so a
 * sequential scan in a plan means no index can serve the query at all, whatever the size of the books;
 * the analyzed statistics make the index it picks the one it would pick. The queries are a table: a new store query is one more row. The statements are
 * captured from the stores themselves, with their values, so the test explains what runs, not a copy.
 * The totals and the diagnostics' counts are aggregates over a whole table by design; their rows say so
 * and are held to one statement each (the scale benchmark times them on a million invoices).
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresQueryPlansTest {

    /** The tables that grow with the books; a sequential scan of any of them fails. */
    static final Set<String> GROWING = Set.of("invoices", "payments", "commission_lines", "audit_events",
            "work_steps", "deals", "refunds", "commission_reversals", "payouts", "payout_items", "credit_notes",
            "emails", "email_links", "email_participants", "mail_participants", "mail_sync_states");
    private static final int INVOICES = 20_000;
    private static final String INVOICE = "inv-000012345";
    private static final LocalDate DAY = LocalDate.parse("2026-06-01");

    /** What a query may read. */
    enum Expect {
        /** Only through indexes: no sequential scan of a growing table. */
        INDEXED,
        /** An aggregate over a whole table, by design: one statement. */
        AGGREGATE
    }

    /**
     * One query a host runs per request.
     *
     * @param name   what it is, as the failure names it
     * @param expect what it may read
     * @param run    the store call that sends it
     */
    record Query(String name, Expect expect, Consumer<JdbcPersistence> run) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Query> queries() {
        Optional<String> none = Optional.empty();
        Optional<LocalDate> anyDay = Optional.empty();
        return List.of(
                indexed("invoice by id", p -> p.invoices().findById(INVOICE)),
                indexed("invoice by id, locked", p -> p.transactions().inTransaction(() ->
                        p.invoices().findByIdForUpdate(INVOICE))),
                indexed("invoice of a deal", p -> p.invoices().findByDeal("deal-000012345")),
                indexed("invoices, first page", p -> p.invoices().list(Invoices.Query.ALL, none, 51)),
                indexed("invoices, a later page", p -> p.invoices().list(Invoices.Query.ALL, Optional.of("inv-000015000"), 51)),
                indexed("invoices of a brand", p -> p.invoices().list(invoices(Set.of(), Optional.of("brand-7"),
                        none, none, anyDay), none, 51)),
                indexed("invoices of a talent", p -> p.invoices().list(invoices(Set.of(), none, Optional.of("talent-7"),
                        none, anyDay), none, 51)),
                indexed("invoices of an agent's deals", p -> p.invoices().list(invoices(Set.of(), none, none,
                        Optional.of("agent-7"), anyDay), none, 51)),
                indexed("overdue invoices", p -> p.invoices().list(invoices(EnumSet.of(InvoiceStatus.ISSUED,
                        InvoiceStatus.PARTIALLY_PAID), none, none, none, Optional.of(DAY)), none, 51)),
                indexed("overdue invoices of an agent", p -> p.invoices().list(invoices(EnumSet.of(InvoiceStatus.ISSUED,
                        InvoiceStatus.PARTIALLY_PAID), none, none, Optional.of("agent-7"), Optional.of(DAY)), none, 51)),
                indexed("invoices in a status", p -> p.invoices().list(invoices(Set.of(InvoiceStatus.ISSUED), none, none,
                        none, anyDay), none, 51)),
                indexed("deal by id", p -> p.deals().findById("deal-000012345")),
                indexed("deals of an agent", p -> p.deals().list(new Deals.Query(none, none, Optional.of("agent-7"), Optional.empty()),
                        none, 51)),
                indexed("payment by id", p -> p.payments().findById("pay-000012345")),
                indexed("payments of an invoice", p -> p.payments().byInvoice(INVOICE)),
                indexed("payments received in a month", p -> p.payments().receivedBetween(DAY, DAY.plusMonths(1), none, 51)),
                indexed("lines of a payment", p -> p.commissions().byPayment("pay-000012345")),
                indexed("lines of an invoice", p -> p.commissions().byInvoice(INVOICE)),
                indexed("lines of an agent", p -> p.commissions().list(lines(Optional.of(Beneficiary.agent("agent-7")),
                        none, Optional.empty()), none, 51)),
                indexed("lines of a talent", p -> p.commissions().list(lines(Optional.empty(), Optional.of("talent-7"),
                        Optional.empty()), none, 51)),
                indexed("lines pending payout", p -> p.commissions().list(lines(Optional.empty(), none,
                        Optional.of(CommissionStatus.PENDING_PAYOUT)), none, 51)),
                indexed("audit events of a record", p -> p.auditLog().byEntity(EntityRef.of(EntityType.INVOICE, INVOICE),
                        none, 51)),
                indexed("audit events of an action in a day", p -> p.auditLog().byAction(AuditAction.INVOICE_MARKED_PAID,
                        Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-02T00:00:00Z"), none, 51)),
                indexed("the janitor's last run", p -> p.auditLog().latest(AuditAction.JANITOR_RAN)),
                indexed("idempotency record", p -> p.idempotencyKeys().find("finance.payment", "pay-1")),
                indexed("step by dedup key", p -> p.workQueue().findByDedupKey("ENSURE_COMMISSIONS:inv-000012341")),
                indexed("dead steps", p -> p.workQueue().list(Optional.of(StepStatus.DEAD), none, none, 11)),
                indexed("oldest due step", p -> p.workQueue().oldestDue(Instant.parse("2027-01-01T00:00:00Z"))),
                // money going out: the books generate none, and with sequential scans off an empty table still
                // shows whether an index can serve the query
                indexed("refund by id", p -> p.refunds().findById("refund-1")),
                indexed("refunds of a payment", p -> p.refunds().byPayment("pay-000012345")),
                indexed("refunds of an invoice", p -> p.refunds().byInvoice(INVOICE)),
                indexed("refunds in a month", p -> p.refunds().refundedBetween(DAY, DAY.plusMonths(1), none, 51)),
                indexed("reversals of a payment", p -> p.refunds().reversalsByPayment("pay-000012345")),
                indexed("reversals of an invoice", p -> p.refunds().reversalsByInvoice(INVOICE)),
                indexed("reversals owed by a talent", p -> p.refunds().reversalsOf(Beneficiary.talent("talent-7"), true,
                        none, 51)),
                indexed("payout by id", p -> p.payouts().findById("payout-1")),
                indexed("payout by id, locked", p -> p.transactions().inTransaction(() ->
                        p.payouts().findByIdForUpdate("payout-1"))),
                indexed("items of a payout", p -> p.payouts().items("payout-1")),
                indexed("lines in live payouts", p -> p.payouts().inLivePayouts(List.of("line-1", "line-2"))),
                indexed("payouts of a talent", p -> p.payouts().list(new Payouts.Query(Optional.of(Beneficiary.talent(
                        "talent-7")), Optional.empty(), Optional.empty(), Optional.empty()), none, 51)),
                indexed("payouts paid in a month", p -> p.payouts().list(new Payouts.Query(Optional.empty(),
                        Optional.of(PayoutStatus.PAID), Optional.of(DAY), Optional.of(DAY.plusMonths(1))), none, 51)),
                indexed("credit note by id", p -> p.creditNotes().findById("credit-1")),
                indexed("credit notes of an invoice", p -> p.creditNotes().byInvoice(INVOICE)),
                indexed("credit notes of a brand", p -> p.creditNotes().list(new CreditNotes.Query(Optional.of("brand-7"),
                        Optional.empty(), Optional.empty(), Optional.empty()), none, 51)),
                // the mail sync
                indexed("email by message", p -> p.emails().find("conn-1", "msg-1")),
                indexed("email by id", p -> p.emails().findById("email-1")),
                indexed("emails already stored", p -> p.emails().existing("conn-1", List.of("msg-1", "msg-2"))),
                indexed("emails of a connection", p -> p.emails().list("conn-1", none, 51)),
                indexed("links of an email", p -> p.emails().links("email-1")),
                indexed("emails of a participant", p -> p.emails().withParticipant("conn-1", "x@example.com", none, 51)),
                indexed("unlinked participants", p -> p.emails().unlinkedParticipants("conn-1", none, 51)),
                indexed("sync state", p -> p.mailSyncStates().find("conn-1")),
                indexed("sync state, locked", p -> p.transactions().inTransaction(() -> p.mailSyncStates().lock("conn-1"))),
                indexed("sync states, a page", p -> p.mailSyncStates().list(Optional.of("conn-1"), 51)),
                aggregate("totals: receivables", p -> p.invoices().outstandingByCurrency(EnumSet.of(InvoiceStatus.ISSUED,
                        InvoiceStatus.PARTIALLY_PAID), Optional.empty())),
                aggregate("totals: received", p -> p.payments().receivedByCurrency(DAY, DAY.plusMonths(1))),
                aggregate("totals: commissions pending", p -> p.commissions().amountByCurrency(
                        CommissionStatus.PENDING_PAYOUT, EnumSet.of(BeneficiaryKind.HOUSE, BeneficiaryKind.AGENT))),
                aggregate("health: invoices with payments without lines", p -> p.payments().countInvoicesWithoutCommissions()),
                // an anti-join: a page of it reads payments until it has found a page of them, every one when
                // few lack lines (the janitor's sweep and the health's "uncovered"; see BENCHMARKS.md)
                aggregate("janitor: payments without commissions, a page", p -> p.payments().withoutCommissions(
                        Instant.parse("2027-01-01T00:00:00Z"), none, 200)),
                aggregate("health: steps per type and status", p -> p.workQueue().counts()));
    }

    private static Query indexed(String name, Consumer<JdbcPersistence> run) {
        return new Query(name, Expect.INDEXED, run);
    }

    private static Query aggregate(String name, Consumer<JdbcPersistence> run) {
        return new Query(name, Expect.AGGREGATE, run);
    }

    private static Invoices.Query invoices(Set<InvoiceStatus> statuses, Optional<String> brand, Optional<String> talent,
                                           Optional<String> agent, Optional<LocalDate> dueBefore) {
        return new Invoices.Query(statuses, Optional.empty(), brand, talent, agent, dueBefore);
    }

    private static Commissions.Query lines(Optional<Beneficiary> beneficiary, Optional<String> talent,
                                           Optional<CommissionStatus> status) {
        return new Commissions.Query(beneficiary, talent, status, Optional.empty(), Optional.empty());
    }

    private TestDatabase db;
    private CountingDataSource counting;
    private JdbcPersistence stores;

    @BeforeAll
    void populate() {
        db = TestDatabase.postgres(PostgresQueryPlansTest.class);
        String schema = db.freshPersistence().schema();
        for (String statement : GeneratedBooks.statements(schema, INVOICES)) {
            db.execute(statement);
        }
        counting = new CountingDataSource(db.newPool("plans", 1));
        stores = JdbcPersistence.builder(counting).schema(schema).dialect(Dialect.POSTGRESQL).migrateOnStart(false).build();
    }

    @AfterAll
    void empty() {
        db.freshPersistence();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void reads_no_growing_table_from_end_to_end(Query query) throws SQLException {
        counting.reset();
        query.run().accept(stores);
        List<CountingDataSource.Sent> sent = counting.sent();
        assertFalse(sent.isEmpty(), query + " sent no statement");
        if (query.expect() == Expect.AGGREGATE) {
            assertEquals(1, sent.size(), () -> query + ": one aggregate statement, not " + sent);
        }
        for (CountingDataSource.Sent statement : sent) {
            String plan = explain(statement);
            if (query.expect() == Expect.INDEXED) {
                for (String table : GROWING) {
                    assertFalse(plan.contains("Seq Scan on " + table + " "), () -> query + " reads " + table
                            + " from end to end:\n" + statement.sql() + "\n" + plan);
                }
            }
            assertTrue(plan.toLowerCase(Locale.ROOT).contains("cost="), plan);
        }
    }

    private String explain(CountingDataSource.Sent statement) throws SQLException {
        try (Connection connection = db.separateConnection();
             PreparedStatement explain = connection.prepareStatement("EXPLAIN " + statement.sql())) {
            // a sequential scan costs the planner more than any index path, so one in the plan means no
            // index serves the query; on books this small it would sometimes rightly prefer one anyway
            try (java.sql.Statement set = connection.createStatement()) {
                set.execute("SET enable_seqscan = off");
            }
            for (int i = 0; i < statement.params().size(); i++) {
                explain.setObject(i + 1, statement.params().get(i));
            }
            List<String> lines = new ArrayList<>();
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    // the plan names tables by alias when there is one: "Seq Scan on invoices i" or "... invoices  (cost"
                    lines.add(rows.getString(1).replaceAll("Seq Scan on (\\w+)", "Seq Scan on $1 "));
                }
            }
            return String.join("\n", lines);
        }
    }
}
