package com.breakagency.core.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A clock whose instants are truncated to the microsecond, as databases keep them, so what a call returns
 * is what a later read returns. ({@code Clock.tick} with a sub-millisecond tick fails in {@code millis()}
 * on Java 17.) Thread-safe when the clock it wraps is.
 */
public final class MicrosecondClock extends Clock {

    private final Clock delegate;

    /**
     * Wraps a clock.
     *
     * @param delegate the clock to read
     */
    public MicrosecondClock(Clock delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public Instant instant() {
        return delegate.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public long millis() {
        return delegate.millis();
    }

    @Override
    public ZoneId getZone() {
        return delegate.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MicrosecondClock(delegate.withZone(zone));
    }
}
