package com.breakagency.adapter.jdbc;

import static com.breakagency.adapter.jdbc.StepCompletions.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.breakagency.core.BreakAgency;
import com.breakagency.core.StepsRun;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.testkit.CapturingErrorReporter;
import com.breakagency.testkit.TestClock;
import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A service instance killed with SIGKILL while its worker holds claimed steps, and a second instance that
 * takes them over. The test starts {@link DoomedWorker} as a separate JVM on the test classpath, against
 * the same PostgreSQL schema: it claims 12 of 20 due {@code ENSURE_COMMISSIONS} steps with a two-second
 * lease as worker {@code doomed}, begins the first (an open unit of work holding the invoice's row lock and
 * uncommitted commission lines), and says so. The test kills it with {@link Process#destroyForcibly()}
 * (SIGKILL on Linux), waits for PostgreSQL to close the dead process's connections, then drives the surviving
 * agency's worker with {@code runDueSteps()} on a {@link TestClock}: before the lease ends it takes only the
 * eight steps nobody held; at the instant the lease ends it takes over the twelve. A trigger records every
 * completion in the database. Afterwards, counted on a separate connection: every step completed exactly
 * once, by the survivor; the dead worker's attempt counted; the half-written work of the dead process gone;
 * one allocation per invoice.
 */
@PostgresTest
class PostgresKilledWorkerTest {

    private static final int STEPS = 20;
    private static final int DOOMED_CLAIMS = 12;
    private static final Duration LEASE = Duration.ofSeconds(2);
    private static final String DOOMED = "doomed";
    private static final String SURVIVOR = "survivor";
    private static final long START_SECONDS = 60;
    private static final Duration CONNECTIONS_CLOSED_DEADLINE = Duration.ofSeconds(30);

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void steps_a_killed_process_held_are_taken_over_after_the_lease_and_completed_exactly_once() throws Exception {
        TestDatabase db = TestDatabase.postgres(PostgresKilledWorkerTest.class);
        String schema = db.freshPersistence().schema();
        StepCompletions.record(db, schema);
        Instant start = Instant.now().truncatedTo(ChronoUnit.MICROS);
        TestClock clock = new TestClock(start, ZoneOffset.UTC);
        CapturingErrorReporter reporter = new CapturingErrorReporter();
        JdbcPersistence persistence = JdbcPersistence.builder(db.newPool(SURVIVOR, 4)).schema(schema)
                .migrateOnStart(false).build();
        String applicationName = "break-doomed-" + UUID.randomUUID().toString().substring(0, 8);
        Process doomed = null;
        try (BreakAgency survivor = BreakAgency.builder().persistence(persistence).errorReporter(reporter).clock(clock)
                .workerId(SURVIVOR).build();
             Connection separate = db.separateConnection()) {
            Talent talent = PendingCommissions.pay(List.of(survivor), STEPS, LocalDate.ofInstant(start, ZoneOffset.UTC));
            PendingCommissions.assignAgent(survivor, talent);
            reporter.clear();
            String steps = schema + ".work_steps";
            assertEquals(STEPS, count(separate, "SELECT COUNT(*) FROM " + steps + " WHERE status = 'PENDING'"));

            List<String> output = Collections.synchronizedList(new ArrayList<>());
            doomed = startDoomedWorker(db, schema, applicationName, start);
            int claimed = awaitClaims(doomed, output);
            assertEquals(DOOMED_CLAIMS, claimed, () -> String.join("\n", output));
            assertEquals(DOOMED_CLAIMS, count(separate, "SELECT COUNT(*) FROM " + steps + " WHERE status = 'RUNNING'"
                    + " AND lease_owner = '" + DOOMED + "' AND attempts = 1"), "the claims are committed");
            assertEquals(1, count(separate, "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = '"
                    + applicationName + "' AND state = 'idle in transaction'"), "the first step is under way");
            assertEquals(0, count(separate, "SELECT COUNT(*) FROM " + schema + ".commission_lines"),
                    "its lines are not committed");

            doomed.destroyForcibly();
            assertTrue(doomed.waitFor(30, TimeUnit.SECONDS), "the killed process ended");
            assertFalse(doomed.isAlive());
            assertEquals(128 + 9, doomed.exitValue(), "ended by SIGKILL");
            Await.until(() -> "PostgreSQL still holds connections of the killed process", CONNECTIONS_CLOSED_DEADLINE,
                    Duration.ofMillis(50), () -> count(separate, "SELECT COUNT(*) FROM pg_stat_activity"
                            + " WHERE application_name = '" + applicationName + "'") == 0);

            StepsRun beforeTheLeaseEnds = survivor.runDueSteps();
            assertEquals(STEPS - DOOMED_CLAIMS, beforeTheLeaseEnds.completed(), beforeTheLeaseEnds::toString);
            assertEquals(DOOMED_CLAIMS, count(separate, "SELECT COUNT(*) FROM " + steps + " WHERE status = 'RUNNING'"
                    + " AND lease_owner = '" + DOOMED + "'"), "a live lease is left alone, whoever holds it");
            clock.advance(LEASE.minus(Duration.of(1, ChronoUnit.MICROS)));
            assertEquals(0, survivor.runDueSteps().completed(), "a microsecond before the lease ends");

            clock.advance(Duration.of(1, ChronoUnit.MICROS));
            StepsRun atTheLeaseEnd = survivor.runDueSteps();
            assertEquals(DOOMED_CLAIMS, atTheLeaseEnd.completed(), atTheLeaseEnd::toString);
            assertEquals(0, survivor.runDueSteps().completed(), "nothing left");

            assertEquals(List.of(), reporter.reports(), "nothing went wrong");
            assertEquals(STEPS, count(separate, "SELECT COUNT(*) FROM " + steps + " WHERE status = 'DONE'"
                    + " AND lease_owner IS NULL AND last_error IS NULL"));
            assertEquals(DOOMED_CLAIMS, count(separate, "SELECT COUNT(*) FROM " + steps + " WHERE attempts = 2"),
                    "the dead worker's attempt counts");
            assertEquals(STEPS - DOOMED_CLAIMS, count(separate, "SELECT COUNT(*) FROM " + steps + " WHERE attempts = 1"));

            String completions = schema + "." + StepCompletions.TABLE;
            assertEquals(STEPS, count(separate, "SELECT COUNT(DISTINCT step_id) FROM " + completions));
            assertEquals(Map.of(SURVIVOR, (long) STEPS), StepCompletions.byWorker(separate, schema),
                    "each step completed once, all by the survivor");
            assertEquals(DOOMED_CLAIMS, count(separate, "SELECT COUNT(*) FROM " + completions + " WHERE attempts = 2"));

            String lines = schema + ".commission_lines";
            assertEquals(STEPS * 3L, count(separate, "SELECT COUNT(*) FROM " + lines));
            assertEquals(0, count(separate, FaultFixtures.paymentsNotSplitInThree(schema)),
                    "every payment has exactly one allocation");
            assertEquals(STEPS, count(separate, "SELECT COUNT(*) FROM " + schema + ".invoices"
                    + " WHERE status = 'PAID' AND commissions = 'ALLOCATED'"));
            assertEquals(STEPS * 3L, count(separate, "SELECT COUNT(*) FROM " + schema + ".audit_events"
                    + " WHERE action = 'COMMISSION_CREATED'"));
        } finally {
            if (doomed != null && doomed.isAlive()) {
                doomed.destroyForcibly();
                doomed.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Starts {@link DoomedWorker} in a JVM of its own, on this JVM's classpath, claiming at {@code at}. */
    private static Process startDoomedWorker(TestDatabase db, String schema, String applicationName, Instant at)
            throws IOException {
        String url = ((HikariDataSource) db.dataSource()).getJdbcUrl();
        String doomedUrl = url + (url.contains("?") ? "&" : "?") + "ApplicationName=" + applicationName;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), DoomedWorker.class.getName(), doomedUrl, schema, DOOMED,
                at.toString(), LEASE.toString(), Integer.toString(DOOMED_CLAIMS));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /**
     * Reads the process's output on a thread of its own until it says how many steps it claimed; waits at
     * most {@link #START_SECONDS}.
     */
    private static int awaitClaims(Process process, List<String> output) throws InterruptedException {
        CompletableFuture<Integer> claimed = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.add(line);
                    if (line.startsWith(DoomedWorker.CLAIMED)) {
                        claimed.complete(Integer.parseInt(line.substring(DoomedWorker.CLAIMED.length()).strip()));
                    }
                }
                claimed.completeExceptionally(new IllegalStateException("the process ended without claiming"));
            } catch (IOException | RuntimeException e) {
                claimed.completeExceptionally(e);
            }
        }, "doomed-worker-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return claimed.get(START_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return fail("the doomed worker failed:\n" + String.join("\n", output), e.getCause());
        } catch (TimeoutException e) {
            return fail("the doomed worker said nothing in " + START_SECONDS + " s:\n" + String.join("\n", output));
        }
    }
}
