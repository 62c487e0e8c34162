package com.breakagency.adapter.sentry;

import com.breakagency.ports.spi.ErrorReport;
import io.sentry.DataCategory;
import io.sentry.Hint;
import io.sentry.IScope;
import io.sentry.Scope;
import io.sentry.SentryClient;
import io.sentry.SentryOptions;
import io.sentry.SentryStackTraceFactory;
import io.sentry.TypeCheckHint;
import io.sentry.clientreport.DiscardReason;
import io.sentry.hints.SubmissionResult;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Break's own Sentry client: its own {@link SentryOptions}, {@link SentryClient} (with its own HTTP
 * transport, queue and sender thread) and root {@link Scope}. Nothing here reads or writes the SDK's
 * static state: {@code Sentry.init} is never called, and a host's own Sentry keeps working as it was.
 *
 * <p>Each report gets a clone of the root scope that carries its user, tags, level, fingerprint and
 * context, so concurrent reports never share per-report data.
 *
 * <p>Every report handed to the client ends in exactly one of three ways, and the lost ones are counted:
 * delivered (Sentry answered 2xx), discarded by the SDK (server error, network error, full queue, rate
 * limit: reported through {@code onDiscard}; sampling is not a loss), or still undelivered when
 * {@link #close()} returns (queued behind a stalled send, say).
 */
final class OwnSentry implements Destination {

    /** After the flush, how long {@link #close()} waits for the sender thread to stop before interrupting it. */
    static final long STOP_GRACE_MILLIS = 100;

    private final SentryClient client;
    private final IScope root;
    private final SentryStackTraceFactory frames;
    private final String host;
    private final Drops drops;
    private final AtomicLong handedOver = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong discarded = new AtomicLong();
    private volatile boolean settled;

    /**
     * Builds the client; starts no thread until the first report.
     *
     * @param config options with a DSN
     * @param drops  where losses are counted
     */
    OwnSentry(SentryReporterOptions config, Drops drops) {
        SentryOptions options = new SentryOptions();
        options.setDsn(config.dsn().orElseThrow());
        options.setEnvironment(config.environment());
        config.release().ifPresent(options::setRelease);
        options.setSampleRate(config.sampleRate());
        // personal data: none beyond the user id Break sets (no IP address, no {{auto}}, no host name).
        // sendDefaultPii stays at its default, false; 8.x deprecates it for dataCollection, which says
        // the same explicitly here: the SDK adds no user information of its own.
        options.getDataCollection().setUserInfo(false);
        options.setAttachServerName(false);
        // what a report carries is the report: no stack of the reporting thread, no thread dump
        options.setAttachStacktrace(false);
        options.setAttachThreads(false);
        options.setSendModules(false);
        // nothing process-wide: these only matter to Sentry.init, set for clarity
        options.setEnableUncaughtExceptionHandler(false);
        options.setEnableShutdownHook(false);
        options.setEnableExternalConfiguration(false);
        options.setConnectionTimeoutMillis(Math.toIntExact(config.connectTimeout().toMillis()));
        options.setReadTimeoutMillis(Math.toIntExact(config.readTimeout().toMillis()));
        options.setMaxQueueSize(config.queueCapacity());
        // close(): wait up to the flush timeout for the queue, then briefly for the sender thread
        options.setShutdownTimeoutMillis(config.flushTimeout().toMillis());
        options.setFlushTimeoutMillis(STOP_GRACE_MILLIS);
        options.setBeforeSend(Scrubber.INSTANCE);
        options.setOnDiscard((reason, category, quantity) -> {
            if (category == DataCategory.Error) {
                discarded(reason, quantity == null ? 1 : quantity);
            }
        });
        this.client = new SentryClient(options);
        this.root = new Scope(options);
        this.frames = new SentryStackTraceFactory(options);
        this.host = config.dsnHost();
        this.drops = drops;
    }

    @Override
    public boolean send(ErrorReport report) {
        IScope scope = root.clone();
        ReportEvents.describe(scope, report);
        client.captureEvent(ReportEvents.event(report, frames), scope, deliveryHint());
        handedOver.incrementAndGet();
        return true;
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            settle();
        }
    }

    /** A hint the SDK's transport marks once the envelope was answered; only success is used. */
    private Hint deliveryHint() {
        Hint hint = new Hint();
        hint.set(TypeCheckHint.SENTRY_TYPE_CHECK_HINT, new SubmissionResult() {
            private volatile boolean success;

            @Override
            public void setResult(boolean result) {
                success = result;
                if (result && !settled) {
                    delivered.incrementAndGet();
                }
            }

            @Override
            public boolean isSuccess() {
                return success;
            }
        });
        return hint;
    }

    private void discarded(DiscardReason reason, long quantity) {
        if (settled) {
            return;
        }
        discarded.addAndGet(quantity);
        if (reason != DiscardReason.SAMPLE_RATE) {
            drops.lost(quantity, reason.getReason());
        }
    }

    /** Counts what was handed over but neither delivered nor discarded by the time the client closed. */
    private void settle() {
        settled = true;
        long undelivered = handedOver.get() - delivered.get() - discarded.get();
        if (undelivered > 0) {
            drops.lost(undelivered, "undelivered_at_close");
        }
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public String describe() {
        return "own client to " + host;
    }
}
