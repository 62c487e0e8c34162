package com.breakagency.core.recovery;

import com.breakagency.ports.api.recovery.JanitorFinding;
import com.breakagency.ports.context.OperationContext;
import java.time.Instant;
import java.util.List;

/**
 * One kind of broken state the janitor looks for, such as a payment without commission lines that no
 * step is going to allocate. A sweep queues the repair through the work queue's dedup key, so sweeps
 * running at once on several service instances queue it once, and records each finding as an audit
 * event. Thread-safe.
 */
@FunctionalInterface
public interface Sweep {

    /**
     * Looks for broken states older than the grace period and queues their repair.
     *
     * @param context        the system actor and the run's correlation id, for audit events
     * @param runId          the janitor run's id, recorded with each finding
     * @param recordedBefore only states recorded before this instant count (work in flight is not broken)
     * @return what this sweep found and repaired now; a state another janitor repaired first is not in it
     */
    List<JanitorFinding> sweep(OperationContext context, String runId, Instant recordedBefore);
}
