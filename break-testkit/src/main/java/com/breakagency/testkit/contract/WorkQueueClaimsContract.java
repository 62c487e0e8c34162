package com.breakagency.testkit.contract;

import static com.breakagency.testkit.Fixtures.NOW;
import static com.breakagency.testkit.Fixtures.anId;
import static com.breakagency.testkit.contract.ContractSupport.runAndRollBack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.breakagency.ports.model.work.StepStatus;
import com.breakagency.ports.model.work.WorkStep;
import com.breakagency.ports.spi.Persistence;
import com.breakagency.ports.spi.WorkQueue;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The worker side of the {@link WorkQueue} port: claims under a lease, completions and failures that
 * only the holder of a claim can write, an administrator's retry, and the figures diagnostics reads
 * (depth per type and status, the oldest due step). An adapter's test extends this class and returns a
 * fresh bundle from {@link #persistence()}.
 *
 * <p>What an adapter must do beyond keeping each field exactly (instants to at least the microsecond):
 * <ul>
 *   <li>claim a step for one worker at a time, however many claim at once: on PostgreSQL
 *       {@code SELECT ... FOR UPDATE SKIP LOCKED} and an update that checks the version;</li>
 *   <li>treat a RUNNING step whose lease has ended as due (its worker died), with the lease ending
 *       exactly at {@code now + lease}: claimable at that instant, not a microsecond before;</li>
 *   <li>write a completion or a failure only when the worker id and the version both match the
 *       stored step, and answer {@code false} (never an exception) otherwise;</li>
 *   <li>take part in the caller's unit of work, so a rolled-back claim, completion, failure or retry
 *       leaves the step as it was.</li>
 * </ul>
 *
 * <p>{@code claimDue}, {@code counts} and {@code oldestDue} look at the whole queue, so these tests rely on
 * the factory's promise of an empty queue for each test (a relational adapter's subclass empties the
 * table). Times are fixed instants around {@link com.breakagency.testkit.Fixtures#NOW}.
 */
public abstract class WorkQueueClaimsContract {

    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Instant LATER = NOW.plus(1, ChronoUnit.HOURS);
    private static final String TYPE = "ENSURE_COMMISSIONS";
    private static final String OTHER_TYPE = "SYNC_MAILBOX";
    private static final int RACE_STEPS = 200;
    private static final int RACE_THREADS = 4;
    private static final long WAIT_SECONDS = 30;

    private final boolean claimsSkipLockedSteps;
    private Persistence persistence;
    private WorkQueue queue;

    /** A contract for a queue whose claims may wait for steps another open claim holds. */
    protected WorkQueueClaimsContract() {
        this(false);
    }

    /**
     * A contract for a queue with the capabilities given.
     *
     * @param claimsSkipLockedSteps whether a claim passes over the steps another worker's open unit of work
     *                              has claimed, instead of waiting for it to end (PostgreSQL's
     *                              {@code FOR UPDATE SKIP LOCKED}); a queue that says so is tested for it
     */
    protected WorkQueueClaimsContract(boolean claimsSkipLockedSteps) {
        this.claimsSkipLockedSteps = claimsSkipLockedSteps;
    }

    /**
     * The bundle under test. Called once before each test; must return a fresh bundle whose work queue
     * is empty and whose stores share its {@link Persistence#transactions()}.
     *
     * @return the bundle
     */
    protected abstract Persistence persistence();

    /**
     * A second instance of the service on the same stores, with connections of its own. Defaults to the
     * bundle itself, for a queue that keeps its steps in the process.
     *
     * @param first the bundle of this test
     * @return a bundle on the same stores
     */
    protected Persistence anotherInstance(Persistence first) {
        return first;
    }

    @BeforeEach
    @BeforeProperty
    void openStores() {
        persistence = persistence();
        queue = persistence.workQueue();
    }

    // ---- claiming ----------------------------------------------------------------------------------

    @Test
    void a_claim_skips_the_steps_another_workers_open_claim_holds_instead_of_waiting_for_them() throws Exception {
        Assumptions.assumeTrue(claimsSkipLockedSteps, "this queue's claims do not skip locked steps");
        WorkQueue other = anotherInstance(persistence).workQueue();
        for (int i = 0; i < 4; i++) {
            queued(TYPE, NOW.minusSeconds(10 - i));
        }
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<List<WorkStep>> holder = threads.submit(() -> persistence.transactions().inTransaction(() -> {
                List<WorkStep> mine = queue.claimDue("worker-a", NOW, LEASE, 2);
                held.countDown();
                assertTrue(awaitQuietly(release));
                return mine;
            }));
            assertTrue(held.await(WAIT_SECONDS, TimeUnit.SECONDS));

            List<WorkStep> otherClaimed = threads.submit(() -> other.claimDue("worker-b", NOW, LEASE, 10))
                    .get(WAIT_SECONDS, TimeUnit.SECONDS);
            release.countDown();
            List<WorkStep> holderClaimed = holder.get(WAIT_SECONDS, TimeUnit.SECONDS);

            assertEquals(2, holderClaimed.size());
            assertEquals(2, otherClaimed.size(), "the two steps nobody held, without waiting for worker-a's commit");
            Set<String> all = new HashSet<>();
            holderClaimed.forEach(s -> all.add(s.id()));
            otherClaimed.forEach(s -> all.add(s.id()));
            assertEquals(4, all.size());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void a_claim_takes_due_pending_steps_and_makes_them_running_under_the_workers_lease() {
        WorkStep step = queued(TYPE, NOW.minus(1, ChronoUnit.MINUTES));

        List<WorkStep> claimed = queue.claimDue("worker-a", NOW, LEASE, 10);

        assertEquals(1, claimed.size());
        WorkStep running = claimed.get(0);
        assertEquals(step.id(), running.id());
        assertEquals(StepStatus.RUNNING, running.status());
        assertEquals(Optional.of("worker-a"), running.leaseOwner());
        assertEquals(Optional.of(NOW.plus(LEASE)), running.leaseExpiresAt());
        assertEquals(step.attempts() + 1, running.attempts());
        assertTrue(running.version() > step.version(), "the version goes up");
        assertEquals(step.payload(), running.payload());
        assertEquals(step.dedupKey(), running.dedupKey());
        assertEquals(Optional.of(running), queue.findById(step.id()), "returned as stored");
    }

    @Test
    void a_step_due_exactly_now_is_claimed_and_one_due_a_microsecond_later_is_not() {
        WorkStep dueNow = queued(TYPE, NOW);
        WorkStep notYet = queued(TYPE, NOW.plus(1, ChronoUnit.MICROS));

        assertEquals(List.of(dueNow.id()), ids(queue.claimDue("worker-a", NOW, LEASE, 10)));
        assertEquals(StepStatus.PENDING, queue.findById(notYet.id()).orElseThrow().status());
        assertEquals(List.of(notYet.id()), ids(queue.claimDue("worker-a", NOW.plus(1, ChronoUnit.MICROS), LEASE, 10)));
    }

    @Test
    void done_and_dead_steps_and_steps_under_a_live_lease_are_never_claimed() {
        WorkStep done = queued(TYPE, NOW.minus(3, ChronoUnit.MINUTES));
        WorkStep doneClaim = claimOne("worker-a", NOW.minus(3, ChronoUnit.MINUTES));
        assertTrue(queue.complete(done.id(), "worker-a", doneClaim.version()));
        WorkStep dead = queued(TYPE, NOW.minus(2, ChronoUnit.MINUTES));
        WorkStep deadClaim = claimOne("worker-a", NOW.minus(2, ChronoUnit.MINUTES));
        assertTrue(queue.fail(dead.id(), "worker-a", deadClaim.version(), "gave up", LATER, true));
        WorkStep leased = queued(TYPE, NOW.minus(1, ChronoUnit.MINUTES));
        claimOne("worker-a", NOW.minus(1, ChronoUnit.MINUTES));

        assertEquals(List.of(), queue.claimDue("worker-b", NOW, LEASE, 10));
        assertEquals(StepStatus.DONE, status(done));
        assertEquals(StepStatus.DEAD, status(dead));
        assertEquals(Optional.of("worker-a"), queue.findById(leased.id()).orElseThrow().leaseOwner());
    }

    @Test
    void claims_come_oldest_due_first_and_at_most_max() {
        WorkStep third = queued(TYPE, NOW.minus(1, ChronoUnit.MINUTES));
        WorkStep first = queued(OTHER_TYPE, NOW.minus(3, ChronoUnit.MINUTES));
        WorkStep second = queued(TYPE, NOW.minus(2, ChronoUnit.MINUTES));
        queued(TYPE, LATER);

        assertEquals(List.of(first.id(), second.id()), ids(queue.claimDue("worker-a", NOW, LEASE, 2)));
        assertEquals(List.of(third.id()), ids(queue.claimDue("worker-a", NOW, LEASE, 2)));
        assertEquals(List.of(), queue.claimDue("worker-a", NOW, LEASE, 2));
    }

    @Test
    void a_claimed_step_is_not_claimed_again_before_its_lease_ends_and_is_reclaimed_when_it_does() {
        WorkStep step = queued(TYPE, NOW);
        WorkStep firstClaim = claimOne("worker-a", NOW);
        Instant leaseEnd = NOW.plus(LEASE);

        assertEquals(List.of(), queue.claimDue("worker-b", NOW, LEASE, 10));
        assertEquals(List.of(), queue.claimDue("worker-b", leaseEnd.minus(1, ChronoUnit.MICROS), LEASE, 10));

        List<WorkStep> reclaimed = queue.claimDue("worker-b", leaseEnd, LEASE, 10);
        assertEquals(List.of(step.id()), ids(reclaimed));
        WorkStep secondClaim = reclaimed.get(0);
        assertEquals(Optional.of("worker-b"), secondClaim.leaseOwner());
        assertEquals(Optional.of(leaseEnd.plus(LEASE)), secondClaim.leaseExpiresAt());
        assertEquals(firstClaim.attempts() + 1, secondClaim.attempts(), "the dead worker's attempt counts");
        assertTrue(secondClaim.version() > firstClaim.version());
    }

    @Test
    void threads_claiming_at_once_never_get_the_same_step_and_every_step_is_claimed_exactly_once() throws Exception {
        Set<String> queuedIds = new HashSet<>();
        for (int i = 0; i < RACE_STEPS; i++) {
            queuedIds.add(queued(i % 2 == 0 ? TYPE : OTHER_TYPE, NOW.minus(i, ChronoUnit.SECONDS)).id());
        }
        ExecutorService threads = Executors.newFixedThreadPool(RACE_THREADS);
        try {
            CountDownLatch ready = new CountDownLatch(RACE_THREADS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<WorkStep>>> claims = new ArrayList<>();
            for (int t = 0; t < RACE_THREADS; t++) {
                String worker = "worker-" + t;
                Callable<List<WorkStep>> claimer = () -> {
                    ready.countDown();
                    if (!go.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the start gate never opened");
                    }
                    List<WorkStep> mine = new ArrayList<>();
                    for (List<WorkStep> batch = queue.claimDue(worker, NOW, LEASE, 3); !batch.isEmpty();
                         batch = queue.claimDue(worker, NOW, LEASE, 3)) {
                        mine.addAll(batch);
                    }
                    return mine;
                };
                claims.add(threads.submit(claimer));
            }
            assertTrue(ready.await(WAIT_SECONDS, TimeUnit.SECONDS), "the claimers never got ready");
            go.countDown();

            List<String> claimedIds = new ArrayList<>();
            for (int t = 0; t < RACE_THREADS; t++) {
                for (WorkStep step : await(claims.get(t))) {
                    claimedIds.add(step.id());
                    WorkStep stored = queue.findById(step.id()).orElseThrow();
                    assertEquals(Optional.of("worker-" + t), stored.leaseOwner(), "held by the worker that got it");
                    assertEquals(1, stored.attempts());
                }
            }
            assertEquals(RACE_STEPS, claimedIds.size(), "no step was claimed twice");
            assertEquals(queuedIds, new HashSet<>(claimedIds), "every step was claimed");
        } finally {
            threads.shutdownNow();
        }
    }

    // ---- completing and failing --------------------------------------------------------------------

    @Test
    void the_holder_completes_a_step_at_the_claimed_version_and_only_once() {
        WorkStep step = queued(TYPE, NOW);
        WorkStep claim = claimOne("worker-a", NOW);

        assertFalse(queue.complete(step.id(), "worker-b", claim.version()), "another worker");
        assertFalse(queue.complete(step.id(), "worker-a", claim.version() - 1), "another version");
        assertFalse(queue.complete(anId(), "worker-a", claim.version()), "an unknown step");
        assertEquals(claim, queue.findById(step.id()).orElseThrow(), "nothing written");

        assertTrue(queue.complete(step.id(), "worker-a", claim.version()));
        WorkStep done = queue.findById(step.id()).orElseThrow();
        assertEquals(StepStatus.DONE, done.status());
        assertEquals(Optional.empty(), done.leaseOwner());
        assertEquals(Optional.empty(), done.leaseExpiresAt());
        assertEquals(claim.attempts(), done.attempts());
        assertTrue(done.version() > claim.version());

        assertFalse(queue.complete(step.id(), "worker-a", claim.version()), "twice");
        assertEquals(List.of(), queue.claimDue("worker-a", LATER, LEASE, 10));
    }

    @Test
    void a_reclaimed_steps_old_holder_can_neither_complete_nor_fail_it() {
        WorkStep step = queued(TYPE, NOW);
        WorkStep oldClaim = claimOne("worker-a", NOW);
        Instant leaseEnd = NOW.plus(LEASE);
        WorkStep newClaim = queue.claimDue("worker-b", leaseEnd, LEASE, 1).get(0);

        assertFalse(queue.complete(step.id(), "worker-a", oldClaim.version()));
        assertFalse(queue.fail(step.id(), "worker-a", oldClaim.version(), "late", LATER, false));
        assertEquals(newClaim, queue.findById(step.id()).orElseThrow(), "the new claim stands");

        assertTrue(queue.complete(step.id(), "worker-b", newClaim.version()));
    }

    @Test
    void the_same_worker_id_reclaiming_makes_its_old_claim_stale() {
        WorkStep step = queued(TYPE, NOW);
        WorkStep oldClaim = claimOne("worker-a", NOW);
        WorkStep newClaim = queue.claimDue("worker-a", NOW.plus(LEASE), LEASE, 1).get(0);

        assertFalse(queue.complete(step.id(), "worker-a", oldClaim.version()), "the version tells the claims apart");
        assertTrue(queue.complete(step.id(), "worker-a", newClaim.version()));
    }

    @Test
    void a_failure_makes_the_step_pending_again_at_its_next_attempt_with_the_error() {
        WorkStep step = queued(TYPE, NOW);
        WorkStep claim = claimOne("worker-a", NOW);
        Instant next = NOW.plus(10, ChronoUnit.SECONDS).plus(7, ChronoUnit.MICROS);

        assertFalse(queue.fail(step.id(), "worker-b", claim.version(), "not mine", next, false));
        assertFalse(queue.fail(step.id(), "worker-a", claim.version() + 1, "wrong version", next, false));
        assertTrue(queue.fail(step.id(), "worker-a", claim.version(), "the talent has no managing agent", next, false));

        WorkStep failed = queue.findById(step.id()).orElseThrow();
        assertEquals(StepStatus.PENDING, failed.status());
        assertEquals(next, failed.nextAttemptAt());
        assertEquals(Optional.of("the talent has no managing agent"), failed.lastError());
        assertEquals(Optional.empty(), failed.leaseOwner());
        assertEquals(Optional.empty(), failed.leaseExpiresAt());
        assertEquals(claim.attempts(), failed.attempts(), "a failure does not count twice");
        assertTrue(failed.version() > claim.version());
        assertFalse(queue.fail(step.id(), "worker-a", claim.version(), "again", next, false), "only once");

        assertEquals(List.of(), queue.claimDue("worker-a", next.minus(1, ChronoUnit.MICROS), LEASE, 10));
        WorkStep secondClaim = queue.claimDue("worker-a", next, LEASE, 10).get(0);
        assertEquals(2, secondClaim.attempts());
        assertEquals(Optional.of("the talent has no managing agent"), secondClaim.lastError(),
                "the last error stays until the next one");
    }

    @Test
    void a_last_failure_makes_the_step_dead_and_it_is_never_claimed_again() {
        WorkStep step = queued(TYPE, NOW);
        WorkStep claim = claimOne("worker-a", NOW);

        assertTrue(queue.fail(step.id(), "worker-a", claim.version(), "out of attempts", NOW.plusSeconds(10), true));

        WorkStep dead = queue.findById(step.id()).orElseThrow();
        assertEquals(StepStatus.DEAD, dead.status());
        assertEquals(Optional.of("out of attempts"), dead.lastError());
        assertEquals(Optional.empty(), dead.leaseOwner());
        assertEquals(List.of(), queue.claimDue("worker-a", LATER.plus(365, ChronoUnit.DAYS), LEASE, 10));
    }

    // ---- an administrator's retry ------------------------------------------------------------------

    @Test
    void retry_makes_a_dead_step_pending_now_with_zero_attempts() {
        WorkStep step = queued(TYPE, NOW);
        WorkStep claim = claimOne("worker-a", NOW);
        queue.fail(step.id(), "worker-a", claim.version(), "out of attempts", NOW, true);
        WorkStep dead = queue.findById(step.id()).orElseThrow();

        assertTrue(queue.retry(step.id(), LATER));

        WorkStep retried = queue.findById(step.id()).orElseThrow();
        assertEquals(StepStatus.PENDING, retried.status());
        assertEquals(0, retried.attempts());
        assertEquals(LATER, retried.nextAttemptAt());
        assertEquals(Optional.empty(), retried.leaseOwner());
        assertTrue(retried.version() > dead.version());
        assertEquals(List.of(step.id()), ids(queue.claimDue("worker-a", LATER, LEASE, 10)));
    }

    @Test
    void retry_is_refused_for_a_step_that_is_not_dead_and_changes_nothing() {
        WorkStep pending = queued(TYPE, LATER);
        WorkStep running = queued(TYPE, NOW);
        claimOne("worker-a", NOW);
        WorkStep runningStored = queue.findById(running.id()).orElseThrow();
        WorkStep done = queued(OTHER_TYPE, NOW.plusSeconds(1));
        WorkStep doneClaim = claimOne("worker-a", NOW.plusSeconds(1));
        queue.complete(done.id(), "worker-a", doneClaim.version());
        WorkStep doneStored = queue.findById(done.id()).orElseThrow();

        assertFalse(queue.retry(pending.id(), NOW));
        assertFalse(queue.retry(running.id(), NOW));
        assertFalse(queue.retry(done.id(), NOW));
        assertFalse(queue.retry(anId(), NOW));

        assertEquals(pending, queue.findById(pending.id()).orElseThrow());
        assertEquals(runningStored, queue.findById(running.id()).orElseThrow());
        assertEquals(doneStored, queue.findById(done.id()).orElseThrow());
    }

    // ---- figures for diagnostics -------------------------------------------------------------------

    @Test
    void counts_are_per_type_and_status_with_only_non_zero_counts() {
        assertEquals(Map.of(), queue.counts());
        queued(TYPE, LATER);
        queued(TYPE, LATER);
        queued(TYPE, NOW);
        claimOne("worker-a", NOW);
        queued(OTHER_TYPE, NOW.plusSeconds(1));
        WorkStep dead = claimOne("worker-a", NOW.plusSeconds(1));
        queue.fail(dead.id(), "worker-a", dead.version(), "gave up", NOW, true);
        queued(OTHER_TYPE, NOW.plusSeconds(2));
        WorkStep done = claimOne("worker-a", NOW.plusSeconds(2));
        queue.complete(done.id(), "worker-a", done.version());

        assertEquals(Map.of(TYPE, Map.of(StepStatus.PENDING, 2L, StepStatus.RUNNING, 1L),
                OTHER_TYPE, Map.of(StepStatus.DEAD, 1L, StepStatus.DONE, 1L)), queue.counts());
    }

    @Test
    void the_oldest_due_step_is_the_pending_one_due_earliest_and_not_after_now() {
        assertEquals(Optional.empty(), queue.oldestDue(NOW));
        WorkStep future = queued(TYPE, NOW.plus(1, ChronoUnit.MICROS));
        assertEquals(Optional.empty(), queue.oldestDue(NOW), "not yet due");

        WorkStep recent = queued(OTHER_TYPE, NOW.minus(1, ChronoUnit.MINUTES));
        WorkStep oldest = queued(TYPE, NOW.minus(10, ChronoUnit.MINUTES));
        assertEquals(Optional.of(oldest), queue.oldestDue(NOW));

        claimOne("worker-a", NOW);
        assertEquals(Optional.of(recent), queue.oldestDue(NOW), "a RUNNING step is not waiting");
        queue.claimDue("worker-a", NOW, LEASE, 10);
        assertEquals(Optional.empty(), queue.oldestDue(NOW));
        assertEquals(Optional.of(future.id()), queue.oldestDue(LATER).map(WorkStep::id));
    }

    // ---- units of work -----------------------------------------------------------------------------

    @Test
    void a_rolled_back_claim_leaves_the_step_pending_and_claimable() {
        WorkStep step = queued(TYPE, NOW);

        runAndRollBack(persistence.transactions(), () -> assertEquals(1, queue.claimDue("worker-a", NOW, LEASE, 10).size()));

        assertEquals(step, queue.findById(step.id()).orElseThrow());
        assertEquals(List.of(step.id()), ids(queue.claimDue("worker-b", NOW, LEASE, 10)));
    }

    @Test
    void rolled_back_completions_failures_and_retries_leave_the_step_as_it_was() {
        WorkStep step = queued(TYPE, NOW);
        WorkStep claim = claimOne("worker-a", NOW);

        runAndRollBack(persistence.transactions(), () -> assertTrue(queue.complete(step.id(), "worker-a", claim.version())));
        assertEquals(claim, queue.findById(step.id()).orElseThrow());
        runAndRollBack(persistence.transactions(),
                () -> assertTrue(queue.fail(step.id(), "worker-a", claim.version(), "x", LATER, true)));
        assertEquals(claim, queue.findById(step.id()).orElseThrow());

        assertTrue(queue.fail(step.id(), "worker-a", claim.version(), "gave up", LATER, true));
        WorkStep dead = queue.findById(step.id()).orElseThrow();
        runAndRollBack(persistence.transactions(), () -> assertTrue(queue.retry(step.id(), LATER)));
        assertEquals(dead, queue.findById(step.id()).orElseThrow());
    }

    @Test
    void a_claim_inside_a_unit_of_work_is_seen_by_it_and_kept_by_its_commit() {
        WorkStep step = queued(TYPE, NOW);

        WorkStep claim = persistence.transactions().inTransaction(() -> {
            WorkStep claimed = queue.claimDue("worker-a", NOW, LEASE, 1).get(0);
            assertEquals(Optional.of(claimed), queue.findById(step.id()));
            assertTrue(queue.complete(step.id(), "worker-a", claimed.version()));
            return claimed;
        });

        assertEquals(StepStatus.DONE, status(step));
        assertFalse(queue.complete(step.id(), "worker-a", claim.version()));
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private WorkStep queued(String type, Instant due) {
        String id = anId();
        WorkStep step = new WorkStep(id, type, type + ":" + id, Map.of("invoiceId", anId()), StepStatus.PENDING, 0, due,
                Optional.empty(), Optional.empty(), Optional.empty(), NOW.minus(1, ChronoUnit.DAYS),
                NOW.minus(1, ChronoUnit.DAYS), 1);
        assertTrue(queue.enqueue(step));
        return queue.findById(id).orElseThrow();
    }

    private WorkStep claimOne(String worker, Instant now) {
        List<WorkStep> claimed = queue.claimDue(worker, now, LEASE, 1);
        assertEquals(1, claimed.size(), () -> "expected one due step at " + now);
        return claimed.get(0);
    }

    private StepStatus status(WorkStep step) {
        return queue.findById(step.id()).orElseThrow().status();
    }

    private static List<String> ids(List<WorkStep> steps) {
        return steps.stream().map(WorkStep::id).toList();
    }

    private static <T> T await(Future<T> future) throws InterruptedException {
        try {
            return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return fail("a claimer failed", e.getCause());
        } catch (TimeoutException e) {
            return fail("a claimer did not finish in " + WAIT_SECONDS + " s", e);
        }
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
