package com.breakagency.core.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.breakagency.core.Backoff;
import com.breakagency.core.StepsRun;
import com.breakagency.core.policy.PolicyTable;
import com.breakagency.core.boundary.Boundary;
import com.breakagency.core.boundary.CommandValidator;
import com.breakagency.core.internal.Audit;
import com.breakagency.core.internal.UuidV7Ids;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.work.StepStatus;
import com.breakagency.ports.model.work.WorkStep;
import com.breakagency.testkit.CapturingErrorReporter;
import com.breakagency.testkit.InMemoryPersistence;
import com.breakagency.testkit.LogCapture;
import com.breakagency.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The worker's handling of what a handler does, with handlers written for the test: a handler that
 * throws, one whose lease passes to another worker while it runs, a type nobody handles.
 */
class StepRunnerTest {

    private static final Duration LEASE = Duration.ofMinutes(5);

    private final InMemoryPersistence memory = InMemoryPersistence.create();
    private final CapturingErrorReporter reports = new CapturingErrorReporter(memory.transactions());
    private final TestClock clock = new TestClock();
    private final CommandValidator validator = new CommandValidator();
    private final Boundary boundary = new Boundary(validator, PolicyTable.STANDARD, memory.transactions(), reports, clock);
    private final Audit audit = new Audit(memory.auditLog(), new UuidV7Ids(clock), clock);

    @AfterEach
    void closeValidator() {
        validator.close();
    }

    private StepRunner runner(Map<String, StepHandler> handlers, Backoff backoff) {
        return new StepRunner(memory.workQueue(), memory.transactions(), audit, boundary, clock, handlers, "runner-1",
                LEASE, backoff, new Random(3));
    }

    private WorkStep queued(String type) {
        Instant now = clock.instant();
        String id = new UuidV7Ids(clock).nextId();
        memory.workQueue().enqueue(new WorkStep(id, type, type + ":" + id, Map.of(), StepStatus.PENDING, 0, now,
                Optional.empty(), Optional.empty(), Optional.empty(), now, now, 1));
        return memory.workQueue().findById(id).orElseThrow();
    }

    private List<ILoggingEvent> recoveryLines(LogCapture logs, String level) {
        return logs.events(level).stream().filter(e -> e.getLoggerName().equals(StepRunner.LOGGER_NAME)).toList();
    }

    @Test
    void a_handler_that_throws_makes_a_failed_attempt_with_a_redacted_error_one_warn_line_and_no_report() {
        StepHandler throwing = (context, step) -> {
            throw new IllegalStateException("mailbox of jane@brand.com refused refresh_token=abc123secret");
        };
        WorkStep step = queued("SYNC_MAILBOX");
        try (LogCapture logs = LogCapture.of("com.breakagency")) {
            StepsRun run = runner(Map.of("SYNC_MAILBOX", throwing), Backoff.DEFAULT).runDueSteps(() -> false);

            assertEquals(new StepsRun(0, 1, 0, 0), run);
            WorkStep failed = memory.workQueue().findById(step.id()).orElseThrow();
            assertEquals(StepStatus.PENDING, failed.status());
            String error = failed.lastError().orElseThrow();
            assertTrue(error.startsWith("UNHANDLED_ERROR/UNEXPECTED_EXCEPTION"), error);
            assertTrue(error.contains("java.lang.IllegalStateException"), error);
            assertFalse(error.contains("jane@brand.com") || error.contains("abc123secret"), error);
            assertEquals(1, recoveryLines(logs, "WARN").size());
            assertFalse(logs.allText().contains("jane@brand.com") || logs.allText().contains("abc123secret"));
            assertEquals(List.of(), logs.events("ERROR"));
            assertEquals(List.of(), reports.reports());
        }
    }

    @Test
    void a_stored_step_error_holds_code_reason_detail_and_class_names_never_a_causes_message() {
        StepHandler throwing = (context, step) -> {
            throw new BreakException(ErrorCode.PERSISTENCE_UNAVAILABLE, "DATABASE_UNREACHABLE",
                    "The database could not be reached; nothing was saved.",
                    new java.sql.SQLException("Batch entry 0 INSERT INTO commission_lines VALUES ('778019'::int8)",
                            "08006", new java.io.EOFException("while sending 'Maya Lopez'")));
        };
        WorkStep step = queued("ENSURE_SOMETHING");
        try (LogCapture logs = LogCapture.of("com.breakagency")) {
            runner(Map.of("ENSURE_SOMETHING", throwing), Backoff.DEFAULT).runDueSteps(() -> false);

            String error = memory.workQueue().findById(step.id()).orElseThrow().lastError().orElseThrow();
            assertEquals("PERSISTENCE_UNAVAILABLE/DATABASE_UNREACHABLE: The database could not be reached; nothing"
                    + " was saved. (caused by java.sql.SQLException < java.io.EOFException)", error);
        }
    }

