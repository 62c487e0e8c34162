package com.breakagency.adapter.jdbc;

import static com.breakagency.testkit.Fixtures.NOW;
import static com.breakagency.testkit.Fixtures.aBankReference;
import static com.breakagency.testkit.Fixtures.aPayment;
import static com.breakagency.testkit.Fixtures.aPaymentInFull;
import static com.breakagency.testkit.Fixtures.aStep;
import static com.breakagency.testkit.Fixtures.anId;
import static com.breakagency.testkit.Fixtures.anIssuedInvoice;
import static com.breakagency.testkit.Fixtures.theAgencySplitOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.Payment;
import com.breakagency.ports.model.work.StepStatus;
import com.breakagency.ports.model.work.WorkStep;
import com.breakagency.ports.spi.WorkQueue;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the finance contracts leave to the adapter: the work queue's claims, completions, failures, retries,
 * depth and oldest due step, and payments without commissions. Each test starts from empty tables.
 */
abstract class FinanceChecks {

    static final long WAIT_SECONDS = 30;
    static final Duration LEASE = Duration.ofMinutes(5);
    static final String TYPE = "ENSURE_COMMISSIONS";

    final ExecutorService threads = Executors.newFixedThreadPool(4);

    /** The database of the test class run. */
    abstract TestDatabase database();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    // ---- claims ------------------------------------------------------------------------------------

    @Test
    void a_claim_takes_due_pending_steps_oldest_first_up_to_max_under_the_workers_lease() {
        WorkQueue queue = database().freshPersistence().workQueue();
        WorkStep newest = due(aStep(TYPE, key()), NOW.minusSeconds(10));
        WorkStep oldest = due(aStep(TYPE, key()), NOW.minusSeconds(30));
        WorkStep middle = due(aStep(TYPE, key()), NOW.minusSeconds(20));
        WorkStep notYetDue = due(aStep(TYPE, key()), NOW.plusSeconds(1));
        for (WorkStep s : List.of(newest, oldest, middle, notYetDue)) {
            assertTrue(queue.enqueue(s));
        }

        List<WorkStep> claimed = queue.claimDue("worker-a", NOW, LEASE, 2);

        assertEquals(List.of(oldest.id(), middle.id()), claimed.stream().map(WorkStep::id).toList());
        for (WorkStep step : claimed) {
            assertEquals(StepStatus.RUNNING, step.status());
            assertEquals(1, step.attempts());
            assertEquals(2, step.version());
            assertEquals(Optional.of("worker-a"), step.leaseOwner());
            assertEquals(Optional.of(NOW.plus(LEASE)), step.leaseExpiresAt());
            assertEquals(NOW, step.updatedAt());
            assertEquals(Optional.of(step), queue.findById(step.id()));
        }
        assertEquals(List.of(newest.id()), ids(queue.claimDue("worker-b", NOW, LEASE, 10)));
        assertEquals(List.of(), queue.claimDue("worker-c", NOW, LEASE, 10), "nothing else is due");
        assertEquals(List.of(notYetDue.id()), ids(queue.claimDue("worker-c", NOW.plusSeconds(1), LEASE, 10)));
    }

    @Test
    void a_step_whose_lease_expired_is_claimed_again_and_its_first_worker_can_no_longer_finish_it() {
        WorkQueue queue = database().freshPersistence().workQueue();
        queue.enqueue(aStep(TYPE, key()));
        WorkStep first = queue.claimDue("worker-a", NOW, LEASE, 1).get(0);

        assertEquals(List.of(), queue.claimDue("worker-b", NOW.plus(LEASE).minusNanos(1000), LEASE, 1),
                "the lease still holds");
        Instant expired = NOW.plus(LEASE);
        WorkStep second = queue.claimDue("worker-b", expired, LEASE, 1).get(0);

        assertEquals(first.id(), second.id());
        assertEquals(2, second.attempts());
        assertEquals(Optional.of("worker-b"), second.leaseOwner());
        assertFalse(queue.complete(first.id(), "worker-a", first.version()), "worker-a lost the lease");
        assertFalse(queue.fail(first.id(), "worker-a", first.version(), "late", expired, false));
        assertTrue(queue.complete(second.id(), "worker-b", second.version()));
        assertEquals(StepStatus.DONE, queue.findById(second.id()).orElseThrow().status());
    }

    @Test
    void done_and_dead_steps_are_never_claimed() {
        WorkQueue queue = database().freshPersistence().workQueue();
        queue.enqueue(aStep(TYPE, key()));
        queue.enqueue(aStep(TYPE, key()));
        List<WorkStep> claimed = queue.claimDue("worker-a", NOW, LEASE, 2);
        assertTrue(queue.complete(claimed.get(0).id(), "worker-a", claimed.get(0).version()));
        assertTrue(queue.fail(claimed.get(1).id(), "worker-a", claimed.get(1).version(), "gave up", NOW, true));

        assertEquals(List.of(), queue.claimDue("worker-b", NOW.plus(Duration.ofDays(365)), LEASE, 10));
    }

