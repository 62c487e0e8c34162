package com.breakagency.core.recovery;

import com.breakagency.ports.model.Money;
import com.breakagency.testkit.AgencyFixture;
import com.breakagency.core.TestAgencies;
import com.breakagency.core.BreakAgency;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.work.StepStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code start()} runs queued steps and the janitor on threads the agency owns; {@code close()} stops
 * them promptly and leaves none behind.
 */
class BackgroundWorkTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final AtomicInteger SEQ = new AtomicInteger();

    private static List<Thread> threadsOf(String workerId) {
        String prefix = BackgroundWork.THREAD_PREFIX + workerId + "-";
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix))
                .filter(Thread::isAlive).toList();
    }

    @Test
    void after_start_a_due_step_is_done_without_anyone_calling_run_due_steps_and_close_stops_every_thread() {
        String workerId = "background-" + SEQ.incrementAndGet();
        AgencyFixture<BreakAgency> office = TestAgencies.inMemory(b -> b.workerId(workerId).workerThreads(2).pollInterval(Duration.ofMillis(20)));
        try {
            Talent talent = office.aTalentManagedBy(null);
            Invoice invoice = office.anIssuedInvoice(talent, Money.of(50_000, "GBP"));
            office.payInFull(invoice);
            office.assignAgent(talent, "agent-late");
            assertEquals(StepStatus.PENDING, office.commissionStepOf(invoice.id()).orElseThrow().status());
            assertEquals(List.of(), threadsOf(workerId), "nothing runs before start()");

            office.agency().start();
            office.agency().start();

            assertTrue(eventually(WAIT, () -> office.commissionStepOf(invoice.id()).orElseThrow().status() == StepStatus.DONE),
                    "the worker completed the step");
            assertEquals(50_000, office.commissionLinesTotal(invoice.id()));
            assertTrue(eventually(WAIT, () -> !office.auditEvents(AuditAction.JANITOR_RAN).isEmpty()),
                    "the janitor ran once at start");
            List<Thread> running = threadsOf(workerId);
            assertTrue(!running.isEmpty() && running.size() <= 3, "two workers and the janitor at most: " + running);
            assertTrue(running.stream().noneMatch(Thread::isDaemon), "the agency's threads, stopped by close()");
        } finally {
            long started = System.nanoTime();
            office.close();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "close() returns promptly: " + took);
        }
        assertEquals(List.of(), threadsOf(workerId), "no worker thread remains after close()");
        office.close();
    }

    @Test
    void after_close_the_agency_starts_nothing_and_runs_nothing() {
        String workerId = "closed-" + SEQ.incrementAndGet();
        AgencyFixture<BreakAgency> office = TestAgencies.inMemory(b -> b.workerId(workerId));
        office.close();

        assertThrows(IllegalStateException.class, office.agency()::start);
        assertThrows(IllegalStateException.class, office.agency()::runDueSteps);
        assertThrows(IllegalStateException.class, office.agency()::runJanitor);
        assertEquals(List.of(), threadsOf(workerId));
    }

    @Test
    void closing_an_agency_that_was_never_started_is_quick_and_leaves_no_thread() {
        String workerId = "never-started-" + SEQ.incrementAndGet();
        AgencyFixture<BreakAgency> office = TestAgencies.inMemory(b -> b.workerId(workerId));
        office.agency().runDueSteps();
        office.agency().runJanitor();
        office.close();
        assertEquals(List.of(), threadsOf(workerId));
    }

    @Test
    void the_builder_refuses_worker_settings_outside_their_ranges() {
        com.breakagency.testkit.InMemoryPersistence memory = com.breakagency.testkit.InMemoryPersistence.create();
        List<java.util.function.UnaryOperator<com.breakagency.core.BreakAgencyBuilder>> bad = List.of(
                b -> b.workerThreads(0), b -> b.workerThreads(65), b -> b.pollInterval(Duration.ofMillis(1)),
                b -> b.lease(Duration.ofMillis(999)), b -> b.janitorInterval(Duration.ZERO),
                b -> b.janitorGracePeriod(Duration.ofSeconds(-1)), b -> b.shutdownTimeout(Duration.ofSeconds(-1)),
                b -> b.workerId("host name.example.com"), b -> b.workerId(""));
        for (java.util.function.UnaryOperator<com.breakagency.core.BreakAgencyBuilder> option : bad) {
            assertThrows(IllegalStateException.class,
                    () -> option.apply(com.breakagency.core.BreakAgency.builder().persistence(memory)).build());
        }
    }

    /** Waits for a condition that other threads make true, checking every few milliseconds; whether it came true in time. */
    private static boolean eventually(Duration timeout, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
        return true;
    }
}
