package com.breakagency.core.recovery;

import com.breakagency.ports.model.Money;
import com.breakagency.testkit.AgencyFixture;
import com.breakagency.core.TestAgencies;
import com.breakagency.core.BreakAgencyBuilder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.core.BreakAgency;
import com.breakagency.ports.api.diagnostics.DeadStep;
import com.breakagency.ports.api.diagnostics.Health;
import com.breakagency.ports.api.diagnostics.HealthStatus;
import com.breakagency.ports.api.diagnostics.WorkflowHealth;
import com.breakagency.ports.api.recovery.JanitorReport;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.Payment;
import com.breakagency.ports.model.work.StepStatus;
import com.breakagency.ports.model.work.WorkStep;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every figure of the health matches what the stores hold, worked out here from the stores themselves;
 * the status follows the documented rules; nothing secret leaves.
 */
class DiagnosticsTest {

    private static final String SECRET_ERROR = "token refresh for jane@brand.com failed: refresh_token=abc123secret";
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

    @Test
    void every_figure_matches_the_stores_and_the_status_follows_the_rules() {
        // a one-minute janitor interval: two minutes in, a janitor that never ran is overdue
        try (AgencyFixture<BreakAgency> office = TestAgencies.inMemory(b -> b.janitorInterval(Duration.ofMinutes(1)))) {
            Talent managed = office.aTalentManagedBy("agent-manager");
            Talent unmanaged = office.aTalentManagedBy(null);
            // healthy paid invoices
            office.payInFull(office.anIssuedInvoice(managed, Money.of(10_000, "GBP")));
            office.payInFull(office.anIssuedInvoice(managed, Money.of(11_000, "GBP")));
            // pending invoices with their steps
            Invoice pendingA = office.anIssuedInvoice(unmanaged, Money.of(20_000, "GBP"));
            office.payInFull(pendingA);
            Invoice pendingB = office.anIssuedInvoice(unmanaged, Money.of(21_000, "GBP"));
            office.payInFull(pendingB);
            // broken ones that no step covers
            Payment brokenA = office.aPaymentLeftWithoutCommissions(managed, 30_000, Duration.ofHours(1));
            Payment brokenB = office.aPaymentLeftWithoutCommissions(managed, 31_000, Duration.ofHours(1));
            // a DEAD step whose last error holds an address and a token, written straight into the queue
            WorkStep deadClaim = office.stores().workQueue().claimDue("worker-x", office.clock().instant(),
                    Duration.ofMinutes(5), 1).get(0);
            office.stores().workQueue().fail(deadClaim.id(), "worker-x", deadClaim.version(), SECRET_ERROR,
                    office.clock().instant(), true);
            office.clock().advance(Duration.ofMinutes(2));

            Health health = office.agency().diagnostics().health(AgencyFixture.anAdmin());

            Instant now = office.clock().instant();
            WorkflowHealth workflow = health.workflow();
            assertEquals(now, health.checkedAt());
            assertEquals(office.stores().workQueue().counts(), workflow.queueDepth());
            assertEquals(Map.of(AgencyFixture.ENSURE_COMMISSIONS, Map.of(StepStatus.PENDING, 1L, StepStatus.DEAD, 1L)),
                    workflow.queueDepth());
            List<WorkStep> dead = office.steps(StepStatus.DEAD);
            assertEquals(dead.size(), workflow.deadSteps());
            assertEquals(dead.stream().map(WorkStep::id).toList(),
                    workflow.deadStepSamples().stream().map(DeadStep::id).toList());
            DeadStep sample = workflow.deadStepSamples().get(0);
            assertEquals(deadClaim.dedupKey(), sample.dedupKey());
            assertEquals(1, sample.attempts());
            assertFalse(sample.lastError().contains("jane@brand.com") || sample.lastError().contains("abc123secret"),
                    sample.lastError());
            assertTrue(sample.lastError().contains("token refresh"), "the rest of the error stays: " + sample.lastError());
            WorkStep oldestDue = office.steps(StepStatus.PENDING).stream()
                    .filter(s -> !s.nextAttemptAt().isAfter(now)).min(Comparator.comparing(WorkStep::nextAttemptAt))
                    .orElseThrow();
            assertEquals(Optional.of(Duration.between(oldestDue.nextAttemptAt(), now)), workflow.oldestDueAge());
            assertEquals(unallocatedInvoices(office).size(), workflow.paidWithoutCommissions());
            assertEquals(4, workflow.paidWithoutCommissions(), "two pending, two broken");
            assertEquals(uncovered(office).size(), workflow.paidWithoutCommissionsOrStep());
            assertEquals(Set.of(brokenA.invoiceId(), brokenB.invoiceId()), uncovered(office));
            assertTrue(workflow.janitor().overdue(), "never ran");
            assertEquals(Optional.empty(), workflow.janitor().lastRunAt());

            assertEquals(HealthStatus.DOWN, health.status());
            assertEquals(HealthStatus.DOWN, workflow.status());
            assertEquals(workflow.reasons(), health.reasons());
            assertEquals(List.of(
                    "2 paid invoices have payments without commission lines and no step to make them",
                    "1 step is DEAD and waits for an administrator's retry",
                    "the janitor has never run"), health.reasons());
            assertNothingSecretIn(health);

            // the janitor covers the broken ones: no longer DOWN, and its run shows
            JanitorReport run = office.agency().runJanitor();
            Health afterJanitor = office.agency().diagnostics().health(AgencyFixture.anAdmin());

            assertEquals(HealthStatus.DEGRADED, afterJanitor.status());
            assertEquals(0, afterJanitor.workflow().paidWithoutCommissionsOrStep());
            assertEquals(4, afterJanitor.workflow().paidWithoutCommissions(), "still unallocated, but covered");
            assertEquals(Optional.of(run.runId()), afterJanitor.workflow().janitor().lastRunId());
            assertEquals(Optional.of(run.finishedAt()), afterJanitor.workflow().janitor().lastRunAt());
            assertEquals(2, afterJanitor.workflow().janitor().lastRunFound());
            assertEquals(run.findings(), afterJanitor.workflow().janitor().lastRunFindings());
            assertFalse(afterJanitor.workflow().janitor().overdue());
            assertEquals(List.of("1 step is DEAD and waits for an administrator's retry"), afterJanitor.reasons());
            assertEquals(office.stores().workQueue().counts(), afterJanitor.workflow().queueDepth());

            // fixed data, the dead step retried, every step run: UP
            office.assignAgent(unmanaged, "agent-late");
            office.agency().recovery().retryStep(AgencyFixture.anAdmin(), deadClaim.id());
            office.agency().runDueSteps();
            Health healthy = office.agency().diagnostics().health(AgencyFixture.anAdmin());

            assertEquals(HealthStatus.UP, healthy.status(), healthy.reasons().toString());
            assertEquals(List.of(), healthy.reasons());
            assertEquals(0, healthy.workflow().paidWithoutCommissions());
            assertEquals(Optional.empty(), healthy.workflow().oldestDueAge());
            assertEquals(0, healthy.workflow().deadSteps());
            assertEquals(Map.of(AgencyFixture.ENSURE_COMMISSIONS, Map.of(StepStatus.DONE, 4L)), healthy.workflow().queueDepth());
        }
    }

