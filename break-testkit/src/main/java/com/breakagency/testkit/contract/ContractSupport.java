package com.breakagency.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.spi.Transactions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.junit.jupiter.api.function.Executable;

/** Assertions and drivers the store contracts share: error shapes, paging, races, rollbacks. */
final class ContractSupport {

    /** How often a race runs, each time on fresh records, so that the threads really overlap at least once. */
    static final int RACE_ROUNDS = 10;

    private static final long WAIT_SECONDS = 30;
    private static final int MAX_PAGES = 10_000;

    private ContractSupport() {
    }

    /** One keyset page of some listing. */
    @FunctionalInterface
    interface Pager<T> {
        List<T> page(Optional<String> cursor, int limit);
    }

    /** Thrown by work that must roll back. */
    static final class Abort extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Abort() {
            super("the unit of work gives up");
        }
    }

    static BreakException assertBreak(ErrorCode code, String reason, Executable call) {
        BreakException e = assertThrows(BreakException.class, call);
        assertEquals(code, e.code(), () -> "code of " + e);
        if (reason != null) {
            assertEquals(reason, e.reason(), () -> "reason of " + e);
        }
        return e;
    }

    static void assertAlreadyExists(String field, Executable call) {
        BreakException e = assertBreak(ErrorCode.CONFLICT, Reason.ALREADY_EXISTS, call);
        assertEquals(field, e.metadata().get("field"), () -> "the metadata 'field' of " + e);
    }

    static void assertVersionMismatch(Executable call) {
        assertBreak(ErrorCode.CONFLICT, Reason.VERSION_MISMATCH, call);
    }

    static void assertNotFound(Executable call) {
        assertBreak(ErrorCode.NOT_FOUND, null, call);
    }

    /**
     * Runs work in a unit of work that then throws, and checks that the failure escaped.
     */
    static void runAndRollBack(Transactions transactions, Runnable work) {
        assertThrows(Abort.class, () -> transactions.inTransaction(() -> {
            work.run();
            throw new Abort();
        }));
    }

    /**
     * Pages through a listing until a page comes back empty. Checks that no page is longer than the
     * limit, that ids run strictly up (or down) from the cursor, and that only the last non-empty page
     * may be short.
     */
    static <T> List<T> pageThrough(Pager<T> pager, Function<T, String> id, int limit, boolean ascending) {
        List<T> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        boolean sawShortPage = false;
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            List<T> page = pager.page(cursor, limit);
            if (page.isEmpty()) {
                return all;
            }
            assertTrue(page.size() <= limit, () -> "a page of " + page.size() + " items for limit " + limit);
            assertTrue(!sawShortPage, "a page came after a page shorter than the limit");
            sawShortPage = page.size() < limit;
            for (T item : page) {
                String itemId = id.apply(item);
                if (cursor.isPresent()) {
                    int order = itemId.compareTo(cursor.get());
                    String previous = cursor.get();
                    assertTrue(ascending ? order > 0 : order < 0,
                            () -> "id " + itemId + " is out of order after " + previous);
                }
                cursor = Optional.of(itemId);
                all.add(item);
            }
        }
        return fail("more than " + MAX_PAGES + " pages");
    }

    /**
     * Runs the contenders at once on their own threads: each waits at a start gate until all are ready.
     *
     * @return per contender, in order: empty if it returned, or the {@link BreakException} it threw
     */
    static List<Optional<BreakException>> race(Runnable... contenders) {
        ExecutorService threads = Executors.newFixedThreadPool(contenders.length);
        try {
            CountDownLatch ready = new CountDownLatch(contenders.length);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Optional<BreakException>>> outcomes = new ArrayList<>();
            for (Runnable contender : contenders) {
                Callable<Optional<BreakException>> attempt = () -> {
                    ready.countDown();
                    if (!go.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the start gate never opened");
                    }
                    try {
                        contender.run();
                        return Optional.empty();
                    } catch (BreakException e) {
                        return Optional.of(e);
                    }
                };
                outcomes.add(threads.submit(attempt));
            }
            if (!ready.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                fail("the contenders never got ready");
            }
            go.countDown();
            List<Optional<BreakException>> results = new ArrayList<>();
            for (Future<Optional<BreakException>> outcome : outcomes) {
                results.add(outcome.get(WAIT_SECONDS, TimeUnit.SECONDS));
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while racing", e);
        } catch (ExecutionException e) {
            return fail("a contender failed with something other than a BreakException", e.getCause());
        } catch (TimeoutException e) {
            return fail("a contender did not finish in " + WAIT_SECONDS + " s", e);
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Checks that exactly one contender won and every other one got CONFLICT with the reason.
     *
     * @return the index of the winner
     */
    static int assertOneWins(List<Optional<BreakException>> outcomes, String reason) {
        int winner = -1;
        for (int i = 0; i < outcomes.size(); i++) {
            Optional<BreakException> outcome = outcomes.get(i);
            if (outcome.isEmpty()) {
                assertEquals(-1, winner, "more than one contender succeeded");
                winner = i;
            } else {
                BreakException e = outcome.get();
                assertEquals(ErrorCode.CONFLICT, e.code(), () -> "code of " + e);
                assertEquals(reason, e.reason(), () -> "reason of " + e);
            }
        }
        assertTrue(winner >= 0, () -> "no contender succeeded: " + outcomes);
        return winner;
    }

    /**
     * Checks that exactly one contender won and every other one got CONFLICT/ALREADY_EXISTS naming the
     * field.
     *
     * @return the index of the winner
     */
    static int assertOneInsertWins(List<Optional<BreakException>> outcomes, String field) {
        int winner = assertOneWins(outcomes, Reason.ALREADY_EXISTS);
        for (Optional<BreakException> outcome : outcomes) {
            outcome.ifPresent(e -> assertEquals(field, e.metadata().get("field"), () -> "the metadata 'field' of " + e));
        }
        return winner;
    }

    /**
     * Runs many tasks on a pool of threads. Every task waits at a start gate that opens once all are
     * submitted, so the first {@code threads} of them start together and the rest follow as threads free up.
     *
     * @return what each task returned, in the order of the tasks
     */
    static <T> List<T> runConcurrently(int threads, List<Callable<T>> tasks) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> outcomes = new ArrayList<>();
            for (Callable<T> task : tasks) {
                outcomes.add(pool.submit(() -> {
                    if (!go.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the start gate never opened");
                    }
                    return task.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> outcome : outcomes) {
                results.add(outcome.get(WAIT_SECONDS, TimeUnit.SECONDS));
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while running tasks", e);
        } catch (ExecutionException e) {
            return fail("a task failed", e.getCause());
        } catch (TimeoutException e) {
            return fail("a task did not finish in " + WAIT_SECONDS + " s", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
