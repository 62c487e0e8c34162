package com.breakagency.ports.spi;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.work.StepStatus;
import com.breakagency.ports.model.work.WorkStep;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Steps of work to run later, queued in the same unit of work as the change that needs them. Every
 * method takes part in the calling thread's unit of work; store failures are thrown as
 * {@link BreakException} PERSISTENCE_UNAVAILABLE. Contract: {@code WorkQueueContract}.
 */
public interface WorkQueue {

    /**
     * Queues a step unless one with its dedup key is active: enqueuing the same key twice yields one
     * step. A step that is DONE no longer blocks its key: it is re-armed in place — it keeps its id, type
     * and createdAt, and takes the new payload, nextAttemptAt and updatedAt, zero attempts, no lease, no
     * last error and a greater version. Of concurrent calls with one key exactly one returns true; the
     * others return false and never throw (at most one step per dedup key, whatever its status: a unique
     * constraint).
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
     * @param afterId the last id of the previous page (it need not still exist or match), or empty
     * @param limit   1 or more; only the last page is shorter
     * @return the steps
     */
    List<WorkStep> list(Optional<StepStatus> status, Optional<String> type, Optional<String> afterId, int limit);

    /**
     * Reads a step.
     *
     * @param id the step's id
     * @return the step, if any
     */
    Optional<WorkStep> findById(String id);

    /**
     * Claims up to {@code max} steps for a worker: PENDING steps due at {@code now}, and RUNNING steps whose
     * lease expired (their worker died). Each claimed step becomes RUNNING under the worker's lease with
     * its attempts increased by one and its version increased. A step is claimed by one worker at a time,
     * however many workers and service instances claim at once (on PostgreSQL: {@code FOR UPDATE SKIP
     * LOCKED} plus the version check). Runs in its own unit of work when called outside one.
     *
     * @param workerId the claiming worker's id
     * @param now      the time, from Break's clock
     * @param lease    how long the claim holds
     * @param max      at most this many, 1 or more
     * @return the claimed steps, as stored after the claim, oldest due first
     */
    List<WorkStep> claimDue(String workerId, Instant now, Duration lease, int max);

    /**
     * Marks a claimed step DONE, if the worker still holds it at that version.
     *
     * @param id       the step
     * @param workerId the worker that claimed it
     * @param version  the version the claim returned
     * @return true if completed; false if the lease was lost (another worker reclaimed the step)
     */
    boolean complete(String id, String workerId, long version);

    /**
     * Records a failed attempt of a claimed step, if the worker still holds it at that version: the step
     * becomes PENDING again, due at {@code nextAttemptAt}, or DEAD when {@code dead} is true.
     *
     * @param id            the step
     * @param workerId      the worker that claimed it
     * @param version       the version the claim returned
     * @param error         the redacted error
     * @param nextAttemptAt when to try again (ignored when dead)
     * @param dead          whether the step is out of attempts
     * @return true if recorded; false if the lease was lost
     */
    boolean fail(String id, String workerId, long version, String error, Instant nextAttemptAt, boolean dead);

    /**
     * Makes a DEAD step PENDING again with zero attempts, due at {@code now}: an administrator's retry.
     *
     * @param id  the step
     * @param now the time
     * @return true if the step was DEAD and is now PENDING
     */
    boolean retry(String id, Instant now);

    /**
     * How many steps there are, per type and status: the queue's depth for diagnostics.
     *
     * @return type → status → count; only non-zero counts
     */
    Map<String, Map<StepStatus, Long>> counts();

    /**
     * The PENDING step that has been due longest.
     *
     * @param now the time
     * @return the step whose {@code nextAttemptAt} is earliest and not after {@code now}
     */
    Optional<WorkStep> oldestDue(Instant now);
}
