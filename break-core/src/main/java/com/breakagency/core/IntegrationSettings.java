package com.breakagency.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How integrations behave. Immutable; start from {@link #DEFAULT} and change what differs with the withers.
 *
 * @param stateLifetime            how long a connect flow's state is accepted; 1 to 60 minutes
 * @param refreshSkew              an access token is handed out only if valid at least this long, and
 *                                 refreshed ahead of that; 0 to 30 minutes
 * @param transientReportThreshold how many consecutive transient refresh failures pass silently; the next
 *                                 one is reported (once per episode); 0 or more
 * @param refreshBackoff           the wait after a transient refresh failure before the next refresh
 *                                 (exponential, capped, with jitter; its attempts do not apply)
 * @param refreshLockWait          how long a caller waits for another thread's refresh of the same
 *                                 connection before it answers INTEGRATION_UNAVAILABLE; at least one second
 */
public record IntegrationSettings(Duration stateLifetime, Duration refreshSkew, int transientReportThreshold,
                                  Backoff refreshBackoff, Duration refreshLockWait) {

    /** A connect flow's lifetime, by default: 10 minutes. */
    public static final Duration DEFAULT_STATE_LIFETIME = Duration.ofMinutes(10);
    /** The validity an access token must have left, by default: 5 minutes. */
    public static final Duration DEFAULT_REFRESH_SKEW = Duration.ofMinutes(5);
    /** Consecutive transient failures that pass unreported, by default: 3 (the fourth is reported). */
    public static final int DEFAULT_TRANSIENT_REPORT_THRESHOLD = 3;
    /** The wait after a transient refresh failure, by default: 30 s doubling up to 15 minutes, ±20%. */
    public static final Backoff DEFAULT_REFRESH_BACKOFF = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(15),
            Integer.MAX_VALUE, 0.2);
    /** How long a caller waits for a refresh in flight, by default: 30 seconds. */
    public static final Duration DEFAULT_REFRESH_LOCK_WAIT = Duration.ofSeconds(30);

    /** Every default. */
    public static final IntegrationSettings DEFAULT = new IntegrationSettings(DEFAULT_STATE_LIFETIME,
            DEFAULT_REFRESH_SKEW, DEFAULT_TRANSIENT_REPORT_THRESHOLD, DEFAULT_REFRESH_BACKOFF, DEFAULT_REFRESH_LOCK_WAIT);

    /**
     * Validates.
     *
     * @param stateLifetime how long a connect flow's state is accepted; 1 to 60 minutes
     * @param refreshSkew an access token is handed out only if valid at least this long, and
     *        refreshed ahead of that; 0 to 30 minutes
     * @param transientReportThreshold how many consecutive transient refresh failures pass silently; the next
     *        one is reported (once per episode); 0 or more
     * @param refreshBackoff the wait after a transient refresh failure before the next refresh
     *        (exponential, capped, with jitter; its attempts do not apply)
     * @param refreshLockWait how long a caller waits for another thread's refresh of the same
     *        connection before it answers INTEGRATION_UNAVAILABLE; at least one second
     * @throws IllegalArgumentException if a value is outside its documented range
     */
    public IntegrationSettings {
        Objects.requireNonNull(stateLifetime, "stateLifetime");
        Objects.requireNonNull(refreshSkew, "refreshSkew");
        Objects.requireNonNull(refreshBackoff, "refreshBackoff");
        Objects.requireNonNull(refreshLockWait, "refreshLockWait");
        if (stateLifetime.compareTo(Duration.ofMinutes(1)) < 0 || stateLifetime.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("stateLifetime must be 1 to 60 minutes");
        }
        if (refreshSkew.isNegative() || refreshSkew.compareTo(Duration.ofMinutes(30)) > 0) {
            throw new IllegalArgumentException("refreshSkew must be 0 to 30 minutes");
        }
        if (transientReportThreshold < 0) {
            throw new IllegalArgumentException("transientReportThreshold must be 0 or more");
        }
        if (refreshLockWait.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("refreshLockWait must be at least one second");
        }
    }

    /**
     * The same settings with another state lifetime.
     *
     * @param value 1 to 60 minutes
     * @return the settings
     */
    public IntegrationSettings withStateLifetime(Duration value) {
        return new IntegrationSettings(value, refreshSkew, transientReportThreshold, refreshBackoff, refreshLockWait);
    }

    /**
     * The same settings with another refresh skew.
     *
     * @param value 0 to 30 minutes
     * @return the settings
     */
    public IntegrationSettings withRefreshSkew(Duration value) {
        return new IntegrationSettings(stateLifetime, value, transientReportThreshold, refreshBackoff, refreshLockWait);
    }

    /**
     * The same settings with another report threshold for transient failures.
     *
     * @param value 0 or more
     * @return the settings
     */
    public IntegrationSettings withTransientReportThreshold(int value) {
        return new IntegrationSettings(stateLifetime, refreshSkew, value, refreshBackoff, refreshLockWait);
    }

    /**
     * The same settings with another backoff after transient failures.
     *
     * @param value the backoff
     * @return the settings
     */
    public IntegrationSettings withRefreshBackoff(Backoff value) {
        return new IntegrationSettings(stateLifetime, refreshSkew, transientReportThreshold, value, refreshLockWait);
    }
}
