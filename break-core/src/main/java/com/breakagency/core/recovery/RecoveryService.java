package com.breakagency.core.recovery;

import com.breakagency.core.boundary.Boundary;
import com.breakagency.core.internal.Audit;
import com.breakagency.core.internal.Cursors;
import com.breakagency.core.internal.Pages;
import com.breakagency.ports.api.Recovery;
import com.breakagency.ports.api.finance.EnsureCommissions;
import com.breakagency.ports.api.finance.EnsureCommissionsResult;
import com.breakagency.ports.api.recovery.JanitorReport;
import com.breakagency.ports.api.recovery.StepQuery;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.error.Redaction;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.Page;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.work.StepStatus;
import com.breakagency.ports.model.work.WorkStep;
import com.breakagency.ports.spi.WorkQueue;
import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The {@link Recovery} use cases: the queue of steps as an administrator sees it, their retry, and the
 * janitor on demand. {@code ensureCommissions} is finance's. Every method is one boundary call.
 * Thread-safe.
 */
public final class RecoveryService implements Recovery {

    private static final String STEP = "step";

    private final Boundary boundary;
    private final WorkQueue queue;
    private final Audit audit;
    private final Clock clock;
    private final Janitor janitor;
    private final BiFunction<OperationContext, EnsureCommissions, EnsureCommissionsResult> ensureCommissions;

    /**
     * Wires recovery.
     *
     * @param boundary          the boundary every call passes
     * @param queue             the work queue
     * @param audit             writes STEP_RETRIED
     * @param clock             the time a retried step is due
     * @param janitor           the janitor
     * @param ensureCommissions finance's ensureCommissions use case
     */
    public RecoveryService(Boundary boundary, WorkQueue queue, Audit audit, Clock clock, Janitor janitor,
                           BiFunction<OperationContext, EnsureCommissions, EnsureCommissionsResult> ensureCommissions) {
        this.boundary = Objects.requireNonNull(boundary, "boundary");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.janitor = Objects.requireNonNull(janitor, "janitor");
        this.ensureCommissions = Objects.requireNonNull(ensureCommissions, "ensureCommissions");
    }

    @Override
    public EnsureCommissionsResult ensureCommissions(OperationContext context, EnsureCommissions command) {
        return ensureCommissions.apply(context, command);
    }

    @Override
    public Page<WorkStep> listSteps(OperationContext context, StepQuery query) {
        return boundary.call(context, RecoveryOperations.LIST_STEPS, query, (call, q) -> {
            Optional<String> after = Cursors.decode(q.cursor());
            Page<WorkStep> page = Pages.of(queue.list(Optional.ofNullable(q.status()), Optional.ofNullable(q.type()),
                    after, q.limit() + 1), q.limit(), WorkStep::id);
            return new Page<>(page.items().stream().map(RecoveryService::redacted).toList(), page.nextCursor());
        });
    }

    @Override
    public WorkStep retryStep(OperationContext context, String stepId) {
        return boundary.call(context, RecoveryOperations.RETRY_STEP, new ById(stepId), (call, c) -> {
            WorkStep step = queue.findById(c.id()).orElseThrow(() -> BreakException.notFound(STEP, c.id()));
            if (step.status() != StepStatus.DEAD || !queue.retry(step.id(), clock.instant())) {
                throw BreakException.builder(ErrorCode.CONFLICT).reason(Reason.INVALID_STATE_TRANSITION)
                        .detail("Only a DEAD step can be retried; this one is " + step.status() + ".")
                        .metadata("from", step.status().name()).metadata("to", StepStatus.PENDING.name()).build();
            }
            Map<String, String> changes = new LinkedHashMap<>();
            changes.put("type", step.type());
            changes.put("dedupKey", step.dedupKey());
            changes.put("attemptsBefore", Integer.toString(step.attempts()));
            audit.record(call, AuditAction.STEP_RETRIED, EntityRef.of(EntityType.WORK_STEP, step.id()), changes);
            return redacted(queue.findById(step.id()).orElseThrow());
        });
    }

    @Override
    public JanitorReport runJanitor(OperationContext context) {
        return boundary.call(context, RecoveryOperations.RUN_JANITOR, NoInput.INSTANCE,
                (call, none) -> janitor.run(call.context()));
    }

    private static WorkStep redacted(WorkStep s) {
        return new WorkStep(s.id(), s.type(), s.dedupKey(), s.payload(), s.status(), s.attempts(), s.nextAttemptAt(),
                s.leaseOwner(), s.leaseExpiresAt(), s.lastError().map(Redaction::redact), s.createdAt(), s.updatedAt(),
                s.version());
    }

    /** A step named by id, validated at the boundary. */
    record ById(@NotNull @Pattern(regexp = Patterns.ID) String id) {
    }

    /** The command of an operation that takes none. */
    enum NoInput {
        INSTANCE
    }
}
