package com.breakagency.adapter.jdbc;

import static com.breakagency.adapter.jdbc.FaultFixtures.FINANCE;
import static com.breakagency.adapter.jdbc.FaultFixtures.SYSTEM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.core.BreakAgency;
import com.breakagency.ports.api.finance.MarkInvoicePaid;
import com.breakagency.ports.api.recovery.StepQuery;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.PaymentSource;
import com.breakagency.ports.model.work.WorkStep;
import com.breakagency.ports.spi.ErrorReport;
import com.breakagency.testkit.AgencyFixture;
import com.breakagency.testkit.CapturingErrorReporter;
import com.breakagency.testkit.LogCapture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A lost connection during the commission lines' batch insert, failed the way pgjdbc fails it: a
 * {@code BatchUpdateException} whose message quotes the statement with every bound value. Nothing of it
 * leaves Break: not the boundary's ERROR line, the error report, the exception's message, the stored step
 * error, the step list or the health report.
 */
@PostgresTest
class PostgresDriverMessagesTest {

    private static final String LINES_INSERT = "INSERT INTO";

    @Test
    void a_lost_connection_during_the_batch_insert_of_a_mark_paid_reports_no_sql_and_no_value() throws Exception {
        TestDatabase db = TestDatabase.postgres(PostgresDriverMessagesTest.class);
        String schema = db.freshPersistence().schema();
        FaultyDataSource faulty = new FaultyDataSource(db.newPool("driver-messages", 2));
        try (AgencyFixture<BreakAgency> office = office(faulty, schema)) {
            BreakAgency agency = office.agency();
            CapturingErrorReporter reporter = office.reports();
            Invoice issued = FaultFixtures.issuedInvoice(office, true);
            MarkInvoicePaid command = new MarkInvoicePaid(issued.id(), office.today(), "bank-tx-1",
                    "pay-1", PaymentSource.BANK_FEED);

            faulty.failStatementMatching(sql -> sql.startsWith(LINES_INSERT) && sql.contains("commission_lines"));
            BreakException e;
            List<String> channels = new ArrayList<>();
            try (LogCapture logs = LogCapture.of("com.breakagency")) {
                e = assertThrows(BreakException.class, () -> agency.finance().markInvoicePaid(FINANCE, command));
                assertEquals(1, logs.events("ERROR").size(), "the boundary's ERROR line");
                channels.add(logs.allText());
            }

            assertTrue(faulty.fired(), "the batch insert failed");
            assertEquals(ErrorCode.PERSISTENCE_UNAVAILABLE, e.code());
            assertEquals(SqlFailures.DATABASE_UNREACHABLE, e.reason());
            assertEquals(1, reporter.reports().size());
            channels.addAll(everything(e));
            reporter.reports().forEach(report -> channels.addAll(everything(report)));
            assertNothingLeaks(channels, faulty.failedValues(), Set.of(issued.id(), issued.dealId(), issued.brandId(),
                    issued.talentId(), AgencyFixture.MANAGING_AGENT));
        }
    }

    @Test
    void a_lost_connection_during_the_batch_insert_of_a_repair_step_stores_and_shows_no_sql_and_no_value()
            throws Exception {
        TestDatabase db = TestDatabase.postgres(PostgresDriverMessagesTest.class);
        String schema = db.freshPersistence().schema();
        FaultyDataSource faulty = new FaultyDataSource(db.newPool("driver-messages-step", 2));
        try (AgencyFixture<BreakAgency> office = office(faulty, schema)) {
            BreakAgency agency = office.agency();
            CapturingErrorReporter reporter = office.reports();
            Invoice issued = FaultFixtures.issuedInvoice(office, false);
            agency.finance().markInvoicePaid(FINANCE, new MarkInvoicePaid(issued.id(), office.today(),
                    "bank-tx-1", "pay-1", PaymentSource.BANK_FEED));
            office.assignAgent(agency.crm().getTalent(FINANCE, issued.talentId()), AgencyFixture.MANAGING_AGENT);
            reporter.clear();

            faulty.failStatementMatching(sql -> sql.startsWith(LINES_INSERT) && sql.contains("commission_lines"));
            List<String> channels = new ArrayList<>();
            try (LogCapture logs = LogCapture.of("com.breakagency")) {
                assertEquals(1, agency.runDueSteps().failed(), "the step's attempt failed");
                channels.add(logs.allText());
            }
            assertTrue(faulty.fired(), "the batch insert failed");
            List<String> bound = faulty.failedValues();
            faulty.reset();

            List<String> stored = db.strings("SELECT last_error FROM " + schema + ".work_steps");
            assertEquals(1, stored.size());
            assertTrue(stored.get(0).startsWith("PERSISTENCE_UNAVAILABLE/DATABASE_UNREACHABLE"), stored.get(0));
            assertTrue(stored.get(0).contains("SQLState 08006"), stored.get(0));
            channels.addAll(stored);
            for (WorkStep step : agency.recovery().listSteps(SYSTEM, StepQuery.first(10)).items()) {
                channels.add(step.toString());
            }
            channels.add(agency.diagnostics().health(SYSTEM).toString());
            reporter.reports().forEach(report -> channels.addAll(everything(report)));
            assertNothingLeaks(channels, bound, Set.of(issued.id(), issued.dealId(), issued.brandId(),
                    issued.talentId(), AgencyFixture.MANAGING_AGENT));
        }
    }

    private static AgencyFixture<BreakAgency> office(FaultyDataSource faulty, String schema) {
        return JdbcAgencies.on(JdbcPersistence.builder(faulty).schema(schema).dialect(Dialect.POSTGRESQL)
                .migrateOnStart(false).build());
    }

    /** An exception's message, its text and its stack trace as printed, causes and all. */
    private static List<String> everything(Throwable e) {
        StringWriter printed = new StringWriter();
        e.printStackTrace(new PrintWriter(printed));
        return List.of(e.getMessage(), e.toString(), printed.toString());
    }

    private static List<String> everything(ErrorReport report) {
        List<String> out = new ArrayList<>(List.of(report.toString(), report.detail(), report.metadata().toString()));
        report.failure().ifPresent(failure -> out.addAll(everything(failure)));
        return out;
    }

    /**
     * No channel holds SQL, a table name or a bound value. The ids the caller itself sent or was given
     * (the invoice, its deal, brand, talent and agent) may appear; enum names and short values are too
     * common to look for.
     */
    private static void assertNothingLeaks(List<String> channels, List<String> bound, Set<String> known) {
        List<String> values = bound.stream().filter(v -> v.length() >= 6 && !known.contains(v)
                && !v.matches("[A-Z_]+")).distinct().toList();
        assertTrue(values.size() >= 5, () -> "the failed statements bound values to look for: " + bound);
        for (String text : channels) {
            String upper = text.toUpperCase(Locale.ROOT);
            for (String sql : List.of("INSERT INTO", "VALUES", "COMMISSION_LINES", "BATCH ENTRY")) {
                assertFalse(upper.contains(sql), () -> "'" + sql + "' leaked in: " + text);
            }
            for (String value : values) {
                assertFalse(text.contains(value), () -> "the bound value '" + value + "' leaked in: " + text);
            }
        }
    }
}
