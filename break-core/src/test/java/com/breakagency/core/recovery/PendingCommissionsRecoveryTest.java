package com.breakagency.core.recovery;

import com.breakagency.ports.model.Money;
import com.breakagency.testkit.AgencyFixture;
import com.breakagency.core.TestAgencies;
import com.breakagency.core.Backoff;
import com.breakagency.core.BreakAgencyBuilder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.breakagency.core.BreakAgency;
import com.breakagency.core.StepsRun;
import com.breakagency.ports.api.finance.PaymentResult;
import com.breakagency.ports.api.recovery.StepQuery;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.audit.AuditEvent;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.CommissionState;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.work.StepStatus;
import com.breakagency.ports.model.work.WorkStep;
import com.breakagency.ports.spi.ErrorReport;
import com.breakagency.testkit.LogCapture;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The finance pending path, completed by the worker: a payment for talent without a managing agent is
 * recorded with its commissions PENDING and a queued ENSURE_COMMISSIONS step; the worker completes it once
 * the agent is assigned, backs off while nobody is, and after the last attempt leaves it DEAD with one
 * report for an administrator to retry.
 */
class PendingCommissionsRecoveryTest {

    private static final Backoff BACKOFF = BreakAgencyBuilder.DEFAULT_BACKOFF;

    @Test
    void once_the_agent_is_assigned_the_worker_completes_the_commissions_with_one_allocation() {
        try (AgencyFixture<BreakAgency> office = TestAgencies.inMemory()) {
            Talent talent = office.aTalentManagedBy(null);
            Invoice invoice = office.anIssuedInvoice(talent, Money.of(100_000, "GBP"));

            PaymentResult paid = office.payInFull(invoice);

            assertEquals(CommissionState.PENDING, paid.commissions());
            List<ErrorReport> pending = office.reports().reports(ErrorCode.WORKFLOW_BREAK);
            assertEquals(1, pending.size(), "reported once");
            assertEquals(Reason.COMMISSIONS_PENDING, pending.get(0).reason());
            WorkStep queued = office.commissionStepOf(invoice.id()).orElseThrow();
            assertEquals(StepStatus.PENDING, queued.status());

            office.assignAgent(talent, "agent-late");
            office.clock().set(queued.nextAttemptAt());
            StepsRun run = office.agency().runDueSteps();

            assertEquals(new StepsRun(1, 0, 0, 0), run);
            assertEquals(StepStatus.DONE, office.commissionStepOf(invoice.id()).orElseThrow().status());
            List<CommissionLine> lines = office.stores().commissions().byInvoice(invoice.id());
            assertEquals(3, lines.size(), "one allocation: talent, house, agent");
            assertEquals(1, lines.stream().map(CommissionLine::paymentId).distinct().count());
            assertEquals(100_000, office.commissionLinesTotal(invoice.id()));
            assertEquals(5_000, lines.stream().filter(l -> l.beneficiary().id().equals("agent-late"))
                    .mapToLong(l -> l.amount().minorUnits()).sum());
            assertEquals(CommissionState.ALLOCATED, office.stores().invoices().findById(invoice.id()).orElseThrow().commissions());
            assertEquals(3, office.auditEventsOf(AuditAction.COMMISSION_CREATED, EntityType.INVOICE, invoice.id()).size());
            assertEquals(1, office.reports().reports().size(), "nothing reported besides the pending payment");

            assertEquals(StepsRun.NONE, office.agency().runDueSteps(), "nothing left to run");
            assertEquals(3, office.stores().commissions().byInvoice(invoice.id()).size());
        }
    }

