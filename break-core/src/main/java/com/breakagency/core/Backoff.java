package com.breakagency.core;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long a failed step waits before its next attempt, and how many attempts it gets: exponential
 * backoff with a cap and bounded jitter, as a named value that can be tried alone.
 *
 * <p>The delay after attempt {@code n} (1 for the first) is {@code base × 2^(n−1)}, at most {@code cap},
 * moved by a random fraction of itself within {@code ±jitter} and never above {@code cap}: with the
 * defaults 10 s, 20 s, 40 s … up to one hour, each ±20%. The jitter spreads the retries of steps that
 * failed together (say, while the database was away), so they do not all come back at once. After
 * attempt {@code maxAttempts} fails, the step is DEAD.
 *
 * <p>Immutable and thread-safe; the random generator is the caller's, so tests can fix it.
 *
 * @param base        the delay after the first failed attempt; more than zero
 * @param cap         the longest delay; at least {@code base}, at most 365 days
 * @param maxAttempts how many attempts a step gets before it is DEAD; 1 or more
 * @param jitter      the largest fraction a delay moves either way, 0 (none) to 0.5
 */
public record Backoff(Duration base, Duration cap, int maxAttempts, double jitter) {

    /** The delay after the first failed attempt, by default: 10 seconds. */
    public static final Duration DEFAULT_BASE = Duration.ofSeconds(10);
    /** The longest delay, by default: one hour. */
    public static final Duration DEFAULT_CAP = Duration.ofHours(1);
    /** How many attempts a step gets, by default: 8 (the last one about 21 minutes after the first). */
    public static final int DEFAULT_MAX_ATTEMPTS = 8;
    /** How far a delay moves either way, by default: 20%. */
    public static final double DEFAULT_JITTER = 0.2;
    private static final Duration MAX_CAP = Duration.ofDays(365);

    /** The default policy: {@link #DEFAULT_BASE}, {@link #DEFAULT_CAP}, {@link #DEFAULT_MAX_ATTEMPTS}, {@link #DEFAULT_JITTER}. */
    public static final Backoff DEFAULT = new Backoff(DEFAULT_BASE, DEFAULT_CAP, DEFAULT_MAX_ATTEMPTS, DEFAULT_JITTER);

    /**
     * Validates.
     *
     * @param base the delay after the first failed attempt; more than zero
     * @param cap the longest delay; at least {@code base}, at most 365 days
     * @param maxAttempts how many attempts a step gets before it is DEAD; 1 or more
     * @param jitter the largest fraction a delay moves either way, 0 (none) to 0.5
     * @throws NullPointerException     if the base or cap is null
     * @throws IllegalArgumentException if a value is outside its documented range, naming it
     */
    public Backoff {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        if (base.isNegative() || base.isZero()) {
            throw new IllegalArgumentException("base must be more than zero");
        }
        if (cap.compareTo(base) < 0 || cap.compareTo(MAX_CAP) > 0) {
            throw new IllegalArgumentException("cap must be at least base and at most 365 days");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be 1 or more");
        }
        if (!(jitter >= 0 && jitter <= 0.5)) {
            throw new IllegalArgumentException("jitter must be between 0 and 0.5");
        }
    }

    /**
     * The same policy with other limits of attempts.
     *
     * @param attempts 1 or more
     * @return the policy
     * @throws IllegalArgumentException if attempts is less than 1
     */
    public Backoff withMaxAttempts(int attempts) {
        return new Backoff(base, cap, attempts, jitter);
    }

    /**
     * The delay after a failed attempt, before jitter: {@code base × 2^(attempt−1)}, at most {@code cap}.
     *
     * @param attempt the attempt that failed, 1 for the first
     * @return the delay
     * @throws IllegalArgumentException if the attempt is less than 1
     */
    public Duration nominalDelay(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be 1 or more: attempts count from 1");
        }
        Duration delay = base;
        for (int doubling = 1; doubling < attempt && delay.compareTo(cap) < 0; doubling++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(cap) > 0 ? cap : delay;
    }

    /**
     * The delay after a failed attempt: the nominal delay moved by a random fraction within
     * {@code ±jitter}, never above {@code cap}.
     *
     * @param attempt the attempt that failed, 1 for the first
     * @param random  where the jitter comes from
     * @return the delay, between {@code nominal × (1 − jitter)} and {@code min(nominal × (1 + jitter), cap)}
     * @throws NullPointerException     if the generator is null
     * @throws IllegalArgumentException if the attempt is less than 1
     */
    public Duration delay(int attempt, RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        Duration nominal = nominalDelay(attempt);
        if (jitter == 0) {
            return nominal;
        }
        double factor = 1 + jitter * (2 * random.nextDouble() - 1);
        long nanos = (long) (nominal.toNanos() * factor);
        Duration jittered = Duration.ofNanos(nanos);
        return jittered.compareTo(cap) > 0 ? cap : jittered;
    }

    /**
     * Whether a step that failed this attempt is out of attempts.
     *
     * @param attempt the attempt that failed, 1 for the first
     * @return true when it was the last one
     */
    public boolean exhausted(int attempt) {
        return attempt >= maxAttempts;
    }
}
