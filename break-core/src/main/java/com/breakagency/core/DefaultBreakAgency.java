package com.breakagency.core;

import com.breakagency.core.audit.AuditTrailService;
import com.breakagency.core.boundary.Boundary;
import com.breakagency.core.boundary.CommandValidator;
import com.breakagency.core.crm.CrmService;
import com.breakagency.core.crm.DealStages;
import com.breakagency.core.finance.FinanceService;
import com.breakagency.core.internal.AgencyTelemetryScope;
import com.breakagency.core.internal.Audit;
import com.breakagency.core.integration.IntegrationService;
import com.breakagency.core.internal.GuardedTelemetry;
import com.breakagency.core.policy.PolicyTable;
import com.breakagency.core.recovery.BackgroundWork;
import com.breakagency.core.recovery.DiagnosticsService;
import com.breakagency.core.recovery.Janitor;
import com.breakagency.core.recovery.RecoveryService;
import com.breakagency.core.recovery.RecoverySettings;
import com.breakagency.core.recovery.StepHandler;
import com.breakagency.core.recovery.StepRunner;
import com.breakagency.ports.api.AuditTrail;
import com.breakagency.ports.api.Crm;
import com.breakagency.ports.api.Diagnostics;
import com.breakagency.ports.api.Finance;
import com.breakagency.ports.api.Integrations;
import com.breakagency.ports.api.diagnostics.IntegrationHealth;
import com.breakagency.ports.api.Recovery;
import com.breakagency.ports.api.recovery.JanitorReport;
import com.breakagency.ports.error.Severity;
import com.breakagency.ports.spi.ErrorReporter;
import com.breakagency.ports.spi.IdGenerator;
import com.breakagency.ports.spi.Persistence;
import com.breakagency.ports.spi.Telemetry;
import java.time.Clock;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;

final class DefaultBreakAgency implements BreakAgency {

    private final CommandValidator validator;
    private final ErrorReporter reporter;
    private final Boundary boundary;
    private final CrmService crm;
    private final AuditTrailService auditTrail;
    private final FinanceService finance;
    private final RecoveryService recovery;
    private final DiagnosticsService diagnostics;
    private final BackgroundWork background;
    private final Optional<IntegrationService> integrations;
    private final AtomicBoolean closed = new AtomicBoolean();

    DefaultBreakAgency(Persistence persistence, ErrorReporter reporter, Clock clock, IdGenerator ids,
                       FinanceService.Settings financeSettings, RecoverySettings recoverySettings,
                       RandomGenerator random, Severity clientErrorLogLevel,
                       Optional<IntegrationWiring> integrationWiring, Telemetry hostTelemetry) {
        this.validator = new CommandValidator();
        this.reporter = reporter;
        Telemetry telemetry = new GuardedTelemetry(hostTelemetry);
        this.boundary = new Boundary(validator, PolicyTable.STANDARD, persistence.transactions(), reporter, clock,
                clientErrorLogLevel, telemetry);
        Audit audit = new Audit(persistence.auditLog(), ids, clock);
        DealStages stages = new DealStages(persistence.deals(), audit, clock);
        this.crm = new CrmService(boundary, persistence, audit, ids, clock, stages);
        this.auditTrail = new AuditTrailService(boundary, persistence);
        this.finance = new FinanceService(boundary, persistence, audit, ids, clock, stages, financeSettings);
        stages.register(finance);

        this.integrations = integrationWiring.map(w -> new IntegrationService(boundary, w.stores(),
                persistence.workQueue(), w.providers(), w.cipher(), audit, ids, clock, w.settings(), w.stateRandom(),
                random, w.mailSource(), sliced(w.mailSettings(), recoverySettings.lease()), persistence));
        Map<String, StepHandler> handlers = new HashMap<>();
        handlers.put(FinanceService.ENSURE_COMMISSIONS_STEP, finance.ensureCommissionsHandler());
        integrations.ifPresent(i -> handlers.putAll(i.stepHandlers()));
        StepRunner runner = new StepRunner(persistence.workQueue(), persistence.transactions(), audit, boundary, clock,
                handlers,
                recoverySettings.workerId(), recoverySettings.lease(), recoverySettings.backoff(), random);
        Janitor janitor = new Janitor(List.of(finance.unallocatedPaymentsSweep()), persistence.transactions(),
                persistence.idempotencyKeys(), audit,
                ids, clock, recoverySettings.janitorGracePeriod(), telemetry);
        this.recovery = new RecoveryService(boundary, persistence.workQueue(), audit, clock, janitor,
                finance::ensureCommissions);
        this.diagnostics = new DiagnosticsService(boundary, persistence, clock, recoverySettings.lease(),
                recoverySettings.janitorInterval().multipliedBy(3), recoverySettings.janitorInterval(),
                FinanceService::ensureCommissionsKey,
                () -> integrations.map(IntegrationService::health).orElse(IntegrationHealth.NOT_CONFIGURED));
        this.background = new BackgroundWork(runner, janitor, ids, recoverySettings);
        telemetry.bind(new AgencyTelemetryScope(
                PolicyTable.STANDARD.operations().stream().map(op -> op.name()).collect(Collectors.toSet()),
                handlers.keySet(), persistence.workQueue(), persistence.transactions(), clock));
    }

    /** A sync step yields within half the queue's lease, so the queue never takes a running step back. */
    private static MailSyncSettings sliced(MailSyncSettings mail, java.time.Duration queueLease) {
        java.time.Duration half = queueLease.dividedBy(2);
        return mail.slice().compareTo(half) > 0 && half.compareTo(java.time.Duration.ofSeconds(1)) >= 0
                ? mail.withTiming(mail.lease(), half, mail.resyncInterval()) : mail;
    }

    Boundary boundary() {
        return boundary;
    }

    @Override
    public Crm crm() {
        return crm;
    }

    @Override
    public AuditTrail auditTrail() {
        return auditTrail;
    }

    @Override
    public Finance finance() {
        return finance;
    }

    @Override
    public Recovery recovery() {
        return recovery;
    }

    @Override
    public Diagnostics diagnostics() {
        return diagnostics;
    }

    @Override
    public Integrations integrations() {
        return integrations.orElseThrow(() -> new IllegalStateException(
                "integrations are not configured: BreakAgency.builder().integrations(...)"));
    }

    @Override
    public void start() {
        requireOpen();
        background.start();
    }

    @Override
    public StepsRun runDueSteps() {
        requireOpen();
        return background.runDueSteps();
    }

    @Override
    public JanitorReport runJanitor() {
        requireOpen();
        return background.runJanitor();
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the agency is closed");
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                background.close();
            } finally {
                try {
                    reporter.close();
                } finally {
                    validator.close();
                }
            }
        }
    }
}
