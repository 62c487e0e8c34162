package com.breakagency.testkit.contract;

import static com.breakagency.testkit.Fixtures.NOW;
import static com.breakagency.testkit.Fixtures.aStep;
import static com.breakagency.testkit.Fixtures.anId;
import static com.breakagency.testkit.contract.ContractSupport.RACE_ROUNDS;
import static com.breakagency.testkit.contract.ContractSupport.pageThrough;
import static com.breakagency.testkit.contract.ContractSupport.race;
import static com.breakagency.testkit.contract.ContractSupport.runAndRollBack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.work.StepStatus;
import com.breakagency.ports.model.work.WorkStep;
import com.breakagency.ports.spi.Persistence;
import com.breakagency.ports.spi.WorkQueue;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The enqueue side of the {@link WorkQueue} port: deduplication, re-arming, look-up by dedup key,
 * listings, and units of work. An adapter's test extends this class, returns a fresh bundle from
 * {@link #persistence()} and says in {@link #replaceStep(Persistence, WorkStep)} how a worker's claim,
 * completion or failure is written, which the port has no operation for yet.
 *
 * <p>What an adapter must do beyond keeping each field exactly (the payload's entries, instants to at
 * least the microsecond):
 * <ul>
 *   <li>keep one step per dedup key, enforced by a unique constraint, so that of two units of work
 *       enqueuing one key at once exactly one gets {@code true}, and neither gets an exception;</li>
 *   <li>re-arm a DONE step in place: the same id and creation time, PENDING, the new payload and due
 *       time, zero attempts, no lease, no last error, and a greater version;</li>
 *   <li>order ids as {@link String#compareTo(String)} does and fill every page: a page holds the first
 *       {@code limit} matching steps after the cursor.</li>
 * </ul>
 *
 * <p>Every test uses fresh dedup keys and scopes its listings to a step type no other test uses, so
 * steps other tests left behind do not disturb it.
 *
 * <p>The properties run on the jqwik engine, so the test class path needs {@code net.jqwik:jqwik}
 * (without it they are silently skipped). jqwik calls {@link #persistence()} before each property, but
 * runs no JUnit {@code @BeforeAll} or {@code @BeforeEach} method of the subclass: set up what the
 * factory needs in the factory itself or in static state.
 */
public abstract class WorkQueueContract extends PropertyContract {

    private static final String ENSURE_COMMISSIONS = "ENSURE_COMMISSIONS";
    private static final Instant LATER = NOW.plus(15, ChronoUnit.MINUTES).plus(9, ChronoUnit.MICROS);

    private Persistence persistence;
    private WorkQueue queue;

    /**
     * The bundle under test. Called once before each test and each property; must return a fresh, empty
     * bundle whose stores share its {@link Persistence#transactions()}.
     *
     * @return the bundle
     */
    protected abstract Persistence persistence();

    /**
     * Replaces a queued step with a later state of it, in any status: what a worker's claim, completion
     * or failure leaves behind. The contract only passes a state of a step it has queued (same id and
     * dedup key), with a greater version, outside or inside a unit of work, and uses it to reach RUNNING,
     * DONE and DEAD steps; it checks nothing about this method itself. The in-memory queue does it with
     * {@code InMemoryWorkQueue.replace}.
     *
     * @param persistence the bundle under test
     * @param step        the step's new state
     */
    protected abstract void replaceStep(Persistence persistence, WorkStep step);

    @BeforeEach
    @BeforeProperty
    void openStores() {
        persistence = persistence();
        queue = persistence.workQueue();
    }

    // ---- round trips -------------------------------------------------------------------------------

    @Test
    void an_enqueued_step_reads_back_equal_by_dedup_key() {
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put("invoiceId", anId());
        payload.put("reason", "no managing agent \u2014 \u00e9t\u00e9 '%_");
        payload.put("empty", "");
        WorkStep rich = at(withPayload(aStep(ENSURE_COMMISSIONS, aDedupKey()), payload),
                Instant.parse("2026-03-29T00:59:59.999999Z"));
        WorkStep bare = withPayload(aStep(ENSURE_COMMISSIONS, aDedupKey()), Map.of());

        assertTrue(queue.enqueue(rich));
        assertTrue(queue.enqueue(bare));

        assertEquals(Optional.of(rich), queue.findByDedupKey(rich.dedupKey()));
        assertEquals(Optional.of(bare), queue.findByDedupKey(bare.dedupKey()));
    }

    @Test
    void an_unknown_dedup_key_finds_nothing() {
        queue.enqueue(aStep(ENSURE_COMMISSIONS, aDedupKey()));

        assertEquals(Optional.empty(), queue.findByDedupKey(aDedupKey()));
    }

    // ---- deduplication -----------------------------------------------------------------------------

    @Test
    void enqueuing_the_same_key_twice_yields_one_step_and_false_the_second_time() {
        String type = aStepType();
        String key = aDedupKey();
        WorkStep first = aStep(type, key);
        WorkStep second = at(aStep(type, key), LATER);

        assertTrue(queue.enqueue(first));
        assertFalse(queue.enqueue(second));

        assertEquals(Optional.of(first), queue.findByDedupKey(key));
        assertEquals(List.of(first), queue.list(Optional.empty(), Optional.of(type), Optional.empty(), 10));
    }

    @Test
    void a_pending_running_or_dead_step_keeps_its_key() {
        for (StepStatus active : List.of(StepStatus.PENDING, StepStatus.RUNNING, StepStatus.DEAD)) {
            WorkStep queued = aStep(ENSURE_COMMISSIONS, aDedupKey());
            queue.enqueue(queued);
            WorkStep state = switch (active) {
                case RUNNING -> claimed(queued);
                case DEAD -> dead(queued);
                default -> failedOnce(queued);
            };
            replaceStep(persistence, state);

            assertFalse(queue.enqueue(at(aStep(ENSURE_COMMISSIONS, queued.dedupKey()), LATER)), active.name());

            assertEquals(Optional.of(state), queue.findByDedupKey(queued.dedupKey()), active.name());
        }
    }

    @Test
    void a_done_step_is_re_armed_as_pending_with_zero_attempts_and_the_new_payload_and_due_time() {
        String key = aDedupKey();
        WorkStep queued = aStep(ENSURE_COMMISSIONS, key);
        queue.enqueue(queued);
        replaceStep(persistence, done(queued));
        WorkStep again = at(aStep(ENSURE_COMMISSIONS, key), LATER);

        assertTrue(queue.enqueue(again));

        WorkStep read = queue.findByDedupKey(key).orElseThrow();
        assertEquals(StepStatus.PENDING, read.status());
        assertEquals(0, read.attempts());
        assertEquals(again.payload(), read.payload());
        assertEquals(again.nextAttemptAt(), read.nextAttemptAt());
        assertEquals(again.type(), read.type());
        assertEquals(key, read.dedupKey());
        assertEquals(Optional.empty(), read.leaseOwner());
        assertEquals(Optional.empty(), read.leaseExpiresAt());
        assertEquals(Optional.empty(), read.lastError());
    }

    @Test
    void a_re_armed_step_is_still_the_one_step_of_its_key() {
        String type = aStepType();
        String key = aDedupKey();
        WorkStep queued = aStep(type, key);
        queue.enqueue(queued);
        WorkStep done = done(queued);
        replaceStep(persistence, done);

        queue.enqueue(at(aStep(type, key), LATER));

        WorkStep read = queue.findByDedupKey(key).orElseThrow();
        assertEquals(done.id(), read.id());
        assertEquals(done.createdAt(), read.createdAt());
        assertTrue(read.version() > done.version(), () -> "version " + read.version() + " after " + done.version());
        assertEquals(List.of(read), queue.list(Optional.empty(), Optional.of(type), Optional.empty(), 10));
    }

    @Test
    void a_re_armed_step_keeps_its_key_until_it_is_done_again() {
        String key = aDedupKey();
        queue.enqueue(aStep(ENSURE_COMMISSIONS, key));
        replaceStep(persistence, done(queue.findByDedupKey(key).orElseThrow()));
        assertTrue(queue.enqueue(at(aStep(ENSURE_COMMISSIONS, key), LATER)));
        WorkStep rearmed = queue.findByDedupKey(key).orElseThrow();

        assertFalse(queue.enqueue(aStep(ENSURE_COMMISSIONS, key)));
        assertEquals(Optional.of(rearmed), queue.findByDedupKey(key));

        replaceStep(persistence, done(rearmed));
        assertTrue(queue.enqueue(aStep(ENSURE_COMMISSIONS, key)));
    }

    @Test
    void two_threads_enqueuing_the_same_key_at_once_queue_one_step() {
        for (int round = 0; round < RACE_ROUNDS; round++) {
            String type = aStepType();
            String key = aDedupKey();
            List<WorkStep> attempts = List.of(aStep(type, key), aStep(type, key));
            boolean[] queued = new boolean[2];

            List<Optional<BreakException>> outcomes = race(
                    () -> queued[0] = enqueueAlone(attempts.get(0)), () -> queued[1] = enqueueAlone(attempts.get(1)));

            assertEquals(List.of(Optional.empty(), Optional.empty()), outcomes, "enqueue never fails over a taken key");
            assertTrue(queued[0] ^ queued[1], () -> "queued: " + queued[0] + ", " + queued[1]);
            WorkStep winner = attempts.get(queued[0] ? 0 : 1);
            assertEquals(Optional.of(winner), queue.findByDedupKey(key));
            assertEquals(List.of(winner), queue.list(Optional.empty(), Optional.of(type), Optional.empty(), 10));
        }
    }

    @Test
    void two_threads_re_arming_the_same_done_step_at_once_re_arm_it_once() {
        for (int round = 0; round < RACE_ROUNDS; round++) {
            String type = aStepType();
            String key = aDedupKey();
            WorkStep queued = aStep(type, key);
            queue.enqueue(queued);
            WorkStep done = done(queued);
            replaceStep(persistence, done);
            List<WorkStep> attempts = List.of(at(aStep(type, key), LATER), at(aStep(type, key), LATER));
            boolean[] rearmed = new boolean[2];

            List<Optional<BreakException>> outcomes = race(
                    () -> rearmed[0] = enqueueAlone(attempts.get(0)), () -> rearmed[1] = enqueueAlone(attempts.get(1)));

            assertEquals(List.of(Optional.empty(), Optional.empty()), outcomes, "enqueue never fails over a taken key");
            assertTrue(rearmed[0] ^ rearmed[1], () -> "re-armed: " + rearmed[0] + ", " + rearmed[1]);
            WorkStep read = queue.findByDedupKey(key).orElseThrow();
            assertEquals(attempts.get(rearmed[0] ? 0 : 1).payload(), read.payload());
            assertEquals(List.of(read), queue.list(Optional.empty(), Optional.of(type), Optional.empty(), 10));
        }
    }

    // ---- listings ----------------------------------------------------------------------------------

    @Test
    void the_status_and_type_filters_list_only_the_steps_they_name() {
        String type = aStepType();
        String otherType = aStepType();
        WorkStep pending = aStep(type, aDedupKey());
        WorkStep running = aStep(type, aDedupKey());
        WorkStep done = aStep(type, aDedupKey());
        WorkStep dead = aStep(type, aDedupKey());
        WorkStep otherPending = aStep(otherType, aDedupKey());
        for (WorkStep s : List.of(pending, running, done, dead, otherPending)) {
            queue.enqueue(s);
        }
        WorkStep claimed = claimed(running);
        WorkStep finished = done(done);
        WorkStep exhausted = dead(dead);
        for (WorkStep s : List.of(claimed, finished, exhausted)) {
            replaceStep(persistence, s);
        }

        assertEquals(List.of(pending), list(StepStatus.PENDING, type));
        assertEquals(List.of(claimed), list(StepStatus.RUNNING, type));
        assertEquals(List.of(finished), list(StepStatus.DONE, type));
        assertEquals(List.of(exhausted), list(StepStatus.DEAD, type));
        assertEquals(List.of(pending, claimed, finished, exhausted),
                queue.list(Optional.empty(), Optional.of(type), Optional.empty(), 10));
        assertEquals(List.of(otherPending), queue.list(Optional.empty(), Optional.of(otherType), Optional.empty(), 10));
        List<WorkStep> allPending = pageThrough((cursor, n) -> queue.list(Optional.of(StepStatus.PENDING),
                Optional.empty(), cursor, n), WorkStep::id, 100, true);
        assertTrue(allPending.stream().allMatch(s -> s.status() == StepStatus.PENDING), "only PENDING steps");
        assertTrue(allPending.containsAll(List.of(pending, otherPending)), "every PENDING step of any type");
    }

    @Test
    void a_listing_is_in_ascending_id_order_whatever_the_insertion_order() {
        String type = aStepType();
        List<WorkStep> made = List.of(aStep(type, aDedupKey()), aStep(type, aDedupKey()), aStep(type, aDedupKey()),
                aStep(type, aDedupKey()));
        for (int i : new int[] {1, 3, 0, 2}) {
            queue.enqueue(made.get(i));
        }

        assertEquals(made, queue.list(Optional.empty(), Optional.of(type), Optional.empty(), 10));
    }

    @Test
    void after_id_and_limit_page_through_every_step_once() {
        String type = aStepType();
        List<WorkStep> made = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            WorkStep step = aStep(type, aDedupKey());
            queue.enqueue(step);
            made.add(step);
        }

        assertEquals(made.subList(1, 4), queue.list(Optional.empty(), Optional.of(type), Optional.of(made.get(0).id()), 3));
        assertEquals(List.of(), queue.list(Optional.empty(), Optional.of(type), Optional.of(made.get(6).id()), 3));
        for (int limit : new int[] {1, 2, 3, 7, 8}) {
            assertEquals(made, pageThrough((cursor, n) -> queue.list(Optional.of(StepStatus.PENDING), Optional.of(type),
                    cursor, n), WorkStep::id, limit, true), "limit " + limit);
        }
    }

    /**
     * Paging through any set of steps with any page size lists every step of the type exactly once, in
     * ascending id order; steps of other types never appear.
     *
     * @param ours     per step, whether it is of our type (the rest are of another type)
     * @param pageSize the limit
     * @param random   the insertion order
     */
    @Property(tries = 200)
    void keyset_pagination_returns_every_item_exactly_once_for_any_page_size_and_any_data_set(
            @ForAll @Size(max = 60) List<Boolean> ours, @ForAll @IntRange(min = 1, max = 25) int pageSize,
            @ForAll Random random) {
        String type = aStepType();
        String otherType = aStepType();
        List<WorkStep> all = new ArrayList<>();
        for (boolean mine : ours) {
            all.add(aStep(mine ? type : otherType, aDedupKey()));
        }
        List<String> expected = all.stream().filter(s -> s.type().equals(type)).map(WorkStep::id).sorted().toList();
        Collections.shuffle(all, random);
        all.forEach(queue::enqueue);

        List<String> listed = pageThrough((cursor, limit) -> queue.list(Optional.empty(), Optional.of(type), cursor,
                limit), WorkStep::id, pageSize, true).stream().map(WorkStep::id).toList();

        assertEquals(expected, listed);
        assertEquals(listed.size(), Set.copyOf(listed).size(), "a step was listed twice");
    }

    // ---- units of work -----------------------------------------------------------------------------

    @Test
    void a_unit_of_work_sees_its_own_queued_step() {
        String type = aStepType();
        WorkStep step = aStep(type, aDedupKey());

        persistence.transactions().inTransaction(() -> {
            assertTrue(queue.enqueue(step));
            assertEquals(Optional.of(step), queue.findByDedupKey(step.dedupKey()));
            assertFalse(queue.enqueue(aStep(type, step.dedupKey())));
            assertEquals(List.of(step), queue.list(Optional.empty(), Optional.of(type), Optional.empty(), 10));
            return null;
        });

        assertEquals(Optional.of(step), queue.findByDedupKey(step.dedupKey()));
    }

    @Test
    void a_rolled_back_enqueue_leaves_no_step_and_frees_the_key() {
        String type = aStepType();
        WorkStep step = aStep(type, aDedupKey());

        runAndRollBack(persistence.transactions(), () -> assertTrue(queue.enqueue(step)));

        assertEquals(Optional.empty(), queue.findByDedupKey(step.dedupKey()));
        assertEquals(List.of(), queue.list(Optional.empty(), Optional.of(type), Optional.empty(), 10));
        WorkStep again = aStep(type, step.dedupKey());
        assertTrue(queue.enqueue(again));
        assertEquals(Optional.of(again), queue.findByDedupKey(step.dedupKey()));
    }

    @Test
    void a_rolled_back_re_arm_leaves_the_done_step_as_it_was() {
        String key = aDedupKey();
        WorkStep queued = aStep(ENSURE_COMMISSIONS, key);
        queue.enqueue(queued);
        WorkStep done = done(queued);
        replaceStep(persistence, done);

        runAndRollBack(persistence.transactions(), () -> assertTrue(queue.enqueue(at(aStep(ENSURE_COMMISSIONS, key),
                LATER))));

        assertEquals(Optional.of(done), queue.findByDedupKey(key));
        assertTrue(queue.enqueue(aStep(ENSURE_COMMISSIONS, key)));
    }

    // ---- helpers -----------------------------------------------------------------------------------

    /** A dedup key no other test uses. */
    private static String aDedupKey() {
        return ENSURE_COMMISSIONS + ":" + anId();
    }

    /** A step type no other test uses, to scope a listing. */
    private static String aStepType() {
        return "STEP_" + anId();
    }

    /** Enqueues in a unit of work of its own, as the change that needs the step does. */
    private boolean enqueueAlone(WorkStep step) {
        return persistence.transactions().inTransaction(() -> queue.enqueue(step));
    }

    private List<WorkStep> list(StepStatus status, String type) {
        return queue.list(Optional.of(status), Optional.of(type), Optional.empty(), 10);
    }

    /** Claimed by a worker under a five-minute lease, as its first attempt. */
    private static WorkStep claimed(WorkStep s) {
        return new WorkStep(s.id(), s.type(), s.dedupKey(), s.payload(), StepStatus.RUNNING, s.attempts() + 1,
                s.nextAttemptAt(), Optional.of("worker-" + anId()), Optional.of(LATER.plus(5, ChronoUnit.MINUTES)),
                s.lastError(), s.createdAt(), LATER, s.version() + 1);
    }

    /** Failed once and due again later. */
    private static WorkStep failedOnce(WorkStep s) {
        return new WorkStep(s.id(), s.type(), s.dedupKey(), s.payload(), StepStatus.PENDING, s.attempts() + 1,
                LATER.plus(30, ChronoUnit.SECONDS), Optional.empty(), Optional.empty(),
                Optional.of("PERSISTENCE_UNAVAILABLE/DATABASE_UNREACHABLE"), s.createdAt(), LATER, s.version() + 2);
    }

    /** Out of attempts after failing five times. */
    private static WorkStep dead(WorkStep s) {
        return new WorkStep(s.id(), s.type(), s.dedupKey(), s.payload(), StepStatus.DEAD, 5, LATER, Optional.empty(),
                Optional.empty(), Optional.of("WORKFLOW_BREAK/COMMISSIONS_PENDING"), s.createdAt(), LATER,
                s.version() + 10);
    }

    /** Completed on its third attempt, after two failures. */
    private static WorkStep done(WorkStep s) {
        return new WorkStep(s.id(), s.type(), s.dedupKey(), s.payload(), StepStatus.DONE, 3, s.nextAttemptAt(),
                Optional.empty(), Optional.empty(), Optional.of("PERSISTENCE_UNAVAILABLE/DATABASE_UNREACHABLE"),
                s.createdAt(), LATER, s.version() + 6);
    }

    private static WorkStep withPayload(WorkStep s, Map<String, String> payload) {
        return new WorkStep(s.id(), s.type(), s.dedupKey(), payload, s.status(), s.attempts(), s.nextAttemptAt(),
                s.leaseOwner(), s.leaseExpiresAt(), s.lastError(), s.createdAt(), s.updatedAt(), s.version());
    }

    /** Queued and due at an instant. */
    private static WorkStep at(WorkStep s, Instant when) {
        return new WorkStep(s.id(), s.type(), s.dedupKey(), s.payload(), s.status(), s.attempts(), when,
                s.leaseOwner(), s.leaseExpiresAt(), s.lastError(), when, when, s.version());
    }
}
