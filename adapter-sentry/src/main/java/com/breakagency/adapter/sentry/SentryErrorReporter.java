package com.breakagency.adapter.sentry;

import com.breakagency.ports.spi.ErrorReport;
import com.breakagency.ports.spi.ErrorReporter;
import io.sentry.SentryEvent;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An {@link ErrorReporter} that sends Break's reports to Sentry with the Sentry Java SDK, in one of two
 * modes:
 * <ul>
 *   <li>{@link #create(SentryReporterOptions)}: Break's own client, built from the options Break is given
 *       (DSN, environment, release, sample rate, timeouts). It never calls {@code Sentry.init} and never
 *       touches the SDK's static state, so a host's own Sentry (or none) is left exactly as it was.
 *       Without a DSN the reporter is a no-op.</li>
 *   <li>{@link #usingHostSentry()}: reports go through the Sentry the host has initialized itself, with
 *       the host's DSN and options. Break initializes nothing.</li>
 * </ul>
 *
 * <p>Each report becomes one event: level from the code's severity (ERROR → error, WARN → warning,
 * INFO and DEBUG → info); fingerprint {@code [code, reason]}, or {@code [code, operation]} when the reason is
 * {@code UNSPECIFIED}; tags {@code error.code}, {@code error.reason}, {@code operation},
 * {@code correlation_id}; the user's id and nothing else about the user; the report's metadata as the
 * context {@code break}; the redacted cause chain as the exception, each with its original class name
 * and stack trace. Before it leaves, every free text in the event passes Break's redaction once more.
 *
 * <p>{@link #report(ErrorReport)} only hands the event to the SDK's bounded queue and returns; a sender
 * thread delivers it. A report that cannot be delivered (Sentry down, answering 5xx, refusing or stalling
 * connections, a full queue) never fails, slows or changes the call that raised it: it is counted in
 * {@link #droppedReports()} and the first loss is logged once at WARNING through {@link System.Logger}.
 *
 * <p><b>Reporting each failure once.</b> Break's boundary also logs every failure, at ERROR for the
 * reported codes, on the logger {@value #BOUNDARY_LOGGER_NAME}. A host whose logging sends ERROR lines to
 * Sentry (sentry-logback, sentry-log4j2) would see each failure twice. Keep that logger away from the
 * Sentry appender (for logback: a {@code <logger name="com.breakagency.boundary" additivity="false">}
 * with the host's other appenders), or drop those log events in the host's {@code beforeSend} with
 * {@link #isBoundaryLogEvent(SentryEvent)}. The module's README shows both.
 *
 * <p>Thread-safe.
 */
public final class SentryErrorReporter implements ErrorReporter {

    /**
     * The logger Break's boundary writes failures to; the same value as
     * {@code com.breakagency.core.BreakAgency.BOUNDARY_LOGGER_NAME}, repeated here because adapters do not
     * depend on break-core.
     */
    public static final String BOUNDARY_LOGGER_NAME = "com.breakagency.boundary";

    private final Destination destination;
    private final Drops drops;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SentryErrorReporter(Destination destination, Drops drops) {
        this.destination = destination;
        this.drops = drops;
    }

    /**
     * A reporter with its own, isolated Sentry client; a no-op when the options have no DSN (no network,
     * no thread). Call {@link #close()} when done (Break's {@code BreakAgency.close()} does).
     *
     * @param options the DSN, environment, release, sample rate, timeouts and queue capacity
     * @return the reporter
     */
    public static SentryErrorReporter create(SentryReporterOptions options) {
        Objects.requireNonNull(options, "options");
        Drops drops = new Drops();
        Destination destination = options.enabled() ? new OwnSentry(options, drops) : Destination.Nowhere.INSTANCE;
        return new SentryErrorReporter(destination, drops);
    }

    /**
     * A reporter that sends through the Sentry the host initialized with {@code Sentry.init}, using the
     * host's DSN and options. It initializes nothing; while the host's Sentry is not enabled, reports are
     * counted as dropped. Its {@link #close()} leaves the host's Sentry open.
     *
     * <p>The host's options decide what the SDK adds to every event: Break sets no IP address, but a
     * host with {@code sendDefaultPii=true} gets the SDK's {@code {{auto}}} IP address on Break's events too.
     *
     * @return the reporter
     */
    public static SentryErrorReporter usingHostSentry() {
        return new SentryErrorReporter(new HostSentry(), new Drops());
    }

    /**
     * Whether a Sentry event log line came from Break's boundary logger, for a host whose logging
     * integration also sends ERROR lines to Sentry:
     * {@code options.setBeforeSend((event, hint) -> SentryErrorReporter.isBoundaryLogEvent(event) ? null : event)}.
     *
     * @param event an event about to be sent
     * @return true if the event's logger is {@link #BOUNDARY_LOGGER_NAME}
     */
    public static boolean isBoundaryLogEvent(SentryEvent event) {
        return event != null && BOUNDARY_LOGGER_NAME.equals(event.getLogger());
    }

    /**
     * Queues one report and returns at once; never throws. A report that cannot be handed to the SDK,
     * or arrives after {@link #close()}, is counted in {@link #droppedReports()}.
     *
     * @param report the redacted report
     */
    @Override
    public void report(ErrorReport report) {
        if (report == null) {
            return;
        }
        if (closed.get()) {
            drops.lost(1, "reporter_closed");
            return;
        }
        try {
            if (!destination.send(report)) {
                drops.lost(1, "host_sentry_not_enabled");
            }
        } catch (RuntimeException | LinkageError failure) {
            drops.lost(1, failure.getClass().getName());
        }
    }

    /**
     * Flushes queued reports within the flush timeout, then stops the client's sender thread: returns
     * within {@link SentryReporterOptions#flushTimeout()} plus 100 ms. A send
     * still blocked on a stalled connection ends at the read timeout at the latest. Reports still queued
     * then are counted as dropped. Idempotent; does nothing for {@link #usingHostSentry()} or without a DSN.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                destination.close();
            } catch (RuntimeException | LinkageError failure) {
                drops.closeFailed(failure.getClass().getName());
            }
        }
    }

    /**
     * How many reports never reached Sentry: not accepted by the SDK, refused or failed by the server,
     * dropped because the queue was full or the reporter closed. Reports left out by the sample rate are
     * not counted. With {@link #usingHostSentry()}, only reports that could not be handed to the host's
     * Sentry are counted; what happens after that is the host's to see.
     *
     * @return the count so far
     */
    public long droppedReports() {
        return drops.count();
    }

    /**
     * Whether reports go anywhere: false when created without a DSN.
     *
     * @return true if reports are sent
     */
    public boolean enabled() {
        return destination.enabled();
    }

    /** Names the mode and, for Break's own client, the DSN's host; never its key. */
    @Override
    public String toString() {
        return "SentryErrorReporter[" + destination.describe() + "]";
    }
}