    @Test
    void complete_checks_the_holder_and_the_version() {
        WorkQueue queue = database().freshPersistence().workQueue();
        queue.enqueue(aStep(TYPE, key()));
        WorkStep claimed = queue.claimDue("worker-a", NOW, LEASE, 1).get(0);

        assertFalse(queue.complete(claimed.id(), "worker-b", claimed.version()));
        assertFalse(queue.complete(claimed.id(), "worker-a", claimed.version() - 1));
        assertFalse(queue.complete(anId(), "worker-a", claimed.version()));
        assertTrue(queue.complete(claimed.id(), "worker-a", claimed.version()));
        assertFalse(queue.complete(claimed.id(), "worker-a", claimed.version()), "done once");

        WorkStep done = queue.findById(claimed.id()).orElseThrow();
        assertEquals(StepStatus.DONE, done.status());
        assertEquals(claimed.version() + 1, done.version());
        assertEquals(Optional.empty(), done.leaseOwner());
        assertEquals(Optional.empty(), done.leaseExpiresAt());
        assertEquals(1, done.attempts());
    }

    @Test
    void a_failed_attempt_is_pending_again_when_due_and_dead_when_out_of_attempts_until_an_administrator_retries() {
        WorkQueue queue = database().freshPersistence().workQueue();
        queue.enqueue(aStep(TYPE, key()));
        WorkStep claimed = queue.claimDue("worker-a", NOW, LEASE, 1).get(0);
        Instant retryAt = NOW.plusSeconds(30).plus(7, ChronoUnit.MICROS);

        assertFalse(queue.fail(claimed.id(), "worker-b", claimed.version(), "x", retryAt, false));
        assertTrue(queue.fail(claimed.id(), "worker-a", claimed.version(), "PERSISTENCE_UNAVAILABLE", retryAt, false));

        WorkStep pending = queue.findById(claimed.id()).orElseThrow();
        assertEquals(StepStatus.PENDING, pending.status());
        assertEquals(retryAt, pending.nextAttemptAt());
        assertEquals(Optional.of("PERSISTENCE_UNAVAILABLE"), pending.lastError());
        assertEquals(Optional.empty(), pending.leaseOwner());
        assertEquals(List.of(), queue.claimDue("worker-a", retryAt.minusNanos(1000), LEASE, 1));
        assertFalse(queue.retry(pending.id(), NOW), "only a DEAD step is retried");

        WorkStep again = queue.claimDue("worker-a", retryAt, LEASE, 1).get(0);
        assertEquals(2, again.attempts());
        assertTrue(queue.fail(again.id(), "worker-a", again.version(), "COMMISSIONS_PENDING", retryAt, true));
        WorkStep dead = queue.findById(again.id()).orElseThrow();
        assertEquals(StepStatus.DEAD, dead.status());
        assertEquals(Optional.of("COMMISSIONS_PENDING"), dead.lastError());

        Instant later = NOW.plus(Duration.ofHours(2));
        assertTrue(queue.retry(dead.id(), later));
        WorkStep retried = queue.findById(dead.id()).orElseThrow();
        assertEquals(StepStatus.PENDING, retried.status());
        assertEquals(0, retried.attempts());
        assertEquals(later, retried.nextAttemptAt());
        assertEquals(dead.version() + 1, retried.version());
        assertFalse(queue.retry(dead.id(), later), "pending now");
        assertEquals(List.of(retried.id()), ids(queue.claimDue("worker-a", later, LEASE, 1)));
    }

    @Test
    void counts_give_the_depth_per_type_and_status_and_oldest_due_the_longest_waiting_step() {
        WorkQueue queue = database().freshPersistence().workQueue();
        assertEquals(Map.of(), queue.counts());
        assertEquals(Optional.empty(), queue.oldestDue(NOW));
        WorkStep old = due(aStep(TYPE, key()), NOW.minusSeconds(60));
        WorkStep recent = due(aStep(TYPE, key()), NOW.minusSeconds(5));
        WorkStep future = due(aStep(TYPE, key()), NOW.plusSeconds(60));
        WorkStep other = due(aStep("SEND_RECEIPT", key()), NOW.minusSeconds(1));
        for (WorkStep s : List.of(old, recent, future, other)) {
            queue.enqueue(s);
        }
        assertEquals(Optional.of(old), queue.oldestDue(NOW));
        WorkStep running = queue.claimDue("worker-a", NOW, LEASE, 1).get(0);
        assertEquals(old.id(), running.id());

        Map<String, Map<StepStatus, Long>> expected = new TreeMap<>();
        expected.put(TYPE, new EnumMap<>(Map.of(StepStatus.PENDING, 2L, StepStatus.RUNNING, 1L)));
        expected.put("SEND_RECEIPT", new EnumMap<>(Map.of(StepStatus.PENDING, 1L)));
        assertEquals(expected, queue.counts());
        assertEquals(Optional.of(recent), queue.oldestDue(NOW));
        assertEquals(Optional.empty(), queue.oldestDue(NOW.minusSeconds(10)));
    }

