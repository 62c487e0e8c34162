package com.breakagency.adapter.jdbc;

import static com.breakagency.adapter.jdbc.FaultFixtures.FINANCE;
import static com.breakagency.adapter.jdbc.FaultFixtures.SYSTEM;
import static com.breakagency.adapter.jdbc.FaultFixtures.count;
import static com.breakagency.adapter.jdbc.FaultFixtures.counts;
import static com.breakagency.adapter.jdbc.FaultFixtures.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.breakagency.core.BreakAgency;
import com.breakagency.ports.api.finance.MarkInvoicePaid;
import com.breakagency.ports.api.finance.PaymentResult;
import com.breakagency.ports.api.finance.RecordPayment;
import com.breakagency.ports.api.recovery.JanitorReport;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.PaymentSource;
import com.breakagency.testkit.AgencyFixture;
import com.breakagency.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
 * Every fault point, not one: a data source that fails the k-th statement, and separately the j-th commit,
 * of a mark-paid, a partial payment, a pending-commission repair step run by the worker and a janitor run,
 * for every k and j the operation has (counted first on an undisturbed run). After each failure nothing is
 * half-written (every Break table read on a separate connection), and then the same call, with the same
 * idempotency key, succeeds once: the tables hold what the undisturbed run left, row for row in number.
 */
@PostgresTest
class PostgresFaultPointsTest {

    /** Longer than the lease, the backoff after one failed attempt, the janitor's grace and the key retention. */
    private static final Duration LATER = Duration.ofHours(25);

    private TestDatabase db;
    private String schema;
    private FaultyDataSource faulty;
    private TestClock clock;
    private AgencyFixture<BreakAgency> office;
    private BreakAgency agency;
    private final Map<String, Level> levels = new TreeMap<>();

