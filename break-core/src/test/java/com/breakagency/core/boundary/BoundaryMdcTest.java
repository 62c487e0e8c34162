package com.breakagency.core.boundary;

import static com.breakagency.core.boundary.BoundaryHarness.PLACE_ORDER;
import static com.breakagency.core.boundary.BoundaryHarness.anAgent;
import static com.breakagency.core.boundary.BoundaryHarness.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.breakagency.core.ContextPropagation;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The boundary leaves the caller's MDC exactly as it found it, whatever the call did. */
class BoundaryMdcTest {

    private final BoundaryHarness harness = new BoundaryHarness();
    private final ExecutorService worker = Executors.newSingleThreadExecutor();

    @BeforeEach
    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @AfterEach
    void stopWorker() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }

    private static Map<String, String> mdc() {
        return Objects.requireNonNullElse(MDC.getCopyOfContextMap(), Map.of());
    }

    private String succeed() {
        return harness.boundary.call(anAgent("req-mdc-1"), PLACE_ORDER, PlaceOrder.aValidOrder(), (call, o) -> "ok");
    }

    private BreakException fail(RuntimeException thrown) {
        return failure(() -> harness.boundary.call(anAgent("req-mdc-2"), PLACE_ORDER, PlaceOrder.aValidOrder(),
                (call, o) -> {
                    throw thrown;
                }));
    }

    @Test
    void an_empty_mdc_is_empty_again_after_success_and_after_failure() {
        succeed();
        assertEquals(Map.of(), mdc());

        fail(new IllegalStateException("boom"));
        assertEquals(Map.of(), mdc());

        failure(() -> harness.boundary.call(null, PLACE_ORDER, PlaceOrder.aValidOrder(), (call, o) -> "never"));
        assertEquals(Map.of(), mdc());
    }

    @Test
    void unrelated_keys_survive_success_and_failure_unchanged() {
        MDC.put("requestId", "http-123");
        MDC.put("tenant", "acme");
        Map<String, String> before = mdc();

        succeed();
        assertEquals(before, mdc());

        fail(BreakException.conflict(Reason.VERSION_MISMATCH, "Changed."));
        assertEquals(before, mdc());

        fail(new IllegalStateException("boom"));
        assertEquals(before, mdc());
    }

    @Test
    void the_callers_own_operation_and_user_keys_are_restored_not_removed() {
        MDC.put(Boundary.MDC_OPERATION, "host.handleRequest");
        MDC.put(Boundary.MDC_USER_ID, "host-user-9");
        MDC.put(Boundary.MDC_CORRELATION_ID, "host-trace-1");
        Map<String, String> before = mdc();

        succeed();
        assertEquals(before, mdc());

        fail(new IllegalStateException("boom"));
        assertEquals(before, mdc());
    }

    @Test
    void inside_the_call_the_mdc_names_the_call_on_top_of_the_callers_keys() {
        MDC.put("requestId", "http-123");
        MDC.put(Boundary.MDC_USER_ID, "host-user-9");
        AtomicReference<Map<String, String>> inside = new AtomicReference<>();

        harness.boundary.call(anAgent("req-mdc-3"), PLACE_ORDER, PlaceOrder.aValidOrder(), (call, o) -> {
            inside.set(mdc());
            return "ok";
        });

        assertEquals(Map.of("requestId", "http-123", Boundary.MDC_OPERATION, "test.placeOrder",
                Boundary.MDC_USER_ID, "u-agent-1", Boundary.MDC_CORRELATION_ID, "req-mdc-3"), inside.get());
    }

    @Test
    void keys_the_use_case_adds_or_removes_do_not_outlive_the_call() {
        MDC.put("requestId", "http-123");
        MDC.put("tenant", "acme");
        Map<String, String> before = mdc();

        harness.boundary.call(anAgent("req-mdc-4"), PLACE_ORDER, PlaceOrder.aValidOrder(), (call, o) -> {
            MDC.put("step", "allocate");
            MDC.remove("tenant");
            return "ok";
        });
        assertEquals(before, mdc());

        failure(() -> harness.boundary.call(anAgent("req-mdc-5"), PLACE_ORDER, PlaceOrder.aValidOrder(),
                (call, o) -> {
                    MDC.put("step", "allocate");
                    MDC.put(Boundary.MDC_OPERATION, "overwritten");
                    MDC.remove("requestId");
                    throw new IllegalStateException("boom");
                }));
        assertEquals(before, mdc());
    }

    @Test
    void the_mdc_is_restored_when_the_reporter_fails_too() {
        BoundaryHarness failingReporter = new BoundaryHarness(report -> {
            MDC.put("reporter", "dirty");
            throw new IllegalStateException("reporter down");
        });
        MDC.put("requestId", "http-123");
        Map<String, String> before = mdc();

        failure(() -> failingReporter.boundary.call(anAgent("req-mdc-6"), PLACE_ORDER, PlaceOrder.aValidOrder(),
                (call, o) -> {
                    throw new IllegalStateException("boom");
                }));

        assertEquals(before, mdc());
    }

    @Test
    void a_wrapped_task_sees_the_callers_mdc_and_leaves_the_workers_own_mdc_as_it_was() throws Exception {
        worker.submit(() -> MDC.put("workerName", "pool-1")).get();
        MDC.put("requestId", "http-123");
        AtomicReference<Map<String, String>> seenInTask = new AtomicReference<>();
        AtomicReference<Map<String, String>> seenInCall = new AtomicReference<>();

        Runnable task = ContextPropagation.wrap(() -> {
            seenInTask.set(mdc());
            harness.boundary.call(anAgent("req-mdc-7"), PLACE_ORDER, PlaceOrder.aValidOrder(), (call, o) -> {
                seenInCall.set(mdc());
                return "ok";
            });
        });
        MDC.put("requestId", "changed-after-wrapping");
        worker.submit(task).get();

        assertEquals(Map.of("requestId", "http-123"), seenInTask.get());
        assertEquals("http-123", seenInCall.get().get("requestId"));
        assertEquals("req-mdc-7", seenInCall.get().get(Boundary.MDC_CORRELATION_ID));
        assertEquals(Map.of("workerName", "pool-1"), worker.submit(BoundaryMdcTest::mdc).get());
    }

    @Test
    void a_wrapped_callable_that_fails_still_restores_the_workers_mdc() throws Exception {
        worker.submit(() -> MDC.put("workerName", "pool-1")).get();
        MDC.put("requestId", "http-123");
        Callable<String> task = ContextPropagation.wrap((Callable<String>) () -> {
            MDC.put("leaked", "yes");
            return harness.boundary.call(anAgent("req-mdc-8"), PLACE_ORDER, PlaceOrder.aValidOrder(), (call, o) -> {
                throw new IllegalStateException("boom");
            });
        });

        ExecutionException thrown = assertThrows(ExecutionException.class, () -> worker.submit(task).get());

        assertEquals(ErrorCode.UNHANDLED_ERROR, ((BreakException) thrown.getCause()).code());
        assertEquals(Map.of("workerName", "pool-1"), worker.submit(BoundaryMdcTest::mdc).get());
    }

    @Test
    void a_wrapped_executor_carries_the_submitting_threads_mdc_into_each_task() throws Exception {
        Executor executor = ContextPropagation.wrap((Executor) worker);
        Map<String, String> seen = new ConcurrentHashMap<>();
        MDC.put("requestId", "http-456");

        executor.execute(() -> seen.putAll(mdc()));
        worker.submit(() -> { }).get();

        assertEquals(Map.of("requestId", "http-456"), seen);
        assertEquals(Map.of(), worker.submit(BoundaryMdcTest::mdc).get());
    }
}
