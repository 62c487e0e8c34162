package com.breakagency.core.recovery;

import com.breakagency.core.boundary.Boundary;
import com.breakagency.ports.api.Diagnostics;
import com.breakagency.ports.api.diagnostics.DeadStep;
import com.breakagency.ports.api.diagnostics.Health;
import com.breakagency.ports.api.diagnostics.HealthStatus;
import com.breakagency.ports.api.diagnostics.IntegrationHealth;
import com.breakagency.ports.api.diagnostics.JanitorStatus;
import com.breakagency.ports.api.diagnostics.WorkflowHealth;
import com.breakagency.ports.api.recovery.JanitorFinding;
import com.breakagency.ports.error.Redaction;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.audit.AuditEvent;
import com.breakagency.ports.model.finance.Payment;
import com.breakagency.ports.model.work.StepStatus;
import com.breakagency.ports.model.work.WorkStep;
import com.breakagency.ports.spi.Persistence;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@link Diagnostics} use case: the health of the background work and of integrations, read from the
 * stores so every instance answers the same. The rules are {@link WorkflowHealth}'s. Thread-safe.
 */
public final class DiagnosticsService implements Diagnostics {

    /** How many DEAD steps the health shows with their errors. */
    static final int DEAD_SAMPLES = 20;
    /** How many findings of the janitor's last run the health shows. */
    static final int FINDINGS_SHOWN = 100;
    private static final int PAGE = 500;

    private final Boundary boundary;
    private final Persistence stores;
    private final Clock clock;
    private final Duration stalledAfter;
    private final Duration janitorOverdueAfter;
    private final Duration janitorFirstRunWithin;
    private final Instant startedAt;
    private final Function<String, String> repairKeyOfInvoice;
    private final Supplier<IntegrationHealth> integrations;

    /**
     * Wires diagnostics.
     *
     * @param boundary            the boundary every call passes
     * @param stores              the stores
     * @param clock               the time
     * @param stalledAfter        a due step waiting longer than this means no worker takes steps (the lease)
     * @param janitorOverdueAfter   the janitor's last run older than this is overdue (three janitor intervals)
     * @param janitorFirstRunWithin a janitor that never ran is overdue only once this long has passed since
     *                              this service was made, the agency's start (one janitor interval), so a
     *                              fresh agency is not DEGRADED before its janitor had a chance to run
     * @param repairKeyOfInvoice    the dedup key of the step that completes an invoice's commissions
     */
    public DiagnosticsService(Boundary boundary, Persistence stores, Clock clock, Duration stalledAfter,
                              Duration janitorOverdueAfter, Duration janitorFirstRunWithin,
                              Function<String, String> repairKeyOfInvoice) {
        this(boundary, stores, clock, stalledAfter, janitorOverdueAfter, janitorFirstRunWithin, repairKeyOfInvoice,
                () -> IntegrationHealth.NOT_CONFIGURED);
    }

    /**
     * Wires diagnostics with an integrations section.
     *
     * @param boundary              the boundary every call passes
     * @param stores                the stores
     * @param clock                 the time
     * @param stalledAfter          see the other constructor
     * @param janitorOverdueAfter   see the other constructor
     * @param janitorFirstRunWithin see the other constructor
     * @param repairKeyOfInvoice    see the other constructor
     * @param integrations          reads the integrations section, inside the call's unit of work
     */
    public DiagnosticsService(Boundary boundary, Persistence stores, Clock clock, Duration stalledAfter,
                              Duration janitorOverdueAfter, Duration janitorFirstRunWithin,
                              Function<String, String> repairKeyOfInvoice, Supplier<IntegrationHealth> integrations) {
        this.integrations = Objects.requireNonNull(integrations, "integrations");
        this.boundary = Objects.requireNonNull(boundary, "boundary");
        this.stores = Objects.requireNonNull(stores, "stores");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.stalledAfter = Objects.requireNonNull(stalledAfter, "stalledAfter");
        this.janitorOverdueAfter = Objects.requireNonNull(janitorOverdueAfter, "janitorOverdueAfter");
        this.janitorFirstRunWithin = Objects.requireNonNull(janitorFirstRunWithin, "janitorFirstRunWithin");
        this.startedAt = clock.instant();
        this.repairKeyOfInvoice = Objects.requireNonNull(repairKeyOfInvoice, "repairKeyOfInvoice");
    }

    @Override
    public Health health(com.breakagency.ports.context.OperationContext context) {
        return boundary.call(context, RecoveryOperations.HEALTH, RecoveryService.NoInput.INSTANCE, (call, none) -> {
            Instant now = clock.instant();
            WorkflowHealth workflow = workflow(now);
            IntegrationHealth integration = integrations.get();
            List<String> reasons = new ArrayList<>(workflow.reasons());
            reasons.addAll(integration.reasons());
            return new Health(workflow.status().worst(integration.status()), reasons, now, workflow, integration);
        });
    }

