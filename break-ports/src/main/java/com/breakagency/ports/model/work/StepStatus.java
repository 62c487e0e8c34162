package com.breakagency.ports.model.work;

/** Where a queued step is. */
public enum StepStatus {
    /** Waiting to run at or after its next attempt time. */
    PENDING,
    /** Claimed by a worker under a lease. */
    RUNNING,
    /** Completed. */
    DONE,
    /** Out of attempts; waits for an administrator's retry. */
    DEAD
}