    @Test
    void workers_of_two_instances_claiming_at_once_never_take_one_step_twice() throws Exception {
        JdbcPersistence first = database().freshPersistence();
        JdbcPersistence second = database().builder().build();
        int count = 60;
        for (int i = 0; i < count; i++) {
            first.workQueue().enqueue(due(aStep(TYPE, key()), NOW.minusSeconds(i)));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            WorkQueue queue = (w % 2 == 0 ? first : second).workQueue();
            String worker = "worker-" + w;
            Callable<List<String>> claimAll = () -> {
                start.await(WAIT_SECONDS, TimeUnit.SECONDS);
                List<String> mine = new ArrayList<>();
                for (List<WorkStep> batch = queue.claimDue(worker, NOW, LEASE, 3); !batch.isEmpty();
                     batch = queue.claimDue(worker, NOW, LEASE, 3)) {
                    for (WorkStep step : batch) {
                        assertTrue(queue.complete(step.id(), worker, step.version()), "the claim holds");
                        mine.add(step.id());
                    }
                }
                return mine;
            };
            workers.add(threads.submit(claimAll));
        }
        start.countDown();

        List<String> all = new ArrayList<>();
        for (Future<List<String>> worker : workers) {
            all.addAll(worker.get(WAIT_SECONDS, TimeUnit.SECONDS));
        }
        assertEquals(count, all.size(), "every step once");
        assertEquals(count, new HashSet<>(all).size(), "no step twice");
        assertEquals(Map.of(TYPE, Map.of(StepStatus.DONE, (long) count)), first.workQueue().counts());
    }

    // ---- payments without commissions --------------------------------------------------------------

    @Test
    void payments_without_commissions_are_those_without_a_line_recorded_before_the_instant_in_id_order() {
        JdbcPersistence persistence = database().freshPersistence();
        List<Payment> bare = new ArrayList<>();
        Payment allocated = null;
        Payment recent = null;
        for (int i = 0; i < 5; i++) {
            Invoice invoice = anIssuedInvoice(Money.of(250_000, "GBP"));
            persistence.invoices().insert(invoice);
            Payment payment = aPaymentInFull(invoice);
            if (i == 4) {
                payment = new Payment(payment.id(), payment.invoiceId(), payment.amount(), payment.receivedOn(),
                        payment.externalReference(), payment.source(), payment.recordedBy(), NOW.plusSeconds(60));
                recent = payment;
            }
            persistence.payments().insert(payment);
            if (i == 1) {
                persistence.commissions().insertAll(theAgencySplitOf(invoice, payment, anId()));
                allocated = payment;
            } else if (i != 4) {
                bare.add(payment);
            }
        }
        bare.sort((a, b) -> a.id().compareTo(b.id()));

        Instant before = NOW.plusSeconds(1);
        assertEquals(bare, persistence.payments().withoutCommissions(before, 10));
        assertEquals(bare.subList(0, 2), persistence.payments().withoutCommissions(before, 2));
        Set<String> listed = new HashSet<>(paymentIds(persistence.payments().withoutCommissions(NOW.plusSeconds(61), 10)));
        assertTrue(listed.contains(recent.id()));
        assertFalse(listed.contains(allocated.id()));
        assertEquals(List.of(), persistence.payments().withoutCommissions(NOW, 10), "recorded at NOW is not before it");
    }

    @Test
    void payments_without_commissions_page_on_after_the_cursor_in_id_order() {
        JdbcPersistence persistence = database().freshPersistence();
        List<Payment> bare = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Invoice invoice = anIssuedInvoice(Money.of(100_000, "GBP"));
            persistence.invoices().insert(invoice);
            Payment payment = aPaymentInFull(invoice);
            persistence.payments().insert(payment);
            if (i % 3 == 1) {
                persistence.commissions().insertAll(theAgencySplitOf(invoice, payment, anId()));
            } else {
                bare.add(payment);
            }
        }
        bare.sort((a, b) -> a.id().compareTo(b.id()));
        Instant before = NOW.plusSeconds(1);

