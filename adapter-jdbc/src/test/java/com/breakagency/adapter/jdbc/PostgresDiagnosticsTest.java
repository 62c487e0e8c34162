package com.breakagency.adapter.jdbc;

import static com.breakagency.adapter.jdbc.StepCompletions.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.core.BreakAgency;
import com.breakagency.ports.api.diagnostics.Health;
import com.breakagency.ports.api.diagnostics.HealthStatus;
import com.breakagency.ports.api.diagnostics.WorkflowHealth;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.model.work.StepStatus;
import com.breakagency.ports.model.work.WorkStep;
import com.breakagency.testkit.CapturingErrorReporter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Diagnostics on PostgreSQL report what the database holds: every figure is compared with a SQL count on
 * a separate connection, and no email address or secret from a step's error reaches the answer.
 */
@PostgresTest
class PostgresDiagnosticsTest {

    private static final OperationContext ADMIN = OperationContext.of(Actor.staff("admin-1", Role.ADMIN));

    @Test
    void diagnostics_figures_match_sql_counts_and_show_no_secret() throws Exception {
        TestDatabase db = TestDatabase.postgres(PostgresDiagnosticsTest.class);
        JdbcPersistence persistence = db.freshPersistence();
        String s = persistence.schema();
        try (BreakAgency agency = BreakAgency.builder().persistence(persistence)
                .errorReporter(new CapturingErrorReporter()).build()) {
            // six paid invoices whose commissions wait for a managing agent: six PENDING repair steps
            PendingCommissions.pay(List.of(agency), 6, LocalDate.now(ZoneOffset.UTC));
            Instant now = Instant.now();
            List<WorkStep> claimed = persistence.workQueue().claimDue("worker-x", now, Duration.ofMinutes(5), 3);
            assertEquals(3, claimed.size());
            // two die with an error that quotes an address and a token; one is completed without its effect,
            // which leaves its invoice's payment without lines and without an active step
            for (WorkStep step : claimed.subList(0, 2)) {
                assertTrue(persistence.workQueue().fail(step.id(), "worker-x", step.version(),
                        "boom for jane@brand.com refresh_token=abc123secret", now, true));
            }
            WorkStep done = claimed.get(2);
            assertTrue(persistence.workQueue().complete(done.id(), "worker-x", done.version()));

            Health health = agency.diagnostics().health(ADMIN);
            WorkflowHealth workflow = health.workflow();

            try (Connection sql = db.separateConnection()) {
                assertEquals(depth(sql, s), workflow.queueDepth());
                assertEquals(count(sql, "SELECT COUNT(*) FROM " + s + ".work_steps WHERE status = 'DEAD'"),
                        workflow.deadSteps());
                String bare = " FROM " + s + ".payments p WHERE NOT EXISTS (SELECT 1 FROM " + s
                        + ".commission_lines c WHERE c.payment_id = p.id)";
                assertEquals(count(sql, "SELECT COUNT(DISTINCT p.invoice_id)" + bare), workflow.paidWithoutCommissions());
                assertEquals(count(sql, "SELECT COUNT(DISTINCT p.invoice_id)" + bare + " AND NOT EXISTS (SELECT 1 FROM " + s
                                + ".work_steps w WHERE w.dedup_key = 'ENSURE_COMMISSIONS:' || p.invoice_id"
                                + " AND w.status IN ('PENDING', 'RUNNING', 'DEAD'))"),
                        workflow.paidWithoutCommissionsOrStep());
            }
            assertEquals(6, workflow.paidWithoutCommissions());
            assertEquals(1, workflow.paidWithoutCommissionsOrStep());
            assertEquals(2, workflow.deadSteps());
            assertEquals(HealthStatus.DOWN, health.status(), health.reasons().toString());
            String shown = health.toString();
            assertFalse(shown.contains("jane@brand.com"), shown);
            assertFalse(shown.contains("abc123secret"), shown);
            assertTrue(workflow.deadStepSamples().stream().allMatch(d -> d.lastError().contains("[email]")),
                    workflow.deadStepSamples().toString());
        }
    }

    private static Map<String, Map<StepStatus, Long>> depth(Connection sql, String schema) throws Exception {
        Map<String, Map<StepStatus, Long>> depth = new TreeMap<>();
        try (PreparedStatement statement = sql.prepareStatement(
                "SELECT type, status, COUNT(*) FROM " + schema + ".work_steps GROUP BY type, status");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                depth.computeIfAbsent(rows.getString(1), t -> new TreeMap<>())
                        .put(StepStatus.valueOf(rows.getString(2)), rows.getLong(3));
            }
        }
        return depth;
    }
}
