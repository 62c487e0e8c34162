package com.breakagency.ports.spi;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.work.StepStatus;
import com.breakagency.ports.model.work.WorkStep;
import java.util.List;
import java.util.Optional;

/**
 * Steps of work to run later, queued in the same unit of work as the change that needs them. Every
 * method takes part in the calling thread's unit of work; store failures are thrown as
 * {@link BreakException} PERSISTENCE_UNAVAILABLE. Contract: {@code WorkQueueContract}.
 */
public interface WorkQueue {

    /**
     * Queues a step unless one with its dedup key is active: enqueuing the same key twice yields one
     * step. A step that is DONE no longer blocks its key: it is made PENDING again with the new
     * payload, due time and zero attempts.
     *
     * @param step a PENDING step
     * @return true if the step was queued (or a DONE one re-armed), false if an active step has the key
     */
    boolean enqueue(WorkStep step);

    /**
     * Reads the step with a dedup key.
     *
     * @param dedupKey the key
     * @return the step, if any
     */
    Optional<WorkStep> findByDedupKey(String dedupKey);

    /**
     * One keyset page of steps, in ascending id order.
     *
     * @param status  steps in this status, or any
     * @param type    steps of this type, or any
     * @param afterId the last id of the previous page, or empty
     * @param limit   1 or more; only the last page is shorter
     * @return the steps
     */
    List<WorkStep> list(Optional<StepStatus> status, Optional<String> type, Optional<String> afterId, int limit);
}
