package com.breakagency.core.recovery;

import com.breakagency.core.internal.Audit;
import com.breakagency.core.internal.GuardedTelemetry;
import com.breakagency.ports.api.recovery.JanitorFinding;
import com.breakagency.ports.api.recovery.JanitorReport;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.spi.IdGenerator;
import com.breakagency.ports.spi.IdempotencyKeys;
import com.breakagency.ports.spi.Telemetry;
import com.breakagency.ports.spi.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sweeps for broken states no step covers and queues their repair. Each run ends with a
 * {@code JANITOR_RAN} audit event (run id, start, number found) beside the run's {@code JANITOR_FOUND}
 * events, which is how diagnostics on any instance knows the janitor's last run. Safe on several
 * instances at once: the sweeps queue repairs through the work queue's dedup keys. Thread-safe.
 */
public final class Janitor {

    /** The names of the {@code JANITOR_RAN} event's changes. */
    static final String RUN_ID = "runId";
    static final String STARTED_AT = "startedAt";
    static final String FOUND = "found";
    static final String KEYS_FORGOTTEN = "expiredKeysForgotten";

    private static final Logger LOG = LoggerFactory.getLogger(StepRunner.LOGGER_NAME);

    private final List<Sweep> sweeps;
    private final Transactions transactions;
    private final IdempotencyKeys keys;
    private final Audit audit;
    private final IdGenerator ids;
    private final Clock clock;
    private final Duration gracePeriod;
    private final Telemetry telemetry;

    /**
     * Wires a janitor.
     *
     * @param sweeps       what to look for
     * @param transactions the units of work of the stores
     * @param keys         idempotency keys, whose expired records each run forgets
     * @param audit        writes JANITOR_RAN
     * @param ids          makes run ids
     * @param clock        the time
     * @param gracePeriod  how old a state must be to count as broken (younger ones may be work in flight)
     * @param telemetry    told of each run and each finding
     */
    public Janitor(List<Sweep> sweeps, Transactions transactions, IdempotencyKeys keys, Audit audit, IdGenerator ids,
                   Clock clock, Duration gracePeriod, Telemetry telemetry) {
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
        this.sweeps = List.copyOf(sweeps);
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.gracePeriod = Objects.requireNonNull(gracePeriod, "gracePeriod");
    }

    /**
     * Runs every sweep once, on the calling thread, inside the caller's unit of work if there is one; then
     * forgets the idempotency keys whose retention has passed, so that table does not only grow.
     *
     * @param context the actor and correlation id the audit events carry
     * @return what this run found
     */
    public JanitorReport run(OperationContext context) {
        long startedNanos = System.nanoTime();
        String runId = ids.nextId();
        Instant started = clock.instant();
        List<JanitorFinding> findings = new ArrayList<>();
        for (Sweep sweep : sweeps) {
            findings.addAll(sweep.sweep(context, runId, started.minus(gracePeriod)));
        }
        int forgotten = transactions.inTransaction(() -> keys.deleteExpired(started));
        Instant finished = clock.instant();
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put(RUN_ID, runId);
        changes.put(STARTED_AT, started.toString());
        changes.put(FOUND, Integer.toString(findings.size()));
        changes.put(KEYS_FORGOTTEN, Integer.toString(forgotten));
        transactions.inTransaction(() -> audit.record(context, AuditAction.JANITOR_RAN,
                EntityRef.of(EntityType.JANITOR_RUN, runId), changes));
        findings.forEach(finding -> telemetry.janitorFound(finding.kind()));
        telemetry.janitorRan(GuardedTelemetry.since(startedNanos));
        if (findings.isEmpty()) {
            LOG.debug("janitor run {} found nothing to repair", runId);
        } else {
            LOG.info("janitor run {} queued {} repair(s)", runId, findings.size());
        }
        return new JanitorReport(runId, started, finished, findings);
    }
}