    @BeforeEach
    void start() {
        db = TestDatabase.postgres(PostgresFaultPointsTest.class);
        schema = db.freshPersistence().schema();
        faulty = new FaultyDataSource(db.newPool("faulty", 2));
        clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        office = JdbcAgencies.on(JdbcPersistence.builder(faulty).schema(schema).dialect(Dialect.POSTGRESQL)
                .migrateOnStart(false).build(), builder -> builder.clock(clock));
        agency = office.agency();
        // hundreds of injected failures would write hundreds of ERROR lines
        for (String name : List.of("com.breakagency", BreakAgency.BOUNDARY_LOGGER_NAME, BreakAgency.RECOVERY_LOGGER_NAME)) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            levels.put(name, logger.getLevel());
            logger.setLevel(Level.OFF);
        }
    }

    @AfterEach
    void stop() {
        levels.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(level));
        office.close();
    }

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void every_statement_and_commit_of_four_operations_fails_without_a_half_write_and_the_retry_succeeds_once()
            throws Exception {
        int tried = 0;
        int expected = 0;
        int[] counted;

        counted = everyFaultPoint("mark-paid", true, () -> {
            Invoice issued = FaultFixtures.issuedInvoice(office, true);
            MarkInvoicePaid command = new MarkInvoicePaid(issued.id(), LocalDate.now(clock), "bank-tx-1", "pay-1",
                    PaymentSource.BANK_FEED);
            return () -> {
                PaymentResult result = agency.finance().markInvoicePaid(FINANCE, command);
                assertFalse(result.replayed());
                assertEquals(3, result.lines().size());
            };
        });
        tried += counted[2];
        expected += counted[0] + counted[1];

        counted = everyFaultPoint("partial payment", true, () -> {
            Invoice issued = FaultFixtures.issuedInvoice(office, true);
            RecordPayment command = RecordPayment.of(issued.id(), Money.of(FaultFixtures.DEAL_VALUE / 5, "GBP"), LocalDate.now(clock), "bank-tx-2").withIdempotencyKey("pay-2").via(PaymentSource.BANK_FEED);
            return () -> {
                PaymentResult result = agency.finance().recordPayment(FINANCE, command);
                assertFalse(result.replayed());
                assertEquals(FaultFixtures.DEAL_VALUE / 5, result.invoice().paid().minorUnits());
            };
        });
        tried += counted[2];
        expected += counted[0] + counted[1];

        counted = everyFaultPoint("pending-commission repair step", false, () -> {
            Invoice issued = FaultFixtures.issuedInvoice(office, false);
            agency.finance().markInvoicePaid(FINANCE, new MarkInvoicePaid(issued.id(), LocalDate.now(clock),
                    "bank-tx-3", "pay-3", PaymentSource.BANK_FEED));
            office.assignAgent(agency.crm().getTalent(FINANCE, issued.talentId()), AgencyFixture.MANAGING_AGENT);
            assertEquals(1, count(db, "SELECT COUNT(*) FROM " + schema + ".work_steps WHERE status = 'PENDING'"
                    + " AND type = 'ENSURE_COMMISSIONS'"));
            return () -> agency.runDueSteps();
        });
        tried += counted[2];
        expected += counted[0] + counted[1];

        counted = everyFaultPoint("janitor run", true, () -> {
            Invoice issued = FaultFixtures.issuedInvoice(office, false);
            agency.finance().markInvoicePaid(FINANCE, new MarkInvoicePaid(issued.id(), LocalDate.now(clock),
                    "bank-tx-4", "pay-4", PaymentSource.BANK_FEED));
            // the repair step is lost, and the payment and its key are older than the grace and the retention
            db.execute("DELETE FROM " + schema + ".work_steps");
            clock.advance(LATER);
            return () -> {
                JanitorReport report = agency.recovery().runJanitor(SYSTEM);
                assertEquals(1, report.findings().size(), report::toString);
            };
        });
        tried += counted[2];
        expected += counted[0] + counted[1];

        System.out.println("fault points tried: " + tried + " (statements and commits counted: " + expected + ")");
        assertEquals(expected, tried);
        assertTrue(tried > 4, "every operation ran statements and committed");
    }

    /**
     * Counts an operation's statements and commits on an undisturbed run, then fails each in turn on a
     * fresh fixture.
     *
     * @param atomic whether the operation is one unit of work (the worker's run is several: claim, work,
     *               completion)
     * @return statements counted, commits counted, fault points tried
     */
    private int[] everyFaultPoint(String name, boolean atomic, FaultPoints.Fixture fixture) throws Exception {
        FaultPoints.Counted counted = FaultPoints.tryEach(name, db, schema, faulty, fixture, point -> {
            if (atomic) {
                FaultPoints.failedWritingNothing(db, schema, point);
            } else {
                // each unit of work of the run is whole or absent: its tables are as before, or as done
                Map<String, List<String>> beforeData = withoutSteps(point.before());
                Map<String, List<String>> afterData = withoutSteps(snapshot(db, schema));
                assertTrue(afterData.equals(beforeData) || counts(afterData).equals(counts(withoutSteps(point.done()))),
                        () -> point.name() + ": half-written: " + counts(afterData) + " vs before " + counts(beforeData));
                long lines = count(db, "SELECT COUNT(*) FROM " + schema + ".commission_lines");
                long allocated = count(db, "SELECT COUNT(*) FROM " + schema + ".invoices WHERE commissions = 'ALLOCATED'");
                assertEquals(lines > 0, allocated == 1, point.name() + ": lines and the invoice agree");
                assertEquals(0, count(db, "SELECT COUNT(*) FROM " + schema + ".work_steps WHERE status = 'DEAD'"),
                        point.name());
            }

            clock.advance(LATER);
            if (atomic) {
                point.operation().run();
            } else {
                agency.runDueSteps();
            }
            FaultPoints.didTheWorkOnce(db, schema, point);
            if (!atomic) {
                assertEquals(1, count(db, "SELECT COUNT(*) FROM " + schema + ".work_steps WHERE status = 'DONE'"),
                        point.name() + ": the step is done");
            }
        });
        return new int[] {counted.statements(), counted.commits(), counted.tried()};
    }

    private static Map<String, List<String>> withoutSteps(Map<String, List<String>> snapshot) {
        Map<String, List<String>> out = new TreeMap<>(snapshot);
        out.remove("work_steps");
        return out;
    }
}
