package com.breakagency.adapter.jdbc;

import static com.breakagency.adapter.jdbc.StepCompletions.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.core.BreakAgency;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.testkit.CapturingErrorReporter;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Two service instances' workers drain one queue: two {@link BreakAgency} instances on one PostgreSQL
 * schema, each with its own pool of four connections, its own worker id and two background worker
 * threads ({@code start()}), take 1,000 due {@code ENSURE_COMMISSIONS} steps between them. The steps are
 * real: 1,000 invoices of a talent without a managing agent were paid, so each payment queued one; then
 * the agent was assigned. A trigger records every completion in the database, with the worker that held
 * the step. What the database holds afterwards is counted on a separate connection: every step DONE
 * after one attempt, each completed exactly once, by both workers between them, and each invoice
 * allocated exactly once.
 */
@PostgresTest
class PostgresTwoWorkersTest {

    private static final int STEPS = 1_000;
    private static final int CONNECTIONS_PER_INSTANCE = 4;
    private static final int WORKER_THREADS = 2;
    private static final Duration DRAIN_DEADLINE = Duration.ofSeconds(60);
    private static final Duration CHECK_EVERY = Duration.ofMillis(100);
    private static final List<String> WORKERS = List.of("instance-1", "instance-2");

    @Test
    void two_workers_on_separate_pools_drain_a_thousand_due_steps_each_completed_once() throws Exception {
        TestDatabase db = TestDatabase.postgres(PostgresTwoWorkersTest.class);
        String schema = db.freshPersistence().schema();
        StepCompletions.record(db, schema);
        List<CapturingErrorReporter> reporters = new ArrayList<>();
        List<BreakAgency> agencies = new ArrayList<>();
        for (String worker : WORKERS) {
            JdbcPersistence persistence = JdbcPersistence.builder(db.newPool(worker, CONNECTIONS_PER_INSTANCE))
                    .schema(schema).migrateOnStart(false).build();
            CapturingErrorReporter reporter = new CapturingErrorReporter();
            reporters.add(reporter);
            agencies.add(BreakAgency.builder().persistence(persistence).errorReporter(reporter).workerId(worker)
                    .workerThreads(WORKER_THREADS).pollInterval(Duration.ofMillis(50)).build());
        }
        try {
            Talent talent = PendingCommissions.pay(agencies, STEPS, LocalDate.now(ZoneOffset.UTC));
            try (Connection separate = db.separateConnection()) {
                assertEquals(STEPS, count(separate, "SELECT COUNT(*) FROM " + schema + ".work_steps"
                        + " WHERE type = 'ENSURE_COMMISSIONS' AND status = 'PENDING'"), "one step per payment");
            }
            assertEquals(STEPS, reporters.stream().mapToLong(r -> r.reports(ErrorCode.WORKFLOW_BREAK).stream()
                    .filter(report -> Reason.COMMISSIONS_PENDING.equals(report.reason())).count()).sum());
            reporters.forEach(CapturingErrorReporter::clear);
            PendingCommissions.assignAgent(agencies.get(1), talent);

            agencies.forEach(BreakAgency::start);
            awaitDrained(db, schema);
        } finally {
            agencies.forEach(BreakAgency::close);
        }

        for (CapturingErrorReporter reporter : reporters) {
            assertEquals(List.of(), reporter.reports(), "nothing went wrong while the workers ran");
        }
        try (Connection separate = db.separateConnection()) {
            String steps = schema + ".work_steps";
            assertEquals(STEPS, count(separate, "SELECT COUNT(*) FROM " + steps));
            assertEquals(STEPS, count(separate, "SELECT COUNT(*) FROM " + steps + " WHERE status = 'DONE'"
                    + " AND attempts = 1 AND last_error IS NULL AND lease_owner IS NULL"), "every step done at its first try");
            assertEquals(STEPS, count(separate, "SELECT COUNT(*) FROM " + steps + " s JOIN " + schema + ".invoices i"
                    + " ON s.dedup_key = 'ENSURE_COMMISSIONS:' || i.id"), "one step per invoice, none lost");

            String completions = schema + "." + StepCompletions.TABLE;
            assertEquals(STEPS, count(separate, "SELECT COUNT(*) FROM " + completions));
            assertEquals(STEPS, count(separate, "SELECT COUNT(DISTINCT step_id) FROM " + completions),
                    "no step completed twice");
            Map<String, Long> byWorker = StepCompletions.byWorker(separate, schema);
            assertEquals(WORKERS, List.copyOf(byWorker.keySet()), () -> "both workers took steps: " + byWorker);
            assertTrue(byWorker.values().stream().allMatch(n -> n > 0), byWorker::toString);

            String lines = schema + ".commission_lines";
            assertEquals(STEPS * 3L, count(separate, "SELECT COUNT(*) FROM " + lines));
            assertEquals(0, count(separate, FaultFixtures.paymentsNotSplitInThree(schema)),
                    "every payment has exactly one allocation: three lines summing to it");
            assertEquals(STEPS, count(separate, "SELECT COUNT(*) FROM " + lines + " WHERE beneficiary_kind = 'AGENT'"
                    + " AND beneficiary_id = '" + PendingCommissions.AGENT_ID + "'"), "the agent assigned afterwards is paid");
            assertEquals(STEPS, count(separate, "SELECT COUNT(*) FROM " + schema + ".invoices"
                    + " WHERE status = 'PAID' AND commissions = 'ALLOCATED'"));
            assertEquals(STEPS * 3L, count(separate, "SELECT COUNT(*) FROM " + schema + ".audit_events"
                    + " WHERE action = 'COMMISSION_CREATED'"));
        }
    }

    /**
     * Waits, at most {@link #DRAIN_DEADLINE}, until no step is left that is not DONE; checks on a separate
     * connection every {@link #CHECK_EVERY}.
     */
    private static void awaitDrained(TestDatabase db, String schema) throws Exception {
        AtomicLong left = new AtomicLong(-1);
        try (Connection separate = db.separateConnection()) {
            Await.until(() -> left.get() + " steps are not done", DRAIN_DEADLINE, CHECK_EVERY, () -> {
                left.set(count(separate, "SELECT COUNT(*) FROM " + schema + ".work_steps WHERE status <> 'DONE'"));
                return left.get() == 0;
            });
        }
    }
}
