package com.breakagency.adapter.jdbc;

import static com.breakagency.adapter.jdbc.FaultFixtures.FINANCE;
import static com.breakagency.adapter.jdbc.FaultFixtures.counts;
import static com.breakagency.adapter.jdbc.FaultFixtures.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.breakagency.core.BreakAgency;
import com.breakagency.ports.api.finance.ApprovePayout;
import com.breakagency.ports.api.finance.CreatePayout;
import com.breakagency.ports.api.finance.IssueCreditNote;
import com.breakagency.ports.api.finance.MarkInvoicePaid;
import com.breakagency.ports.api.finance.MarkPayoutPaid;
import com.breakagency.ports.api.finance.PayoutStatement;
import com.breakagency.ports.api.finance.PayoutStatementQuery;
import com.breakagency.ports.api.finance.RefundPayment;
import com.breakagency.ports.api.finance.RefundResult;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.Payment;
import com.breakagency.ports.model.finance.PaymentSource;
import com.breakagency.ports.model.finance.Payout;
import com.breakagency.ports.model.finance.ReversalKind;
import com.breakagency.testkit.AgencyFixture;
import com.breakagency.testkit.TestClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * Money going out on PostgreSQL. A refund after the talent's payout was paid makes a clawback that the next
 * payout deducts, the statement shows each step, and the rows of the paid payout, its items and its lines are
 * the same, column for column, before and after (read on a separate connection). And every fault point of a
 * refund, of marking a payout paid and of a credit note with its refund: a data source that fails the k-th
 * statement, and separately the j-th commit, for every k and j; after each failure nothing is written, and the
 * same call with the same key then succeeds once.
 */
@PostgresTest
class PostgresMoneyOutTest {

    private static final Duration LATER = Duration.ofMinutes(5);
    private static final long DEAL_VALUE = FaultFixtures.DEAL_VALUE;

    private TestDatabase db;
    private String schema;
    private FaultyDataSource faulty;
    private TestClock clock;
    private AgencyFixture<BreakAgency> office;
    private BreakAgency agency;
    private final Map<String, Level> levels = new TreeMap<>();

    @BeforeEach
    void start() {
        db = TestDatabase.postgres(PostgresMoneyOutTest.class);
        schema = db.freshPersistence().schema();
        faulty = new FaultyDataSource(db.newPool("money-out", 2));
        clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        office = JdbcAgencies.on(JdbcPersistence.builder(faulty).schema(schema).dialect(Dialect.POSTGRESQL)
                .migrateOnStart(false).build(), builder -> builder.clock(clock));
        agency = office.agency();
    }

