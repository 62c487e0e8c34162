package com.breakagency.core.internal;

import com.breakagency.ports.spi.QueueSnapshot;
import com.breakagency.ports.spi.TelemetryScope;
import com.breakagency.ports.spi.Transactions;
import com.breakagency.ports.spi.WorkQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What an agency hands its telemetry: its operations, its step types and a read of its work queue.
 *
 * @param operations   the policy table's operation names
 * @param stepTypes    the types the agency has handlers for
 * @param workQueue    the queue
 * @param transactions the units of work the queue takes part in
 * @param clock        the time the queue's ages are measured against
 */
public record AgencyTelemetryScope(Set<String> operations, Set<String> stepTypes, WorkQueue workQueue,
                                   Transactions transactions, Clock clock) implements TelemetryScope {

    /** Checks presence and copies. */
    public AgencyTelemetryScope {
        operations = Set.copyOf(operations);
        stepTypes = Set.copyOf(stepTypes);
        Objects.requireNonNull(workQueue, "workQueue");
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(clock, "clock");
    }

    @Override
    public QueueSnapshot queue() {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            return new QueueSnapshot(workQueue.counts(),
                    workQueue.oldestDue(now).map(step -> Duration.between(step.nextAttemptAt(), now)), now);
        });
    }
}
