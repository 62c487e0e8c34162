package com.breakagency.core.recovery;

import com.breakagency.core.BreakAgencyBuilder;
import com.breakagency.core.Backoff;
import java.time.Duration;
import java.util.Objects;

/**
 * The background worker's settings, as {@code BreakAgencyBuilder} collected and validated them.
 *
 * @param workerThreads      how many threads poll the queue after {@code start()}
 * @param pollInterval       how long a worker thread waits after finding nothing due
 * @param lease              how long a claim on a step holds; a step whose worker died is taken over after it
 * @param backoff            delays between attempts, and how many attempts a step gets
 * @param janitorInterval    how often the janitor sweeps after {@code start()}
 * @param janitorGracePeriod how old a broken state must be before the janitor repairs it
 * @param workerId           the id this agency's claims are made under
 * @param shutdownTimeout    how long {@code close()} waits for running steps to finish
 */
public record RecoverySettings(int workerThreads, Duration pollInterval, Duration lease, Backoff backoff,
                               Duration janitorInterval, Duration janitorGracePeriod, String workerId,
                               Duration shutdownTimeout) {

    /** Checks presence. */
    public RecoverySettings {
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(janitorInterval, "janitorInterval");
        Objects.requireNonNull(janitorGracePeriod, "janitorGracePeriod");
        Objects.requireNonNull(workerId, "workerId");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
    }
}
