package com.breakagency.ports.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Redaction runs on every logged message, so its time must grow linearly with its input and its stack
 * not at all: a megabyte of the worst repetitions takes about as long as a hundred ten-kilobyte texts.
 */
class RedactionLinearityTest {

    private static final int SMALL = 10_000;
    private static final int LARGE = 1_000_000;

    /** The best of a few runs, which hides a garbage collection or a compilation that happens to fall in one. */
    private static long bestNanos(Runnable work) {
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long started = System.nanoTime();
            work.run();
            best = Math.min(best, System.nanoTime() - started);
        }
        return best;
    }

    @ParameterizedTest(name = "\"{0}\" repeated")
    @ValueSource(strings = {"a@b.", ".c", "a@", "%40a", "=", "\"token\": \"", "token=\\\"", "token ", "Bearer ",
            "a", "a1", "eyJ-", "eyJa.", "ya29.", "1//", "sk_live_", "AB12 ", "GB82WEST", "x-api-key: '", "\n"})
    void a_megabyte_of_a_repetition_takes_linear_time(String unit) {
        String small = unit.repeat(SMALL / unit.length());
        String large = unit.repeat(LARGE / unit.length());
        int batch = LARGE / SMALL;
        for (int warm = 0; warm < 3; warm++) {
            Redaction.scan(small);
        }

        long smallBatch = bestNanos(() -> {
            for (int k = 0; k < batch; k++) {
                Redaction.scan(small);
            }
        });
        long once = bestNanos(() -> Redaction.scan(large));

        // linear: about 1; quadratic would be about 100. Generous, for a busy machine.
        double ratio = (double) once / Math.max(1, smallBatch);
        assertTrue(ratio < 10, () -> "1 MB took " + once / 1_000_000 + " ms, 100 x 10 KB took "
                + smallBatch / 1_000_000 + " ms");
        assertTrue(Redaction.redact(large).length() <= Redaction.MAX_LENGTH);
    }

    @Test
    void the_user_id_from_the_issue_does_not_overflow_the_stack_even_on_a_small_one() throws Exception {
        String userId = "a@b" + ".c".repeat(30_000);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<String> result = new AtomicReference<>();
        Thread small = new Thread(null, () -> {
            try {
                result.set(Redaction.redact(userId));
                Redaction.redact(new IllegalStateException(userId + " jane@brand.com"));
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "small-stack", 64 * 1024);
        small.start();
        small.join(60_000);

        assertNull(failure.get());
        assertTrue(result.get().length() <= Redaction.MAX_LENGTH);
    }

    @Test
    void a_deep_cause_chain_is_cut_instead_of_overflowing_the_stack() {
        Throwable chain = new IllegalStateException("root jane@brand.com");
        for (int k = 0; k < 100_000; k++) {
            chain = new RuntimeException("level " + k, chain);
        }

        RedactedThrowable redacted = Redaction.redact(chain);

        int depth = 0;
        for (Throwable t = redacted; t != null; t = t.getCause()) {
            depth++;
        }
        assertEquals(64, depth);
    }
}
