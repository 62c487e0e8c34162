package com.breakagency.adapter.sentry;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts reports that never reached Sentry and says so once, through {@link System.Logger} (so the
 * adapter needs no logging library): the first loss is logged at WARNING with its reason, later ones are
 * only counted. A reason is an SDK discard reason or an exception's class name, never a message, a DSN
 * or report content. Thread-safe.
 */
final class Drops {

    private static final System.Logger LOG = System.getLogger(SentryErrorReporter.class.getName());

    private final AtomicLong count = new AtomicLong();
    private final AtomicBoolean logged = new AtomicBoolean();

    /**
     * Records lost reports.
     *
     * @param reports how many
     * @param reason  a short reason such as {@code network_error}
     */
    void lost(long reports, String reason) {
        count.addAndGet(reports);
        if (logged.compareAndSet(false, true)) {
            LOG.log(Level.WARNING, "An error report could not be delivered to Sentry ({0}). The call that raised"
                    + " it was not affected; further losses are counted, not logged.", reason);
        }
    }

    /**
     * Says that closing the client failed; queued reports may be lost with it.
     *
     * @param reason the exception's class name
     */
    void closeFailed(String reason) {
        LOG.log(Level.WARNING, "Closing Break's Sentry client failed ({0}); queued error reports may be lost.", reason);
    }

    /**
     * How many reports were lost so far.
     *
     * @return the count
     */
    long count() {
        return count.get();
    }
}
