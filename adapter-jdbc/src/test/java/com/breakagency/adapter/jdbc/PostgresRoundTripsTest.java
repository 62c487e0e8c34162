package com.breakagency.adapter.jdbc;

import static com.breakagency.adapter.jdbc.FaultFixtures.FINANCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.core.BreakAgency;
import com.breakagency.ports.api.finance.MarkInvoicePaid;
import com.breakagency.ports.api.finance.PaymentResult;
import com.breakagency.ports.api.finance.RecordPayment;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.PaymentSource;
import com.breakagency.testkit.AgencyFixture;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How many round trips a payment makes to PostgreSQL, counted statement by statement (a statement of
 * several commands, as the driver sends it, is one) with the commit, through the whole library on a
 * counting data source. Nothing is timed: the numbers are exact, so a change that adds a round trip to
 * the hottest path fails here and says which statement it added.
 */
@PostgresTest
class PostgresRoundTripsTest {

    /** The budget of a mark-paid that allocates its commissions, commit included. */
    static final int MARK_PAID_BUDGET = 8;

    private TestDatabase db;
    private CountingDataSource counting;
    private AgencyFixture<BreakAgency> office;
    private BreakAgency agency;

    @BeforeEach
    void start() {
        db = TestDatabase.postgres(PostgresRoundTripsTest.class);
        String schema = db.freshPersistence().schema();
        counting = new CountingDataSource(db.newPool("counting", 1));
        office = JdbcAgencies.on(JdbcPersistence.builder(counting).schema(schema).dialect(Dialect.POSTGRESQL)
                .migrateOnStart(false).build());
        agency = office.agency();
    }

    @AfterEach
    void stop() {
        office.close();
    }

    @Test
    void a_mark_paid_with_three_commission_lines_makes_seven_round_trips_commit_included() {
        Invoice issued = FaultFixtures.issuedInvoice(office, true);
        counting.reset();

        PaymentResult paid = agency.finance().markInvoicePaid(FINANCE, new MarkInvoicePaid(issued.id(),
                office.today(), "bank-tx-1", "pay-1", PaymentSource.BANK_FEED));

        assertFalse(paid.replayed());
        assertEquals(3, paid.lines().size());
        List<String> trips = counting.trips();
        assertEquals(List.of(
                "SELECT invoices FOR UPDATE",
                "SELECT idempotency_keys",
                "SELECT deals",
                "SELECT talents",
                "SELECT commission_plans",
                "INSERT payments + INSERT commission_lines + UPDATE invoices + UPDATE deals + INSERT idempotency_keys"
                        + " + INSERT audit_events",
                "COMMIT"), trips);
        assertTrue(trips.size() <= MARK_PAID_BUDGET, () -> trips.size() + " round trips: " + trips);
    }

    @Test
    void a_second_payment_reads_the_earlier_lines_and_stays_within_the_budget() {
        Invoice issued = FaultFixtures.issuedInvoice(office, true);
        agency.finance().recordPayment(FINANCE, RecordPayment.of(issued.id(), Money.of(FaultFixtures.DEAL_VALUE / 5, "GBP"),
                office.today(), "bank-tx-1").withIdempotencyKey("pay-1").via(PaymentSource.BANK_FEED));
        counting.reset();

        PaymentResult rest = agency.finance().markInvoicePaid(FINANCE, new MarkInvoicePaid(issued.id(),
                office.today(), "bank-tx-2", "pay-2", PaymentSource.BANK_FEED));

        assertEquals(3, rest.lines().size());
        List<String> trips = counting.trips();
        assertEquals(MARK_PAID_BUDGET, trips.size(), trips::toString);
        assertEquals("SELECT commission_lines", trips.get(5), trips::toString);
        assertEquals("COMMIT", trips.get(trips.size() - 1));
    }

    @Test
    void a_replay_reads_and_writes_nothing() {
        Invoice issued = FaultFixtures.issuedInvoice(office, true);
        MarkInvoicePaid command = new MarkInvoicePaid(issued.id(), office.today(), "bank-tx-1", "pay-1",
                PaymentSource.BANK_FEED);
        agency.finance().markInvoicePaid(FINANCE, command);
        counting.reset();

        PaymentResult again = agency.finance().markInvoicePaid(FINANCE, command);

        assertTrue(again.replayed());
        List<String> trips = counting.trips();
        assertTrue(trips.stream().noneMatch(t -> t.startsWith("INSERT") || t.startsWith("UPDATE")), trips::toString);
        assertEquals(List.of("SELECT invoices FOR UPDATE", "SELECT idempotency_keys", "SELECT payments",
                "SELECT invoices", "SELECT commission_lines", "COMMIT"), trips);
    }
}
