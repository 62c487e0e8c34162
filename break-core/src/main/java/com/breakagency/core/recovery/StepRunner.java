package com.breakagency.core.recovery;

import com.breakagency.core.Backoff;
import com.breakagency.core.BreakAgency;
import com.breakagency.core.StepsRun;
import com.breakagency.core.boundary.Boundary;
import com.breakagency.core.internal.Audit;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.error.RedactedThrowable;
import com.breakagency.ports.error.Redaction;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.work.StepStatus;
import com.breakagency.ports.model.work.WorkStep;
import com.breakagency.ports.spi.Transactions;
import com.breakagency.ports.spi.WorkQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Claims due steps one at a time and runs each with the handler of its type.
 *
 * <p>What an attempt comes to:
 * <ul>
 *   <li>{@link StepOutcome.Done}: the step is completed; if the lease passed to another worker meanwhile,
 *       the completion is refused and one INFO line says so (the other worker's run finds nothing left).</li>
 *   <li>{@link StepOutcome.Retry}, or an exception from the handler: the attempt is recorded as failed with
 *       its redacted error and the step waits for the backoff's delay; one WARN line, no report.</li>
 *   <li>The last attempt failing, or {@link StepOutcome.GiveUp}: the step is DEAD, a {@code STEP_DEAD} audit
 *       event is written and one WORKFLOW_BREAK/RETRIES_EXHAUSTED is logged and reported through the
 *       boundary, after that unit of work commits.</li>
 * </ul>
 * Each attempt runs with {@code operation}, {@code userId} and {@code correlationId} in the MDC, like a
 * call. Thread-safe: several threads may run steps at once; each claim is theirs alone.
 */
public final class StepRunner {

    /** The logger of the worker and the janitor. */
    public static final String LOGGER_NAME = BreakAgency.RECOVERY_LOGGER_NAME;
    /** The most steps one {@link #runDueSteps(BooleanSupplier)} runs before it returns. */
    public static final int MAX_STEPS_PER_RUN = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);
    private static final int MAX_ERROR_LENGTH = 1_000;
    private static final int MAX_CAUSES = 10;

    private final WorkQueue queue;
    private final Transactions transactions;
    private final Audit audit;
    private final Boundary boundary;
    private final Clock clock;
    private final Map<String, StepHandler> handlers;
    private final String workerId;
    private final Duration lease;
    private final Backoff backoff;
    private final RandomGenerator random;

    /**
     * Wires a runner.
     *
     * @param queue        the work queue
     * @param transactions the units of work the queue and the audit log share
     * @param audit        writes STEP_DEAD events
     * @param boundary     logs and reports a step that ran out of attempts
     * @param clock        the time of claims and backoff
     * @param handlers     step type → handler
     * @param workerId     the id claims are made under
     * @param lease        how long a claim holds
     * @param backoff      delays and attempts
     * @param random       the backoff's jitter; thread-safe
     */
    public StepRunner(WorkQueue queue, Transactions transactions, Audit audit, Boundary boundary, Clock clock,
                      Map<String, StepHandler> handlers, String workerId, Duration lease, Backoff backoff,
                      RandomGenerator random) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.boundary = Objects.requireNonNull(boundary, "boundary");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.handlers = Map.copyOf(handlers);
        this.workerId = Objects.requireNonNull(workerId, "workerId");
        this.lease = Objects.requireNonNull(lease, "lease");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Claims and runs due steps on the calling thread, one at a time, until none is due, {@code stop}
     * says so (checked between steps, so a running step always finishes) or {@value #MAX_STEPS_PER_RUN}
     * have run.
     *
     * @param stop asked before each claim
     * @return what ran
     * @throws BreakException PERSISTENCE_UNAVAILABLE (or another mapped failure) if the queue cannot be
     *                        read or written; steps that ran before stay as they are
     */
    public StepsRun runDueSteps(BooleanSupplier stop) {
        StepsRun total = StepsRun.NONE;
        for (int n = 0; n < MAX_STEPS_PER_RUN && !stop.getAsBoolean(); n++) {
            List<WorkStep> claimed = queue.claimDue(workerId, clock.instant(), lease, 1);
            if (claimed.isEmpty()) {
                break;
            }
            total = plus(total, run(claimed.get(0)));
        }
        return total;
    }

    private static StepsRun plus(StepsRun a, StepsRun b) {
        return new StepsRun(a.completed() + b.completed(), a.failed() + b.failed(), a.dead() + b.dead(),
                a.lostLeases() + b.lostLeases());
    }

    private StepsRun run(WorkStep step) {
        OperationContext context = new OperationContext(Actor.system(),
                correlationId("step:" + step.id() + ":" + step.attempts()), Optional.of(RecoveryOperations.RUN_STEP.name()));
        Map<String, String> previousMdc = MDC.getCopyOfContextMap();
        try {
            MDC.put(Boundary.MDC_OPERATION, context.operationName());
            MDC.put(Boundary.MDC_USER_ID, context.actor().userId());
            MDC.put(Boundary.MDC_CORRELATION_ID, context.correlationId());
            StepHandler handler = handlers.get(step.type());
            StepOutcome outcome;
            RedactedThrowable failure = null;
            if (handler == null) {
                outcome = new StepOutcome.Retry("no handler for step type " + step.type() + " on this instance");
            } else {
                try {
                    outcome = Objects.requireNonNull(handler.run(context, step), "a handler returned no outcome");
                } catch (RuntimeException thrown) {
                    BreakException mapped = Boundary.map(thrown);
                    outcome = new StepOutcome.Retry(describe(mapped));
                    failure = Redaction.redact(thrown);
                }
            }
            if (outcome instanceof StepOutcome.Done done) {
                return complete(step, done);
            }
            if (outcome instanceof StepOutcome.Later later) {
                return rearm(step, later);
            }
            if (outcome instanceof StepOutcome.Retry retry) {
                return fail(context, step, retry.reason(), false, failure);
            }
            return fail(context, step, ((StepOutcome.GiveUp) outcome).reason(), true, failure);
        } finally {
            if (previousMdc == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(previousMdc);
            }
        }
    }

    private StepsRun complete(WorkStep step, StepOutcome.Done done) {
        if (!queue.complete(step.id(), workerId, step.version())) {
            LOG.info("step {} ({}) finished, but its lease had passed to another worker, which will find the work done",
                    step.id(), step.type());
            return new StepsRun(0, 0, 0, 1);
        }
        LOG.debug("step {} ({}) done: {}", step.id(), step.type(), Redaction.redact(done.summary()));
        boundary.telemetry().stepCompleted(step.type());
        return new StepsRun(1, 0, 0, 0);
    }

    /** Completes the step and queues it again under its key, due at the outcome's instant, in one unit of work. */
    private StepsRun rearm(WorkStep step, StepOutcome.Later later) {
        Instant at = later.at().truncatedTo(ChronoUnit.MICROS);
        boolean rearmed = transactions.inTransaction(() -> queue.complete(step.id(), workerId, step.version())
                && queue.enqueue(new WorkStep(step.id(), step.type(), step.dedupKey(), step.payload(),
                StepStatus.PENDING, 0, at, Optional.empty(), Optional.empty(), Optional.empty(), step.createdAt(),
                clock.instant(), 1)));
        if (!rearmed) {
            LOG.info("step {} ({}) finished, but its lease had passed to another worker", step.id(), step.type());
            return new StepsRun(0, 0, 0, 1);
        }
        LOG.debug("step {} ({}) again at {}: {}", step.id(), step.type(), at, Redaction.redact(later.summary()));
        boundary.telemetry().stepCompleted(step.type());
        return new StepsRun(1, 0, 0, 0);
    }

    private StepsRun fail(OperationContext context, WorkStep step, String reason, boolean permanent,
                          RedactedThrowable failure) {
        String error = truncate(Redaction.redact(reason));
        boolean dead = permanent || backoff.exhausted(step.attempts());
        Instant now = clock.instant();
        // stored instants are microseconds, like the clock's: a due time with nanoseconds would never come
        Instant next = dead ? now : now.plus(backoff.delay(step.attempts(), random)).truncatedTo(ChronoUnit.MICROS);
        boolean recorded = transactions.inTransaction(() -> {
            if (!queue.fail(step.id(), workerId, step.version(), error, next, dead)) {
                return false;
            }
            if (dead) {
                Map<String, String> changes = new LinkedHashMap<>();
                changes.put("type", step.type());
                changes.put("dedupKey", step.dedupKey());
                changes.put("attempts", Integer.toString(step.attempts()));
                changes.put("lastError", error);
                audit.record(context, AuditAction.STEP_DEAD, EntityRef.of(EntityType.WORK_STEP, step.id()), changes);
                boundary.reportBackground(context, BreakException.builder(ErrorCode.WORKFLOW_BREAK)
                        .reason(Reason.RETRIES_EXHAUSTED)
                        .detail("The " + step.type() + " step " + step.id() + " gave up after " + step.attempts()
                                + (step.attempts() == 1 ? " attempt" : " attempts") + " and waits for an administrator's retry: " + error)
                        .metadata("stepId", step.id()).metadata("stepType", step.type())
                        .metadata("dedupKey", step.dedupKey()).metadata("attempts", Integer.toString(step.attempts()))
                        .build());
            }
            return true;
        });
        if (!recorded) {
            LOG.info("step {} ({}) failed, but its lease had passed to another worker, which runs it again",
                    step.id(), step.type());
            return new StepsRun(0, 0, 0, 1);
        }
        if (dead) {
            boundary.telemetry().stepDead(step.type());
            return new StepsRun(0, 1, 1, 0);
        }
        boundary.telemetry().stepFailed(step.type());
        if (failure == null) {
            LOG.warn("step {} ({}) attempt {} of {} failed: {}; next attempt at {}", step.id(), step.type(),
                    step.attempts(), backoff.maxAttempts(), error, next);
        } else {
            LOG.warn("step {} ({}) attempt {} of {} failed: {}; next attempt at {}", step.id(), step.type(),
                    step.attempts(), backoff.maxAttempts(), error, next, failure);
        }
        return new StepsRun(0, 1, 0, 0);
    }

    /**
     * The text stored as a failed attempt's {@code lastError}: code, reason, detail and the class names of
     * the cause chain, never a cause's message, which may quote SQL, values or secrets of an adapter;
     * a persistence adapter's {@code sqlState} metadata is kept. The stored text is redacted as well.
     */
    static String describe(BreakException error) {
        StringBuilder text = new StringBuilder().append(error.code()).append('/').append(error.reason()).append(": ")
                .append(error.detail());
        String sqlState = error.metadata().get("sqlState");
        if (sqlState != null && sqlState.matches("[0-9A-Za-z]{1,5}")) {
            text.append(" [SQLState ").append(sqlState).append(']');
        }
        String separator = " (caused by ";
        int links = 0;
        for (Throwable cause = error.getCause(); cause != null && links < MAX_CAUSES; cause = cause.getCause()) {
            String name = cause instanceof RedactedThrowable redacted ? redacted.originalClassName()
                    : cause.getClass().getName();
            text.append(separator).append(name);
            separator = " < ";
            links++;
            if (cause.getCause() == cause) {
                break;
            }
        }
        return links == 0 ? text.toString() : text.append(')').toString();
    }

    private static String truncate(String text) {
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH - 1) + "\u2026";
    }

    /**
     * A correlation id from any text: characters a correlation id may not hold become {@code _}.
     *
     * @param text such as {@code step:<id>:<attempt>}
     * @return 1 to 128 characters of letters, digits, {@code . _ : -}
     */
    static String correlationId(String text) {
        String clean = text.replaceAll("[^A-Za-z0-9._:-]", "_");
        return clean.length() <= 128 ? clean : clean.substring(0, 128);
    }
}
