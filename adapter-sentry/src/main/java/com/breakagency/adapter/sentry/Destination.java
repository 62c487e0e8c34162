package com.breakagency.adapter.sentry;

import com.breakagency.ports.spi.ErrorReport;

/** Where a {@link SentryErrorReporter} sends: its own client, the host's Sentry, or nowhere. */
sealed interface Destination permits OwnSentry, HostSentry, Destination.Nowhere {

    /**
     * Hands one report to the SDK, which sends it in the background.
     *
     * @param report the report
     * @return false if the report could not even be handed over (and so is lost)
     */
    boolean send(ErrorReport report);

    /** Flushes within the destination's bound and stops its threads; idempotent. */
    void close();

    /**
     * Whether reports go anywhere.
     *
     * @return false for {@link Nowhere}
     */
    boolean enabled();

    /**
     * Said in {@code toString()}: never a DSN key.
     *
     * @return a short description
     */
    String describe();

    /** No DSN: every report is discarded on purpose (and not counted as lost). */
    enum Nowhere implements Destination {
        /** The one instance. */
        INSTANCE;

        @Override
        public boolean send(ErrorReport report) {
            return true;
        }

        @Override
        public void close() {
        }

        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public String describe() {
            return "disabled (no DSN)";
        }
    }
}
