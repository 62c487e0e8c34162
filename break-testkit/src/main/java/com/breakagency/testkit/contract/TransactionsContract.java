package com.breakagency.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.ports.spi.Transactions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every promise of the {@link Transactions} port. An adapter's test extends this class and supplies the
 * transactions plus a tiny probe store that takes part in them: {@link #write(String)} and
 * {@link #exists(String)}.
 */
public abstract class TransactionsContract {

    private ExecutorService threads;

    /**
     * The transactions under test; a fresh, empty store per test.
     *
     * @return the transactions
     */
    protected abstract Transactions transactions();

    /**
     * Writes a marker through a store that takes part in the calling thread's unit of work (or commits
     * on its own outside one).
     *
     * @param key the marker
     */
    protected abstract void write(String key);

    /**
     * Reads a marker through the same store, in the calling thread's unit of work if one runs.
     *
     * @param key the marker
     * @return true if visible to this thread
     */
    protected abstract boolean exists(String key);

    @BeforeEach
    void startThreads() {
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void work_that_returns_is_committed_and_its_result_returned() {
        String result = transactions().inTransaction(() -> {
            write("committed");
            return "done";
        });
        assertEquals("done", result);
        assertTrue(exists("committed"));
    }

    @Test
    void work_that_throws_leaves_no_trace_and_the_same_exception_escapes() {
        IllegalStateException failure = new IllegalStateException("step two failed");
        IllegalStateException escaped = assertThrows(IllegalStateException.class,
                () -> transactions().inTransaction(() -> {
                    write("first-write");
                    write("second-write");
                    throw failure;
                }));
        assertSame(failure, escaped);
        assertFalse(exists("first-write"));
        assertFalse(exists("second-write"));
    }

    @Test
    void a_nested_unit_of_work_joins_the_outer_one_and_rolls_back_with_it() {
        assertThrows(IllegalStateException.class, () -> transactions().inTransaction(() -> {
            transactions().inTransaction(() -> {
                write("inner");
                return null;
            });
            assertTrue(exists("inner"), "the outer unit of work sees the inner write");
            throw new IllegalStateException("outer fails after the inner returned");
        }));
        assertFalse(exists("inner"));
    }

    @Test
    void after_commit_callbacks_run_after_the_commit_in_order() {
        List<String> seen = new ArrayList<>();
        transactions().inTransaction(() -> {
            write("k");
            transactions().afterCommit(() -> seen.add("first:active=" + transactions().isActive()));
            transactions().afterCommit(() -> seen.add("second:visible=" + exists("k")));
            assertTrue(seen.isEmpty(), "nothing runs before the commit");
            return null;
        });
        assertEquals(List.of("first:active=false", "second:visible=true"), seen);
    }

    @Test
    void after_commit_callbacks_never_run_after_a_rollback() {
        List<String> seen = new ArrayList<>();
        assertThrows(IllegalStateException.class, () -> transactions().inTransaction(() -> {
            transactions().afterCommit(() -> seen.add("ran"));
            throw new IllegalStateException("rolled back");
        }));
        assertTrue(seen.isEmpty());
    }

    @Test
    void a_failing_callback_does_not_stop_the_others_and_the_data_stays_committed() {
        List<String> seen = new ArrayList<>();
        IllegalStateException escaped = assertThrows(IllegalStateException.class,
                () -> transactions().inTransaction(() -> {
                    write("kept");
                    transactions().afterCommit(() -> {
                        throw new IllegalStateException("callback one");
                    });
                    transactions().afterCommit(() -> seen.add("two"));
                    return null;
                }));
        assertEquals("callback one", escaped.getMessage());
        assertEquals(List.of("two"), seen);
        assertTrue(exists("kept"));
    }

    @Test
    void after_commit_outside_a_unit_of_work_is_refused() {
        assertFalse(transactions().isActive());
        assertThrows(IllegalStateException.class, () -> transactions().afterCommit(() -> { }));
    }

    @Test
    void is_active_only_inside_a_unit_of_work() {
        assertFalse(transactions().isActive());
        assertTrue(transactions().inTransaction(() -> transactions().isActive()));
        assertFalse(transactions().isActive());
    }

    @Test
    void another_thread_never_sees_an_uncommitted_write() throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch readerStarted = new CountDownLatch(1);
        Future<?> writer = threads.submit(() -> assertThrows(IllegalStateException.class,
                () -> transactions().inTransaction(() -> {
                    write("uncommitted");
                    written.countDown();
                    await(readerStarted);
                    throw new IllegalStateException("roll back");
                })));
        await(written);
        Future<Boolean> reader = threads.submit(() -> {
            readerStarted.countDown();
            return transactions().inTransaction(() -> exists("uncommitted"));
        });
        assertFalse(reader.get(30, TimeUnit.SECONDS), "a reader saw another unit of work's uncommitted write");
        writer.get(30, TimeUnit.SECONDS);
        assertFalse(exists("uncommitted"));
    }

    @Test
    void concurrent_units_of_work_both_commit_their_own_writes() throws Exception {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            String prefix = "t" + t + "-";
            done.add(threads.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    String key = prefix + i;
                    transactions().inTransaction(() -> {
                        write(key);
                        return null;
                    });
                }
            }));
        }
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        for (int t = 0; t < 2; t++) {
            for (int i = 0; i < 50; i++) {
                assertTrue(exists("t" + t + "-" + i));
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out waiting for the other thread");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