    @Test
    void while_nobody_assigns_the_agent_each_attempt_backs_off_quietly_until_the_step_is_dead_and_reported_once() {
        try (AgencyFixture<BreakAgency> office = TestAgencies.inMemory()) {
            Talent talent = office.aTalentManagedBy(null);
            Invoice invoice = office.anIssuedInvoice(talent, Money.of(100_000, "GBP"));
            office.payInFull(invoice);
            office.reports().clear();
            LogCapture logs = LogCapture.of("com.breakagency");
            try {

            List<Duration> waits = new ArrayList<>();
            List<Instant> dueTimes = new ArrayList<>();
            for (int attempt = 1; attempt < BACKOFF.maxAttempts(); attempt++) {
                Instant failedAt = office.clock().instant();
                assertEquals(new StepsRun(0, 1, 0, 0), office.agency().runDueSteps(), "attempt " + attempt);
                WorkStep step = office.commissionStepOf(invoice.id()).orElseThrow();
                assertEquals(StepStatus.PENDING, step.status());
                assertEquals(attempt, step.attempts());
                assertTrue(step.lastError().orElseThrow().contains("NO_MANAGING_AGENT"), step.lastError().orElseThrow());
                Duration wait = Duration.between(failedAt, step.nextAttemptAt());
                Duration nominal = BACKOFF.nominalDelay(attempt);
                assertTrue(wait.compareTo(nominal.multipliedBy(8).dividedBy(10)) >= 0
                        && wait.compareTo(nominal.multipliedBy(12).dividedBy(10)) <= 0, "attempt " + attempt + " waits " + wait);
                waits.add(wait);
                dueTimes.add(step.nextAttemptAt());

                assertEquals(StepsRun.NONE, office.agency().runDueSteps(), "not due before its next attempt");
                office.clock().set(step.nextAttemptAt());
            }
            for (int i = 1; i < waits.size(); i++) {
                assertTrue(waits.get(i).compareTo(waits.get(i - 1)) > 0, "the waits grow: " + waits);
                assertTrue(dueTimes.get(i).isAfter(dueTimes.get(i - 1)), "next attempts come later and later");
            }
            assertEquals(List.of(), office.reports().reports(), "no report per attempt");
            List<ILoggingEvent> warnings = logs.events("WARN").stream()
                    .filter(e -> e.getLoggerName().equals(StepRunner.LOGGER_NAME)).toList();
            assertEquals(BACKOFF.maxAttempts() - 1, warnings.size(), "one WARN line per failed attempt");
            assertEquals(List.of(), logs.events("ERROR"), "a failed attempt is not an error");

            StepsRun last = office.agency().runDueSteps();

            assertEquals(new StepsRun(0, 1, 1, 0), last);
            WorkStep dead = office.commissionStepOf(invoice.id()).orElseThrow();
            assertEquals(StepStatus.DEAD, dead.status());
            assertEquals(BACKOFF.maxAttempts(), dead.attempts());
            List<ErrorReport> exhausted = office.reports().reports();
            assertEquals(1, exhausted.size(), "exactly one report");
            assertEquals(ErrorCode.WORKFLOW_BREAK, exhausted.get(0).code());
            assertEquals(Reason.RETRIES_EXHAUSTED, exhausted.get(0).reason());
            assertEquals(dead.id(), exhausted.get(0).metadata().get("stepId"));
            assertEquals(RecoveryOperations.RUN_STEP.name(), exhausted.get(0).operation());
            assertEquals(List.of(), office.reports().reportedInsideTransaction(), "reported after the unit of work");
            List<AuditEvent> deadEvents = office.auditEvents(AuditAction.STEP_DEAD);
            assertEquals(1, deadEvents.size());
            assertEquals(dead.id(), deadEvents.get(0).entity().id());
            assertEquals(Set.of(com.breakagency.ports.context.Role.SYSTEM), deadEvents.get(0).actorRoles());
            assertEquals(1, logs.events("ERROR").size(), "the one failure logged at ERROR, with the report");

            office.clock().advance(Duration.ofDays(30));
            assertEquals(StepsRun.NONE, office.agency().runDueSteps(), "a DEAD step waits for an administrator");
            assertEquals(List.of(dead), office.agency().recovery().listSteps(AgencyFixture.anAdmin(),
                    StepQuery.inStatus(StepStatus.DEAD, 10)).items());

            // the administrator fixes the data and retries
            office.assignAgent(talent, "agent-late");
            WorkStep retried = office.agency().recovery().retryStep(AgencyFixture.anAdmin(), dead.id());

            assertEquals(StepStatus.PENDING, retried.status());
            assertEquals(0, retried.attempts());
            assertEquals(office.clock().instant(), retried.nextAttemptAt());
            List<AuditEvent> retriedEvents = office.auditEvents(AuditAction.STEP_RETRIED);
            assertEquals(1, retriedEvents.size());
            assertEquals("admin-1", retriedEvents.get(0).actorUserId());

            assertEquals(new StepsRun(1, 0, 0, 0), office.agency().runDueSteps());
            assertEquals(StepStatus.DONE, office.commissionStepOf(invoice.id()).orElseThrow().status());
            assertEquals(100_000, office.commissionLinesTotal(invoice.id()));
            assertEquals(1, office.stores().commissions().byInvoice(invoice.id()).stream()
                    .map(CommissionLine::paymentId).collect(Collectors.toSet()).size());
            assertEquals(1, office.reports().reports().size(), "still the one report");
            } finally {
                logs.close();
            }
        }
    }

