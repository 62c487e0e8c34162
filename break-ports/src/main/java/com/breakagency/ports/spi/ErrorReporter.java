package com.breakagency.ports.spi;

/**
 * Where errors worth a person's attention go: WORKFLOW_BREAK, TOKEN_REFRESH_FAILED,
 * PERSISTENCE_UNAVAILABLE, UNHANDLED_ERROR (the codes whose {@code reported()} is true).
 *
 * <p>The boundary calls {@link #report(ErrorReport)} once per error, after the unit of work that raised it
 * has ended (committed or rolled back), never from inside a transaction. Implementations must be
 * thread-safe, must return quickly (queue and send in the background), and should not throw: a report
 * that cannot be delivered must never fail, slow or change the call that raised it. The boundary logs
 * and discards anything a reporter throws.
 *
 * <p>Break's default reporter writes one line per report through SLF4J; {@link #NOOP} discards them.
 */
public interface ErrorReporter extends AutoCloseable {

    /** Discards every report. */
    ErrorReporter NOOP = report -> { };

    /**
     * Sends one report.
     *
     * @param report the redacted report
     */
    void report(ErrorReport report);

    /**
     * Flushes what is queued, within the implementation's own bound, and releases threads and
     * connections. {@code BreakAgency.close()} calls it. Defaults to doing nothing.
     */
    @Override
    default void close() {
    }
}
