package com.breakagency.ports.spi;

import java.time.Duration;

/**
 * What Break tells a metrics system about its own work: every driving-port call, every attempt of a queued
 * step, every janitor run, and (through {@link #bind(TelemetryScope)}) a way to read the work queue's depth
 * when a metrics system asks for it. {@code break-micrometer} implements it with Micrometer meters; the
 * default, {@link #NOOP}, does nothing, so core carries no metrics library.
 *
 * <p>Every value Break passes is from a bounded set, so an implementation may use it as a tag: operation names
 * come from Break's policy table ({@link TelemetryScope#operations()}), outcomes are {@link #OK} or an
 * {@code ErrorCode} name, step types are those the agency has handlers for ({@link TelemetryScope#stepTypes()}),
 * janitor finding kinds are the janitor's own constants. Break never passes an id, an address or a free text.
 *
 * <p>Every method has a body that does nothing, so a port gains methods without breaking implementations.
 * Two of them are for integrations: {@link #tokenRefresh(String, String)}, which every OAuth token refresh
 * calls, and {@link #syncQuotaSpent(String, long)}, a hook the mail sync calls once it spends a provider's quota
 * (until then nothing calls it).
 *
 * <p>Implementations must be thread-safe, must return quickly and should not throw: the agency wraps its
 * telemetry so that a failure is logged once and never changes the outcome of the call it measures.
 */
public interface Telemetry {

    /** Does nothing: the default of {@code BreakAgency.builder().telemetry(...)}. */
    Telemetry NOOP = new Telemetry() {
    };

    /** The outcome of a call or a janitor run that succeeded; failures are named by their {@code ErrorCode}. */
    String OK = "OK";

    /**
     * Called once, when the agency is built: the names the agency will report and a way to read its queue.
     *
     * @param scope the agency's bounded names and its queue
     */
    default void bind(TelemetryScope scope) {
    }

    /**
     * One driving-port call finished, after its unit of work ended.
     *
     * @param operation the operation, such as {@code finance.markInvoicePaid}
     * @param outcome   {@link #OK}, or the name of the {@code ErrorCode} the call failed with
     * @param duration  how long the call took, measured on a monotonic clock
     */
    default void call(String operation, String outcome, Duration duration) {
    }

    /**
     * A queued step's attempt completed it.
     *
     * @param type the step's type, such as {@code ENSURE_COMMISSIONS}
     */
    default void stepCompleted(String type) {
    }

    /**
     * A queued step's attempt failed; the step waits for its next attempt.
     *
     * @param type the step's type
     */
    default void stepFailed(String type) {
    }

    /**
     * A queued step's last attempt failed (or its handler gave up): the step is DEAD.
     *
     * @param type the step's type
     */
    default void stepDead(String type) {
    }

    /**
     * A janitor run finished.
     *
     * @param duration how long it took, measured on a monotonic clock
     */
    default void janitorRan(Duration duration) {
    }

    /**
     * A janitor run found a broken state and queued its repair; called once per finding, before
     * {@link #janitorRan(Duration)}.
     *
     * @param kind what it found, such as {@code PAYMENT_WITHOUT_COMMISSIONS}
     */
    default void janitorFound(String kind) {
    }

    /**
     * An OAuth token refresh finished: the provider answered (or, for a connection that never got a refresh
     * token, the grant was found dead without a call).
     *
     * @param provider the provider, a {@code Provider} name such as {@code GOOGLE}
     * @param outcome  {@link #OK}, or the {@code Reason} of the class of failure: {@code REFRESH_TOKEN_REVOKED}
     *                 (permanent), {@code CLIENT_CREDENTIALS_REJECTED} (the operator's client) or
     *                 {@code TOKEN_ENDPOINT_UNAVAILABLE} (transient)
     */
    default void tokenRefresh(String provider, String outcome) {
    }

    /**
     * A hook for integrations: sync spent units of a provider's quota. The mail sync calls it once it exists;
     * nothing calls it yet.
     *
     * @param provider the provider, a {@code Provider} name such as {@code GOOGLE}
     * @param units    how many units, zero or more
     */
    default void syncQuotaSpent(String provider, long units) {
    }
}
