package com.breakagency.testkit;

import com.breakagency.ports.model.work.StepStatus;
import com.breakagency.ports.model.work.WorkStep;
import com.breakagency.ports.spi.WorkQueue;
import java.util.List;
import java.util.Optional;

/** {@link WorkQueue} in memory: one step per dedup key. Thread-safe. */
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
}