        List<Payment> paged = new ArrayList<>();
        Optional<String> after = Optional.empty();
        for (List<Payment> page = persistence.payments().withoutCommissions(before, after, 2); !page.isEmpty();
             page = persistence.payments().withoutCommissions(before, after, 2)) {
            assertTrue(page.size() <= 2);
            paged.addAll(page);
            after = Optional.of(page.get(page.size() - 1).id());
        }

        assertEquals(bare, paged);
        assertEquals(bare.subList(2, bare.size()),
                persistence.payments().withoutCommissions(before, Optional.of(bare.get(1).id()), 10));
        String between = bare.get(0).id() + "~";
        assertEquals(bare.subList(1, bare.size()), persistence.payments().withoutCommissions(before,
                Optional.of(between), 10), "a cursor that is no payment's id");
        assertEquals(List.of(), persistence.payments().withoutCommissions(before, Optional.of(bare.get(bare.size() - 1).id()),
                10));
    }

    @Test
    void invoices_without_commissions_are_counted_once_however_many_of_their_payments_lack_lines() {
        JdbcPersistence persistence = database().freshPersistence();
        assertEquals(0, persistence.payments().countInvoicesWithoutCommissions());

        Invoice twoBare = anIssuedInvoice(Money.of(100_000, "GBP"));
        Invoice oneOfTwoBare = anIssuedInvoice(Money.of(100_000, "GBP"));
        Invoice allocated = anIssuedInvoice(Money.of(100_000, "GBP"));
        Invoice unpaid = anIssuedInvoice(Money.of(100_000, "GBP"));
        for (Invoice invoice : List.of(twoBare, oneOfTwoBare, allocated, unpaid)) {
            persistence.invoices().insert(invoice);
        }
        persistence.payments().insert(aPayment(twoBare, Money.of(40_000, "GBP"), aBankReference()));
        persistence.payments().insert(aPayment(twoBare, Money.of(60_000, "GBP"), aBankReference()));
        Payment first = aPayment(oneOfTwoBare, Money.of(40_000, "GBP"), aBankReference());
        persistence.payments().insert(first);
        persistence.commissions().insertAll(theAgencySplitOf(oneOfTwoBare, first, anId()));
        Payment second = aPayment(oneOfTwoBare, Money.of(60_000, "GBP"), aBankReference());
        persistence.payments().insert(new Payment(second.id(), second.invoiceId(), second.amount(), second.receivedOn(),
                second.externalReference(), second.source(), second.recordedBy(), NOW.plus(Duration.ofDays(1))));
        Payment full = aPaymentInFull(allocated);
        persistence.payments().insert(full);
        persistence.commissions().insertAll(theAgencySplitOf(allocated, full, anId()));

        assertEquals(2, persistence.payments().countInvoicesWithoutCommissions(),
                "one per invoice with a payment without lines, whenever it was recorded");
        Payment rest = persistence.payments().byInvoice(twoBare.id()).get(0);
        runAndRollBack(persistence, () -> {
            persistence.commissions().insertAll(theAgencySplitOf(twoBare, rest, anId()));
            assertEquals(2, persistence.payments().countInvoicesWithoutCommissions(), "its other payment has none");
        });
        for (Payment payment : persistence.payments().byInvoice(twoBare.id())) {
            persistence.commissions().insertAll(theAgencySplitOf(twoBare, payment, anId()));
        }
        assertEquals(1, persistence.payments().countInvoicesWithoutCommissions());
    }

    // ---- helpers -----------------------------------------------------------------------------------
    // ---- shared --------------------------------------------------------------------------------------

    /** Runs work in a unit of work that then throws, so that it rolls back. */
    static void runAndRollBack(JdbcPersistence persistence, Runnable work) {
        final class RolledBack extends RuntimeException {
            private static final long serialVersionUID = 1L;
        }
        assertThrows(RolledBack.class, () -> persistence.transactions().inTransaction(() -> {
            work.run();
            throw new RolledBack();
        }));
    }

    static String key() {
        return TYPE + ":" + anId();
    }

    static List<String> ids(List<WorkStep> steps) {
        return steps.stream().map(WorkStep::id).toList();
    }

    static List<String> paymentIds(List<Payment> payments) {
        return payments.stream().map(Payment::id).toList();
    }

    /** A step due at an instant. */
    static WorkStep due(WorkStep s, Instant when) {
        return new WorkStep(s.id(), s.type(), s.dedupKey(), s.payload(), s.status(), s.attempts(), when,
                s.leaseOwner(), s.leaseExpiresAt(), s.lastError(), s.createdAt(), s.updatedAt(), s.version());
    }
}
