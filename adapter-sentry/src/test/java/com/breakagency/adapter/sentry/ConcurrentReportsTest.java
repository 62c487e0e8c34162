package com.breakagency.adapter.sentry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Reports raised at the same time by different users never share a user, a tag or a context. */
class ConcurrentReportsTest {

    private static final int CALLS = 50;

    @Test
    void fifty_concurrent_failures_each_arrive_with_their_own_user_and_correlation_id() throws Exception {
        try (SentryStub sentry = new SentryStub()) {
            SentryErrorReporter reporter = SentryErrorReporter.create(SentryReporterOptions.builder()
                    .dsn(sentry.dsn()).queueCapacity(2 * CALLS).build());
            ExecutorService threads = Executors.newFixedThreadPool(8);
            try (FailingCalls calls = new FailingCalls(reporter)) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<BreakException>> results = new ArrayList<>();
                for (int i = 0; i < CALLS; i++) {
                    String n = String.valueOf(i);
                    results.add(threads.submit(() -> {
                        start.await();
                        return calls.fail("user-" + n, "corr-" + n, new IllegalStateException("failure " + n));
                    }));
                }
                start.countDown();
                for (Future<BreakException> result : results) {
                    assertEquals(ErrorCode.UNHANDLED_ERROR, result.get(SentryStub.WAIT.toMillis(), TimeUnit.MILLISECONDS).code());
                }

                Map<String, String> userByCorrelation = new HashMap<>();
                for (SentryStub.Received received : sentry.next(CALLS)) {
                    String correlationId = received.tag("correlation_id");
                    String n = correlationId.substring("corr-".length());
                    assertEquals("user-" + n, received.user().get("id"), "user of " + correlationId);
                    assertEquals("failure " + n, received.exceptions().get(0).get("value"), "cause of " + correlationId);
                    assertEquals(null, userByCorrelation.put(correlationId, (String) received.user().get("id")),
                            correlationId + " arrived twice");
                }
                assertEquals(CALLS, userByCorrelation.size());
            } finally {
                threads.shutdownNow();
                assertTrue(threads.awaitTermination(SentryStub.WAIT.toMillis(), TimeUnit.MILLISECONDS));
                reporter.close();
            }
            sentry.assertNoMoreEvents();
            assertEquals(0, reporter.droppedReports());
        }
    }
}
