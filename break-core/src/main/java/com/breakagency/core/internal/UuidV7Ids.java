package com.breakagency.core.internal;

import com.breakagency.ports.spi.IdGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * UUID version 7 ids (RFC 9562): 48 bits of Unix milliseconds from the clock, then a 12-bit sequence
 * that keeps ids from one generator strictly increasing within a millisecond, then 62 random bits.
 * As lower-case strings they sort in creation order. Thread-safe.
 */
public final class UuidV7Ids implements IdGenerator {

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong lastTimeAndSequence = new AtomicLong();

    /**
     * A generator on a clock.
     *
     * @param clock where the milliseconds come from
     */
    public UuidV7Ids(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String nextId() {
        long now = clock.millis() << 12;
        long timeAndSequence = lastTimeAndSequence.updateAndGet(last -> Math.max(last + 1, now));
        long millis = timeAndSequence >>> 12;
        long sequence = timeAndSequence & 0xFFF;
        long msb = (millis << 16) | 0x7000L | sequence;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
