package com.breakagency.adapter.jdbc;

import static com.breakagency.testkit.Fixtures.aBrand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.crm.Brand;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How the adapter fails on a real database: a value it cannot store is VALIDATION_FAILED and says nothing of
 * the statement's SQL or values, and a
 * deadlock between two units of work makes the loser run again, or fail with CONFLICT/CONCURRENT_UPDATE
 * once its retries are used up, keeping nothing.
 */
abstract class FailureChecks {

    private static final long WAIT_SECONDS = 30;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    /** The database of the test class run. */
    abstract TestDatabase database();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void a_value_the_database_cannot_store_is_validation_failed_and_quotes_neither_sql_nor_values() {
        JdbcPersistence persistence = database().freshPersistence();
        Brand valid = aBrand();
        String overlong = "Overlong Brand " + "q".repeat(300);
        Brand refused = new Brand(valid.id(), overlong, valid.domains(), valid.status(), valid.ownerAgentId(),
                valid.tags(), 1, valid.createdAt(), valid.updatedAt());

        BreakException e = assertThrows(BreakException.class, () -> persistence.brands().insert(refused));

        assertEquals(ErrorCode.VALIDATION_FAILED, e.code(), e::toString);
        assertEquals(SqlFailures.INVALID_INPUT, e.reason());
        assertFalse(e.retryable(), "a client that retries would fail the same way forever");
        assertEquals("22001", e.metadata().get("sqlState"), "string data, right truncation");
        for (Throwable t = e; t != null; t = t.getCause()) {
            String text = t.getMessage() + " " + t;
            assertFalse(text.contains("qqqq"), () -> "a value leaked: " + text);
            assertFalse(text.toUpperCase(Locale.ROOT).contains("INSERT"), () -> "SQL leaked: " + text);
        }
        assertEquals(Optional.empty(), persistence.brands().findById(valid.id()));
    }

    @Test
    void a_unit_of_work_that_swallows_a_failed_statement_commits_nothing_and_the_failure_escapes() {
        JdbcPersistence persistence = database().freshPersistence();
        Brand owner = aBrand();
        persistence.brands().insert(owner);
        Brand innocent = aBrand();

        BreakException e = assertThrows(BreakException.class, () -> persistence.transactions().inTransaction(() -> {
            persistence.brands().insert(innocent);
            try {
                persistence.brands().insert(aBrand(owner.domains().iterator().next()));
            } catch (BreakException swallowed) {
                // a caller that should have let it propagate
            }
            return "done";
        }));

        assertEquals(Reason.ALREADY_EXISTS, e.reason());
        assertEquals(Optional.empty(), persistence.brands().findById(innocent.id()));
    }

    @Test
    void a_deadlock_makes_the_losing_unit_of_work_run_again_and_both_commit() throws Exception {
        JdbcPersistence persistence = database().freshPersistence();
        Probe probe = new Probe(persistence);
        probe.write("left");
        probe.write("right");
        AtomicInteger runs = new AtomicInteger();

        List<Optional<BreakException>> outcomes = deadlock(probe, runs);

        assertEquals(List.of(Optional.empty(), Optional.empty()), outcomes, "both committed in the end");
        assertTrue(runs.get() >= 3, () -> "the database aborted one of them, which ran again: " + runs.get() + " runs");
        assertEquals(2, probe.count("left"));
        assertEquals(2, probe.count("right"));
    }

    @Test
    void when_the_retries_are_used_up_the_loser_fails_with_concurrent_update_and_keeps_nothing() throws Exception {
        database().freshPersistence();
        Probe probe = new Probe(database().builder().serializationRetries(0).build());
        probe.write("left");
        probe.write("right");
        AtomicInteger runs = new AtomicInteger();

        List<Optional<BreakException>> outcomes = deadlock(probe, runs);

        assertEquals(2, runs.get(), "nothing ran again");
        List<BreakException> lost = outcomes.stream().flatMap(Optional::stream).toList();
        assertTrue(!lost.isEmpty(), "the database aborted one of them");
        for (BreakException e : lost) {
            assertEquals(ErrorCode.CONFLICT, e.code());
            assertEquals(SqlFailures.CONCURRENT_UPDATE, e.reason());
            assertTrue(e.metadata().get("sqlState").startsWith("40"), e.metadata().toString());
        }
        long winners = outcomes.size() - lost.size();
        assertEquals(winners, probe.count("left"), "only the winner's increments are kept");
        assertEquals(winners, probe.count("right"));
    }

    /**
     * Two units of work that lock the two markers in opposite orders: each takes its first lock, waits
     * until the other holds its first lock too (on its first run only), then asks for the second.
     */
    private List<Optional<BreakException>> deadlock(Probe probe, AtomicInteger runs) throws Exception {
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        List<Future<Optional<BreakException>>> futures = new ArrayList<>();
        for (String[] order : List.of(new String[] {"left", "right"}, new String[] {"right", "left"})) {
            futures.add(threads.submit(() -> {
                AtomicInteger mine = new AtomicInteger();
                try {
                    probe.transactions().inTransaction(() -> {
                        runs.incrementAndGet();
                        probe.increment(order[0]);
                        if (mine.incrementAndGet() == 1) {
                            bothHoldOne.countDown();
                            await(bothHoldOne);
                        }
                        probe.increment(order[1]);
                        return null;
                    });
                    return Optional.empty();
                } catch (BreakException e) {
                    return Optional.of(e);
                }
            }));
        }
        List<Optional<BreakException>> outcomes = new ArrayList<>();
        for (Future<Optional<BreakException>> future : futures) {
            try {
                outcomes.add(future.get(WAIT_SECONDS, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                throw new AssertionError("a unit of work failed with something other than a BreakException", e.getCause());
            }
        }
        return outcomes;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other unit of work never took its first lock");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
