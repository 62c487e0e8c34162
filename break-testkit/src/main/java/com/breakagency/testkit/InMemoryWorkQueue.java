package com.breakagency.testkit;

import com.breakagency.ports.model.work.StepStatus;
import com.breakagency.ports.model.work.WorkStep;
import com.breakagency.ports.spi.WorkQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link WorkQueue} in memory: one step per dedup key; claims, completions and failures check the lease
 * holder and version like the relational queue. Thread-safe.
 */
public final class InMemoryWorkQueue implements WorkQueue {

    private final InMemoryTransactions transactions;
    private final TransactionalMap<String, WorkStep> byDedupKey;

    /**
     * An empty queue.
     *
     * @param transactions the units of work it takes part in
     */
    public InMemoryWorkQueue(InMemoryTransactions transactions) {
        this.transactions = transactions;
        this.byDedupKey = new TransactionalMap<>(transactions);
    }

    @Override
    public boolean enqueue(WorkStep step) {
        if (step.status() != StepStatus.PENDING) {
            throw new IllegalArgumentException("a step is queued PENDING");
        }
        return transactions.inTransaction(() -> {
            Optional<WorkStep> existing = byDedupKey.get(step.dedupKey());
            if (existing.isEmpty()) {
                byDedupKey.put(step.dedupKey(), step);
                return true;
            }
            WorkStep done = existing.get();
            if (done.status() != StepStatus.DONE) {
                return false;
            }
            byDedupKey.put(step.dedupKey(), new WorkStep(done.id(), step.type(), step.dedupKey(), step.payload(),
                    StepStatus.PENDING, 0, step.nextAttemptAt(), Optional.empty(), Optional.empty(), Optional.empty(),
                    done.createdAt(), step.updatedAt(), done.version() + 1));
            return true;
        });
    }

    /**
     * Replaces a queued step with a later state of it (same id and dedup key), in any status: what a
     * worker's claim, completion or failure leaves behind. For tests, until the {@link WorkQueue} port has
     * those operations; takes part in the calling thread's unit of work.
     *
     * @param step the step's new state
     * @throws IllegalArgumentException if no queued step has its id and dedup key
     */
    public void replace(WorkStep step) {
        transactions.inTransaction(() -> {
            byDedupKey.get(step.dedupKey()).filter(stored -> stored.id().equals(step.id()))
                    .orElseThrow(() -> new IllegalArgumentException("no queued step has that id and dedup key"));
            byDedupKey.put(step.dedupKey(), step);
            return null;
        });
    }

    @Override
    public Optional<WorkStep> findByDedupKey(String dedupKey) {
        return byDedupKey.get(dedupKey);
    }

    @Override
    public List<WorkStep> list(Optional<StepStatus> status, Optional<String> type, Optional<String> afterId, int limit) {
        return Keyset.ascendingAfter(byDedupKey.values(s -> status.map(x -> x == s.status()).orElse(true)
                && type.map(s.type()::equals).orElse(true)), WorkStep::id, afterId, limit);
    }

    @Override
    public Optional<WorkStep> findById(String id) {
        return transactions.inTransaction(() -> byDedupKey.values(s -> s.id().equals(id)).stream().findFirst());
    }

    @Override
    public List<WorkStep> claimDue(String workerId, Instant now, Duration lease, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be 1 or more");
        }
        return transactions.inTransaction(() -> {
            List<WorkStep> due = byDedupKey.values(s -> (s.status() == StepStatus.PENDING && !s.nextAttemptAt().isAfter(now))
                    || (s.status() == StepStatus.RUNNING && s.leaseExpiresAt().map(e -> !e.isAfter(now)).orElse(true)));
            due.sort(Comparator.comparing(WorkStep::nextAttemptAt).thenComparing(WorkStep::id));
            List<WorkStep> claimed = new ArrayList<>();
            for (WorkStep step : due.subList(0, Math.min(max, due.size()))) {
                WorkStep running = new WorkStep(step.id(), step.type(), step.dedupKey(), step.payload(), StepStatus.RUNNING,
                        step.attempts() + 1, step.nextAttemptAt(), Optional.of(workerId), Optional.of(now.plus(lease)),
                        step.lastError(), step.createdAt(), now, step.version() + 1);
                byDedupKey.put(step.dedupKey(), running);
                claimed.add(running);
            }
            return claimed;
        });
    }

    private Optional<WorkStep> held(String id, String workerId, long version) {
        return byDedupKey.values(s -> s.id().equals(id)).stream()
                .filter(s -> s.status() == StepStatus.RUNNING && s.version() == version
                        && s.leaseOwner().equals(Optional.of(workerId)))
                .findFirst();
    }

    @Override
    public boolean complete(String id, String workerId, long version) {
        return transactions.inTransaction(() -> held(id, workerId, version).map(s -> {
            byDedupKey.put(s.dedupKey(), new WorkStep(s.id(), s.type(), s.dedupKey(), s.payload(), StepStatus.DONE,
                    s.attempts(), s.nextAttemptAt(), Optional.empty(), Optional.empty(), s.lastError(), s.createdAt(),
                    s.updatedAt(), s.version() + 1));
            return true;
        }).orElse(false));
    }

    @Override
    public boolean fail(String id, String workerId, long version, String error, Instant nextAttemptAt, boolean dead) {
        return transactions.inTransaction(() -> held(id, workerId, version).map(s -> {
            byDedupKey.put(s.dedupKey(), new WorkStep(s.id(), s.type(), s.dedupKey(), s.payload(),
                    dead ? StepStatus.DEAD : StepStatus.PENDING, s.attempts(), dead ? s.nextAttemptAt() : nextAttemptAt,
                    Optional.empty(), Optional.empty(), Optional.of(error), s.createdAt(), s.updatedAt(), s.version() + 1));
            return true;
        }).orElse(false));
    }

    @Override
    public boolean retry(String id, Instant now) {
        return transactions.inTransaction(() -> byDedupKey.values(s -> s.id().equals(id) && s.status() == StepStatus.DEAD)
                .stream().findFirst().map(s -> {
                    byDedupKey.put(s.dedupKey(), new WorkStep(s.id(), s.type(), s.dedupKey(), s.payload(),
                            StepStatus.PENDING, 0, now, Optional.empty(), Optional.empty(), s.lastError(), s.createdAt(),
                            now, s.version() + 1));
                    return true;
                }).orElse(false));
    }

    @Override
    public Map<String, Map<StepStatus, Long>> counts() {
        return transactions.inTransaction(() -> {
            Map<String, Map<StepStatus, Long>> counts = new TreeMap<>();
            for (WorkStep step : byDedupKey.values(s -> true)) {
                counts.computeIfAbsent(step.type(), t -> new TreeMap<>()).merge(step.status(), 1L, Long::sum);
            }
            return counts;
        });
    }

    @Override
    public Optional<WorkStep> oldestDue(Instant now) {
        return byDedupKey.values(s -> s.status() == StepStatus.PENDING && !s.nextAttemptAt().isAfter(now)).stream()
                .min(Comparator.comparing(WorkStep::nextAttemptAt).thenComparing(WorkStep::id));
    }
}