    @Test
    void a_step_whose_worker_died_is_taken_over_after_its_lease_and_completed_exactly_once() {
        try (AgencyFixture<BreakAgency> office = TestAgencies.inMemory()) {
            Talent talent = office.aTalentManagedBy(null);
            Invoice invoice = office.anIssuedInvoice(talent, Money.of(80_000, "GBP"));
            office.payInFull(invoice);
            office.assignAgent(talent, "agent-late");
            Duration lease = BreakAgencyBuilder.DEFAULT_LEASE;

            // another instance claims the step and dies before it completes it
            WorkStep abandoned = office.stores().workQueue().claimDue("instance-that-died", office.clock().instant(), lease, 10)
                    .get(0);
            assertEquals(StepsRun.NONE, office.agency().runDueSteps(), "its lease still holds");
            office.clock().advance(lease.minusNanos(1000));
            assertEquals(StepsRun.NONE, office.agency().runDueSteps(), "a microsecond before the lease ends");

            office.clock().advance(Duration.ofNanos(1000));
            assertEquals(new StepsRun(1, 0, 0, 0), office.agency().runDueSteps());

            WorkStep done = office.commissionStepOf(invoice.id()).orElseThrow();
            assertEquals(StepStatus.DONE, done.status());
            assertEquals(2, done.attempts(), "the dead worker's attempt counts");
            assertFalse(office.stores().workQueue().complete(abandoned.id(), "instance-that-died", abandoned.version()),
                    "the dead worker, were it to wake up, can no longer complete it");
            assertEquals(3, office.stores().commissions().byInvoice(invoice.id()).size(), "one allocation");
            assertEquals(80_000, office.commissionLinesTotal(invoice.id()));
            assertEquals(StepsRun.NONE, office.agency().runDueSteps());
        }
    }

    @Test
    void a_step_for_an_invoice_that_does_not_exist_is_dead_at_once_and_its_error_is_redacted() {
        try (AgencyFixture<BreakAgency> office = TestAgencies.inMemory()) {
            Instant now = office.clock().instant();
            String key = AgencyFixture.ENSURE_COMMISSIONS + ":nowhere";
            office.stores().workQueue().enqueue(new WorkStep("step-nowhere", AgencyFixture.ENSURE_COMMISSIONS, key,
                    java.util.Map.of("invoiceId", "jane@brand.com refresh_token=abc123secret"), StepStatus.PENDING, 0,
                    now, java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), now, now, 1));

            assertEquals(new StepsRun(0, 1, 1, 0), office.agency().runDueSteps());

            WorkStep dead = office.stores().workQueue().findByDedupKey(key).orElseThrow();
            assertEquals(StepStatus.DEAD, dead.status());
            assertEquals(1, dead.attempts(), "no further attempts for what can never work");
            String error = dead.lastError().orElseThrow();
            assertTrue(error.contains("does not exist"), error);
            assertFalse(error.contains("jane@brand.com") || error.contains("abc123secret"), error);
            assertEquals(1, office.reports().reports().size());
            ErrorReport report = office.reports().reports().get(0);
            assertEquals(Reason.RETRIES_EXHAUSTED, report.reason());
            assertFalse(report.toString().contains("jane@brand.com") || report.toString().contains("abc123secret"),
                    report.toString());
        }
    }
}
