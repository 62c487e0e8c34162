package com.breakagency.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {

    /** A generator that always answers the same fraction, to pin the jitter to an end of its range. */
    private static RandomGenerator always(double fraction) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public double nextDouble() {
                return fraction;
            }
        };
    }

    @Test
    void the_defaults_are_ten_seconds_doubling_to_an_hour_eight_attempts_twenty_percent() {
        assertEquals(new Backoff(Duration.ofSeconds(10), Duration.ofHours(1), 8, 0.2), Backoff.DEFAULT);
    }

    @Test
    void nominal_delays_double_from_the_base_until_the_cap_and_then_stay_there() {
        Backoff backoff = Backoff.DEFAULT;
        List<Duration> delays = new ArrayList<>();
        for (int attempt = 1; attempt <= 12; attempt++) {
            delays.add(backoff.nominalDelay(attempt));
        }
        assertEquals(List.of(10L, 20L, 40L, 80L, 160L, 320L, 640L, 1280L, 2560L, 3600L, 3600L, 3600L),
                delays.stream().map(Duration::toSeconds).toList());
        assertEquals(Duration.ofHours(1), backoff.nominalDelay(Integer.MAX_VALUE), "no overflow, however many attempts");
    }

    @Test
    void jitter_stays_within_twenty_percent_either_way_and_never_above_the_cap() {
        Backoff backoff = Backoff.DEFAULT;
        Random random = new Random(7);
        for (int attempt = 1; attempt <= 12; attempt++) {
            Duration nominal = backoff.nominalDelay(attempt);
            long low = (long) (nominal.toNanos() * 0.8);
            long high = Math.min((long) (nominal.toNanos() * 1.2), backoff.cap().toNanos());
            boolean sawBelow = false;
            boolean sawAbove = false;
            for (int sample = 0; sample < 2_000; sample++) {
                long delay = backoff.delay(attempt, random).toNanos();
                assertTrue(delay >= low && delay <= high, "attempt " + attempt + ": " + delay + " ns");
                sawBelow |= delay < nominal.toNanos();
                sawAbove |= delay > nominal.toNanos();
            }
            assertTrue(sawBelow, "the jitter moves delays down as well");
            assertTrue(sawAbove || nominal.equals(backoff.cap()), "and up, below the cap");
        }
    }

    @Test
    void the_ends_of_the_jitter_range_are_exactly_plus_and_minus_twenty_percent() {
        Backoff backoff = Backoff.DEFAULT;
        assertEquals(Duration.ofSeconds(8), backoff.delay(1, always(0.0)));
        assertEquals(Duration.ofSeconds(12), backoff.delay(1, always(1.0)));
        assertEquals(Duration.ofSeconds(32), backoff.delay(3, always(0.0)));
        assertEquals(Duration.ofHours(1), backoff.delay(20, always(1.0)), "capped");
        assertEquals(Duration.ofMinutes(48), backoff.delay(20, always(0.0)));
    }

    @Test
    void without_jitter_the_delay_is_the_nominal_one() {
        Backoff exact = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5), 3, 0);
        assertEquals(List.of(1L, 2L, 4L, 5L), List.of(1, 2, 3, 4).stream()
                .map(n -> exact.delay(n, new Random()).toSeconds()).toList());
    }

    @Test
    void retries_under_a_clock_come_later_and_later_until_the_attempts_run_out() {
        TestClock clock = new TestClock();
        Backoff backoff = Backoff.DEFAULT;
        Random random = new Random(11);
        List<Instant> attempts = new ArrayList<>();
        Duration previousDelay = Duration.ZERO;
        int attempt = 1;
        for (; !backoff.exhausted(attempt); attempt++) {
            attempts.add(clock.instant());
            Duration delay = backoff.delay(attempt, random);
            assertTrue(delay.compareTo(previousDelay) > 0, "each wait is longer than the one before");
            previousDelay = delay;
            clock.advance(delay);
        }
        attempts.add(clock.instant());
        assertEquals(8, attempt, "the eighth attempt is the last");
        assertEquals(8, attempts.size());
        Duration span = Duration.between(attempts.get(0), attempts.get(7));
        assertTrue(span.compareTo(Duration.ofSeconds(1016)) >= 0 && span.compareTo(Duration.ofSeconds(1524)) <= 0,
                "the first and the last attempt are about 21 minutes apart: " + span);
    }

    @Test
    void exhausted_from_the_last_attempt_on() {
        Backoff three = Backoff.DEFAULT.withMaxAttempts(3);
        assertFalse(three.exhausted(1));
        assertFalse(three.exhausted(2));
        assertTrue(three.exhausted(3));
        assertTrue(three.exhausted(4));
        assertTrue(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 0).exhausted(1), "one attempt only");
    }

    @Test
    void out_of_range_values_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofHours(1), 8, 0.2));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1), 8, 0.2));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(1), Duration.ofDays(366), 8, 0.2));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(1), Duration.ofHours(1), 0, 0.2));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(1), Duration.ofHours(1), 8, 0.6));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(1), Duration.ofHours(1), 8, -0.1));
        assertThrows(IllegalArgumentException.class, () -> Backoff.DEFAULT.nominalDelay(0));
    }
}