    private WorkflowHealth workflow(Instant now) {
        Map<String, Map<StepStatus, Long>> depth = stores.workQueue().counts();
        long dead = depth.values().stream().mapToLong(byStatus -> byStatus.getOrDefault(StepStatus.DEAD, 0L)).sum();
        List<DeadStep> deadSamples = stores.workQueue().list(Optional.of(StepStatus.DEAD), Optional.empty(),
                Optional.empty(), DEAD_SAMPLES).stream().map(DiagnosticsService::deadStep).toList();
        Optional<Duration> oldestDueAge = stores.workQueue().oldestDue(now)
                .map(step -> Duration.between(step.nextAttemptAt(), now));
        JanitorStatus janitor = janitor(now);
        long withoutCommissions = stores.payments().countInvoicesWithoutCommissions();
        long uncovered = withoutCommissions == 0 ? 0 : uncovered(now);

        HealthStatus status = HealthStatus.UP;
        List<String> reasons = new ArrayList<>();
        if (uncovered > 0) {
            status = status.worst(HealthStatus.DOWN);
            reasons.add(uncovered + (uncovered == 1 ? " paid invoice has" : " paid invoices have")
                    + " payments without commission lines and no step to make them");
        }
        if (dead > 0) {
            status = status.worst(HealthStatus.DEGRADED);
            reasons.add(dead + (dead == 1 ? " step is DEAD and waits" : " steps are DEAD and wait") + " for an administrator's retry");
        }
        if (oldestDueAge.isPresent() && oldestDueAge.get().compareTo(stalledAfter) > 0) {
            status = status.worst(HealthStatus.DEGRADED);
            reasons.add("the oldest due step has waited " + oldestDueAge.get() + ", longer than " + stalledAfter
                    + ": no worker is taking steps");
        }
        if (janitor.overdue()) {
            status = status.worst(HealthStatus.DEGRADED);
            reasons.add(janitor.lastRunAt().map(at -> "the janitor last ran at " + at + ", more than "
                    + janitorOverdueAfter + " ago").orElse("the janitor has never run"));
        }
        return new WorkflowHealth(status, reasons, depth, oldestDueAge, dead, deadSamples, janitor, withoutCommissions,
                uncovered);
    }

    private static DeadStep deadStep(WorkStep step) {
        return new DeadStep(step.id(), step.type(), step.dedupKey(), step.attempts(), step.updatedAt(),
                Redaction.redact(step.lastError().orElse("")));
    }

    private JanitorStatus janitor(Instant now) {
        Optional<AuditEvent> last = stores.auditLog().latest(AuditAction.JANITOR_RAN);
        if (last.isEmpty()) {
            // "never ran" counts from the agency's start, once its first interval has passed
            boolean overdue = Duration.between(startedAt, now).compareTo(janitorFirstRunWithin) > 0;
            return new JanitorStatus(Optional.empty(), Optional.empty(), 0, List.of(), overdue);
        }
        AuditEvent ran = last.get();
        String runId = ran.changes().getOrDefault(Janitor.RUN_ID, ran.entity().id());
        long found = parseLong(ran.changes().get(Janitor.FOUND));
        Instant started = parseInstant(ran.changes().get(Janitor.STARTED_AT)).orElse(ran.at());
        List<JanitorFinding> findings = new ArrayList<>();
        if (found > 0) {
            Optional<String> after = Optional.empty();
            Instant to = ran.at().plusNanos(1);
            while (findings.size() < FINDINGS_SHOWN) {
                List<AuditEvent> page = stores.auditLog().byAction(AuditAction.JANITOR_FOUND, started, to, after, PAGE);
                for (AuditEvent event : page) {
                    if (runId.equals(event.changes().get("runId")) && findings.size() < FINDINGS_SHOWN) {
                        findings.add(new JanitorFinding(event.changes().getOrDefault("kind", "UNKNOWN"), event.entity(),
                                event.changes().getOrDefault("stepId", "")));
                    }
                }
                if (page.size() < PAGE) {
                    break;
                }
                after = Optional.of(page.get(page.size() - 1).id());
            }
        }
        boolean overdue = Duration.between(ran.at(), now).compareTo(janitorOverdueAfter) > 0;
        return new JanitorStatus(Optional.of(runId), Optional.of(ran.at()), found, findings, overdue);
    }

    /** Invoices with a payment without commission lines and no PENDING, RUNNING or DEAD repair step. */
    private long uncovered(Instant now) {
        Set<String> invoices = new HashSet<>();
        long uncovered = 0;
        Optional<String> after = Optional.empty();
        // keyset pages of the anti-join, to the last: no cap, each page as cheap however large the books
        while (true) {
            List<Payment> page = stores.payments().withoutCommissions(now.plusNanos(1), after, PAGE);
            for (Payment payment : page) {
                if (invoices.add(payment.invoiceId()) && stores.workQueue()
                        .findByDedupKey(repairKeyOfInvoice.apply(payment.invoiceId()))
                        .filter(step -> step.status() != StepStatus.DONE).isEmpty()) {
                    uncovered++;
                }
            }
            if (page.size() < PAGE) {
                break;
            }
            after = Optional.of(page.get(page.size() - 1).id());
        }
        return uncovered;
    }

    private static long parseLong(String text) {
        try {
            return text == null ? 0 : Long.parseLong(text);
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    private static Optional<Instant> parseInstant(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(Instant.parse(text));
        } catch (DateTimeParseException notAnInstant) {
            return Optional.empty();
        }
    }
}