    @Test
    void a_handler_whose_lease_passed_to_another_worker_leaves_the_step_to_it_with_one_info_line() {
        StepHandler slow = (context, step) -> {
            // the handler outlives its lease, and another instance takes the step over meanwhile
            clock.advance(LEASE);
            assertEquals(1, memory.workQueue().claimDue("runner-2", clock.instant(), LEASE, 1).size());
            return new StepOutcome.Done("done, late");
        };
        WorkStep step = queued("SLOW");
        try (LogCapture logs = LogCapture.of("com.breakagency")) {
            StepsRun run = runner(Map.of("SLOW", slow), Backoff.DEFAULT).runDueSteps(() -> false);

            assertEquals(new StepsRun(0, 0, 0, 1), run);
            WorkStep stored = memory.workQueue().findById(step.id()).orElseThrow();
            assertEquals(StepStatus.RUNNING, stored.status());
            assertEquals(Optional.of("runner-2"), stored.leaseOwner(), "the other worker's claim stands");
            assertEquals(1, recoveryLines(logs, "INFO").size());
            assertEquals(List.of(), logs.events("WARN"));
            assertEquals(List.of(), reports.reports());
        }
    }

    @Test
    void a_failure_after_the_lease_passed_on_is_not_recorded_and_nothing_is_reported_even_on_the_last_attempt() {
        StepHandler slowAndFailing = (context, step) -> {
            clock.advance(LEASE);
            memory.workQueue().claimDue("runner-2", clock.instant(), LEASE, 1);
            return new StepOutcome.Retry("still not possible");
        };
        WorkStep step = queued("SLOW");
        StepsRun run = runner(Map.of("SLOW", slowAndFailing), Backoff.DEFAULT.withMaxAttempts(1)).runDueSteps(() -> false);

        assertEquals(new StepsRun(0, 0, 0, 1), run);
        assertEquals(StepStatus.RUNNING, memory.workQueue().findById(step.id()).orElseThrow().status());
        assertEquals(List.of(), reports.reports());
        assertEquals(List.of(), memory.auditLog().byAction(AuditAction.STEP_DEAD, Instant.EPOCH, Instant.MAX,
                Optional.empty(), 10));
    }

    @Test
    void a_step_of_a_type_nobody_handles_is_retried_and_dies_like_any_other() {
        WorkStep step = queued("FROM_A_NEWER_RELEASE");
        StepRunner runner = runner(Map.of(), Backoff.DEFAULT.withMaxAttempts(2));

        assertEquals(new StepsRun(0, 1, 0, 0), runner.runDueSteps(() -> false));
        assertTrue(memory.workQueue().findById(step.id()).orElseThrow().lastError().orElseThrow()
                .contains("no handler for step type FROM_A_NEWER_RELEASE"));
        clock.advance(Duration.ofMinutes(1));
        assertEquals(new StepsRun(0, 1, 1, 0), runner.runDueSteps(() -> false));

        assertEquals(StepStatus.DEAD, memory.workQueue().findById(step.id()).orElseThrow().status());
        assertEquals(1, reports.reports().size());
        assertEquals(List.of(), reports.reportedInsideTransaction());
    }

    @Test
    void a_stop_request_is_honoured_between_steps() {
        queued("A");
        queued("A");
        int[] ran = {0};
        StepHandler counting = (context, step) -> {
            ran[0]++;
            return new StepOutcome.Done("counted");
        };

        StepsRun run = runner(Map.of("A", counting), Backoff.DEFAULT).runDueSteps(() -> ran[0] >= 1);

        assertEquals(new StepsRun(1, 0, 0, 0), run, "the running step finished, the next one was not claimed");
        assertEquals(1, memory.workQueue().list(Optional.of(StepStatus.PENDING), Optional.empty(), Optional.empty(), 10)
                .size());
    }
}
