package com.breakagency.adapter.jdbc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A bounded wait for something the test cannot be told about, such as a count in the database reaching
 * a value: a scheduled check every so often, and a latch the test waits on with a deadline. No thread
 * sleeps.
 */
final class Await {

    private Await() {
    }

    /**
     * Waits until the condition holds, checking it every {@code every}, for at most {@code deadline}.
     *
     * @param what     what is awaited, for the failure message (read when the wait fails)
     * @param deadline how long to wait at most
     * @param every    how often to check
     * @param holds    the check; an exception from it ends the wait and is rethrown
     * @throws AssertionError if the deadline passes first
     */
    static void until(Supplier<String> what, Duration deadline, Duration every, Callable<Boolean> holds)
            throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Exception> failure = new AtomicReference<>();
        ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor();
        try {
            checker.scheduleWithFixedDelay(() -> {
                try {
                    if (holds.call()) {
                        done.countDown();
                    }
                } catch (Exception e) {
                    failure.set(e);
                    done.countDown();
                }
            }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
            boolean held = done.await(deadline.toMillis(), TimeUnit.MILLISECONDS);
            checker.shutdownNow();
            assertTrue(checker.awaitTermination(10, TimeUnit.SECONDS), "the checker stopped");
            if (failure.get() != null) {
                throw failure.get();
            }
            assertTrue(held, () -> what.get() + ", still not so after " + deadline);
        } finally {
            checker.shutdownNow();
        }
    }
}