    @Test
    void a_due_step_nobody_takes_for_longer_than_the_lease_and_an_overdue_janitor_degrade_the_health() {
        try (AgencyFixture<BreakAgency> office = TestAgencies.inMemory()) {
            office.agency().runJanitor();
            Invoice invoice = office.anIssuedInvoice(office.aTalentManagedBy(null), Money.of(5_000, "GBP"));
            office.payInFull(invoice);
            Duration lease = BreakAgencyBuilder.DEFAULT_LEASE;

            office.clock().advance(lease);
            Health atTheLease = office.agency().diagnostics().health(AgencyFixture.anAdmin());
            assertEquals(HealthStatus.UP, atTheLease.status(), "waiting exactly one lease is not yet stalled");
            assertEquals(Optional.of(lease), atTheLease.workflow().oldestDueAge());

            office.clock().advance(Duration.ofSeconds(1));
            Health stalled = office.agency().diagnostics().health(AgencyFixture.anAdmin());
            assertEquals(HealthStatus.DEGRADED, stalled.status());
            assertEquals(List.of("the oldest due step has waited PT5M1S, longer than PT5M: no worker is taking steps"),
                    stalled.reasons());

            office.clock().advance(BreakAgencyBuilder.DEFAULT_JANITOR_INTERVAL.multipliedBy(3));
            Health overdue = office.agency().diagnostics().health(AgencyFixture.anAdmin());
            assertEquals(HealthStatus.DEGRADED, overdue.status());
            assertTrue(overdue.workflow().janitor().overdue());
            assertTrue(overdue.reasons().get(1).startsWith("the janitor last ran at "), overdue.reasons().toString());
        }
    }

    @Test
    void the_system_actor_reads_the_health_too() {
        try (AgencyFixture<BreakAgency> office = TestAgencies.inMemory()) {
            office.agency().runJanitor();
            Health health = office.agency().diagnostics().health(com.breakagency.ports.context.OperationContext.system());
            assertEquals(HealthStatus.UP, health.status());
            assertEquals(Map.of(), health.workflow().queueDepth());
        }
    }

    private static void assertNothingSecretIn(Health health) {
        String text = health.toString();
        assertFalse(text.contains("jane@brand.com"), text);
        assertFalse(text.contains("abc123secret"), text);
        assertFalse(EMAIL.matcher(text).find(), "no email address at all: " + text);
    }

    /** Invoices with a payment without lines, worked out from the payments and lines stores. */
    private static Set<String> unallocatedInvoices(AgencyFixture<BreakAgency> office) {
        Set<String> invoices = new HashSet<>();
        office.stores().invoices().list(com.breakagency.ports.spi.Invoices.Query.ALL, Optional.empty(), 100_000)
                .forEach(invoice -> office.stores().payments().byInvoice(invoice.id()).stream()
                        .filter(p -> office.stores().commissions().byPayment(p.id()).isEmpty())
                        .findAny().ifPresent(p -> invoices.add(invoice.id())));
        return invoices;
    }

    /** Of those, the ones whose step is missing or DONE. */
    private static Set<String> uncovered(AgencyFixture<BreakAgency> office) {
        Set<String> uncovered = new HashSet<>();
        for (String invoiceId : unallocatedInvoices(office)) {
            Optional<WorkStep> step = office.commissionStepOf(invoiceId);
            if (step.isEmpty() || step.get().status() == StepStatus.DONE) {
                uncovered.add(invoiceId);
            }
        }
        return uncovered;
    }
}