    @AfterEach
    void stop() {
        levels.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(level));
        office.close();
    }

    private Payment paidInFull(Invoice invoice, String key) {
        return agency.finance().markInvoicePaid(FINANCE, new MarkInvoicePaid(invoice.id(), LocalDate.now(clock),
                "bank-" + key, key, PaymentSource.BANK_FEED)).payment();
    }

    private Payout paidPayout(String talentId, String reference) {
        Payout draft = agency.finance().createPayout(FINANCE, CreatePayout.forTalent(talentId, "GBP"));
        Payout approved = agency.finance().approvePayout(FINANCE, ApprovePayout.of(draft));
        return agency.finance().markPayoutPaid(FINANCE, MarkPayoutPaid.of(approved.id(), LocalDate.now(clock), reference));
    }

    @Test
    void a_refund_after_the_payout_is_clawed_back_by_the_next_payout_and_the_paid_rows_never_change() throws Exception {
        Instant from = clock.instant();
        Invoice invoice = FaultFixtures.issuedInvoice(office, true);
        Payment payment = paidInFull(invoice, "pay-1");
        Payout first = paidPayout(invoice.talentId(), "transfer-1");
        String s = schema + ".";
        List<String> paidRows = rows("SELECT * FROM " + s + "payouts WHERE id = '" + first.id() + "'",
                "SELECT * FROM " + s + "payout_items WHERE payout_id = '" + first.id() + "'",
                "SELECT c.* FROM " + s + "commission_lines c JOIN " + s + "payout_items i ON i.entry_id = c.id"
                        + " WHERE i.payout_id = '" + first.id() + "' ORDER BY c.id");
        clock.advance(LATER);

        RefundResult refund = agency.finance().refundPayment(FINANCE, RefundPayment.of(payment.id(),
                Money.of(DEAL_VALUE / 2, "GBP"), LocalDate.now(clock), "refund-1"));
        long clawback = refund.reversals().stream().filter(r -> r.kind() == ReversalKind.CLAWBACK)
                .mapToLong(r -> r.amount().minorUnits()).sum();
        assertEquals(-DEAL_VALUE * 8 / 10 / 2, clawback);
        clock.advance(LATER);
        Invoice next = issuedFor(invoice);
        paidInFull(next, "pay-2");
        Payout deducted = paidPayout(invoice.talentId(), "transfer-2");
        assertEquals(DEAL_VALUE * 8 / 10 + clawback, deducted.amount().minorUnits(), "the clawback is deducted");

        assertEquals(paidRows, rows("SELECT * FROM " + s + "payouts WHERE id = '" + first.id() + "'",
                "SELECT * FROM " + s + "payout_items WHERE payout_id = '" + first.id() + "'",
                "SELECT c.* FROM " + s + "commission_lines c JOIN " + s + "payout_items i ON i.entry_id = c.id"
                        + " WHERE i.payout_id = '" + first.id() + "' ORDER BY c.id"), "the paid payout's rows are unchanged");
        assertEquals(0, FaultFixtures.count(db, "SELECT COUNT(*) FROM " + s + "commission_lines c JOIN " + s
                + "payout_items i ON i.entry_id = c.id JOIN " + s + "payouts p ON p.id = i.payout_id"
                + " WHERE p.status = 'PAID' AND c.status <> 'PAID_OUT'"), "every line of a paid payout is paid out");
        assertEquals(1, FaultFixtures.count(db, "SELECT COUNT(*) FROM " + s + "commission_reversals WHERE kind = 'CLAWBACK'"
                + " AND status = 'PAID_OUT'"), "the clawback was settled by a paid payout");
        PayoutStatement statement = agency.finance().payoutStatement(FINANCE,
                PayoutStatementQuery.forTalent(invoice.talentId(), from, clock.instant().plusSeconds(1)));
        PayoutStatement.Balance gbp = statement.balances().get("GBP");
        assertEquals(0, gbp.opening().minorUnits());
        assertEquals(clawback, gbp.reversed().minorUnits());
        assertEquals(gbp.earned().minorUnits() + gbp.reversed().minorUnits() - gbp.paidOut().minorUnits(),
                gbp.closing().minorUnits());
        assertEquals(0, gbp.closing().minorUnits(), "everything owed was paid");
    }

    /** Another invoice for the same talent as an earlier one. */
    private Invoice issuedFor(Invoice earlier) {
        return office.anIssuedInvoice(office.aDealFor(agency.crm().getTalent(FINANCE, earlier.talentId()),
                DEAL_VALUE, "GBP"));
    }

    private List<String> rows(String... queries) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection separate = db.separateConnection()) {
            for (String sql : queries) {
                try (PreparedStatement statement = separate.prepareStatement(sql); ResultSet result = statement.executeQuery()) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int c = 1; c <= columns; c++) {
                            row.append(c > 1 ? "|" : "").append(result.getString(c));
                        }
                        out.add(row.toString());
                    }
                }
            }
        }
        assertFalse(out.isEmpty());
        return out;
    }

    // ---- every fault point ----

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void every_statement_and_commit_of_a_refund_a_payout_payment_and_a_credit_note_fails_without_a_half_write()
            throws Exception {
        for (String name : List.of("com.breakagency", BreakAgency.BOUNDARY_LOGGER_NAME)) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            levels.put(name, logger.getLevel());
            logger.setLevel(Level.OFF);
        }
        int tried = 0;
        tried += everyFaultPoint("refund after a payout", () -> {
            Invoice invoice = FaultFixtures.issuedInvoice(office, true);
            Payment payment = paidInFull(invoice, "pay-f1");
            paidPayout(invoice.talentId(), "transfer-f1");
            RefundPayment command = RefundPayment.of(payment.id(), Money.of(DEAL_VALUE / 3, "GBP"),
                    LocalDate.now(clock), "refund-f1");
            return () -> {
                RefundResult result = agency.finance().refundPayment(FINANCE, command);
                assertFalse(result.replayed());
                assertEquals(3, result.reversals().size());
            };
        });
        tried += everyFaultPoint("payout paid", () -> {
            Invoice invoice = FaultFixtures.issuedInvoice(office, true);
            paidInFull(invoice, "pay-f2");
            Payout draft = agency.finance().createPayout(FINANCE, CreatePayout.forTalent(invoice.talentId(), "GBP"));
            Payout approved = agency.finance().approvePayout(FINANCE, ApprovePayout.of(draft));
            MarkPayoutPaid command = MarkPayoutPaid.of(approved.id(), LocalDate.now(clock), "transfer-f2");
            return () -> assertEquals(com.breakagency.ports.model.finance.PayoutStatus.PAID,
                    agency.finance().markPayoutPaid(FINANCE, command).status());
        });
        tried += everyFaultPoint("credit note with its refund", () -> {
            Invoice invoice = FaultFixtures.issuedInvoice(office, true);
            Payment payment = paidInFull(invoice, "pay-f3");
            IssueCreditNote command = IssueCreditNote.of(invoice.id(), Money.of(50_000, "GBP"), "one post fewer", "credit-f3")
                    .withRefund(payment.id(), "refund-f3", LocalDate.now(clock));
            return () -> assertTrue(agency.finance().issueCreditNote(FINANCE, command).refund().isPresent());
        });
        System.out.println("money-out fault points tried: " + tried);
        assertTrue(tried > 30, "every operation ran statements and committed");
    }

    private int everyFaultPoint(String name, FaultPoints.Fixture fixture) throws Exception {
        return FaultPoints.tryEach(name, db, schema, faulty, fixture, point -> {
            FaultPoints.failedWritingNothing(db, schema, point);
            clock.advance(LATER);
            point.operation().run();
            FaultPoints.didTheWorkOnce(db, schema, point);
        }).tried();
    }
}
