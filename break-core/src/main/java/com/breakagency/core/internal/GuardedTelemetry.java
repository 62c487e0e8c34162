package com.breakagency.core.internal;

import com.breakagency.ports.error.Redaction;
import com.breakagency.ports.spi.Telemetry;
import com.breakagency.ports.spi.TelemetryScope;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's {@link Telemetry} behind a guard: whatever it throws is swallowed, so measuring a call never
 * changes its outcome, and said once at WARN on {@value #LOGGER_NAME} (then at DEBUG). Thread-safe.
 */
public final class GuardedTelemetry implements Telemetry {

    /** The logger a failing telemetry is reported on. */
    public static final String LOGGER_NAME = "com.breakagency.telemetry";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

    private final Telemetry delegate;
    private final AtomicBoolean warned = new AtomicBoolean();

    /**
     * Guards a telemetry.
     *
     * @param delegate the host's telemetry
     */
    public GuardedTelemetry(Telemetry delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    private void guard(Consumer<Telemetry> action) {
        try {
            action.accept(delegate);
        } catch (RuntimeException failure) {
            String line = "telemetry " + delegate.getClass().getName() + " failed: " + Redaction.redact(String.valueOf(failure));
            if (warned.compareAndSet(false, true)) {
                LOG.warn(line);
            } else {
                LOG.debug(line);
            }
        }
    }

    @Override
    public void bind(TelemetryScope scope) {
        guard(t -> t.bind(scope));
    }

    @Override
    public void call(String operation, String outcome, Duration duration) {
        guard(t -> t.call(operation, outcome, duration));
    }

    @Override
    public void stepCompleted(String type) {
        guard(t -> t.stepCompleted(type));
    }

    @Override
    public void stepFailed(String type) {
        guard(t -> t.stepFailed(type));
    }

    @Override
    public void stepDead(String type) {
        guard(t -> t.stepDead(type));
    }

    @Override
    public void janitorRan(Duration duration) {
        guard(t -> t.janitorRan(duration));
    }

    @Override
    public void janitorFound(String kind) {
        guard(t -> t.janitorFound(kind));
    }

    @Override
    public void tokenRefresh(String provider, String outcome) {
        guard(t -> t.tokenRefresh(provider, outcome));
    }

    @Override
    public void syncQuotaSpent(String provider, long units) {
        guard(t -> t.syncQuotaSpent(provider, units));
    }

    /**
     * How long since a {@link System#nanoTime()} reading.
     *
     * @param startedNanos the reading
     * @return the time since, never negative
     */
    public static Duration since(long startedNanos) {
        return Duration.ofNanos(Math.max(0, System.nanoTime() - startedNanos));
    }
}
