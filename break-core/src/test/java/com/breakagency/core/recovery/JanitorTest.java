package com.breakagency.core.recovery;

import com.breakagency.ports.model.Money;
import com.breakagency.testkit.AgencyFixture;
import com.breakagency.core.TestAgencies;
import com.breakagency.core.BreakAgency;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.core.StepsRun;
import com.breakagency.core.finance.FinanceService;
import com.breakagency.ports.api.finance.PaymentResult;
import com.breakagency.ports.api.recovery.JanitorFinding;
import com.breakagency.ports.api.recovery.JanitorReport;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.audit.AuditEvent;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.model.finance.CommissionState;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.Payment;
import com.breakagency.ports.model.work.StepStatus;
import com.breakagency.ports.model.work.WorkStep;
import com.breakagency.ports.spi.IdempotencyKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The janitor finds paid invoices with a payment that has no commission lines and no step to make them,
 * queues their repair once, whoever else is sweeping, and records what it found.
 */
class JanitorTest {

    @Test
    void a_janitor_run_forgets_idempotency_keys_past_their_retention_and_keeps_the_others() {
        try (AgencyFixture<BreakAgency> office = TestAgencies.inMemory()) {
            Talent talent = office.aTalentManagedBy("agent-1");
            PaymentResult old = office.payInFull(office.anIssuedInvoice(talent, Money.of(10_000, "GBP")));
            String oldKey = old.payment().externalReference();
            office.clock().advance(Duration.ofHours(23));
            PaymentResult recent = office.payInFull(office.anIssuedInvoice(talent, Money.of(20_000, "GBP")));
            String recentKey = recent.payment().externalReference();
            office.clock().advance(Duration.ofHours(2));

            office.agency().runJanitor();

            IdempotencyKeys keys = office.stores().idempotencyKeys();
            assertTrue(keys.find(FinanceService.PAYMENT_KEY_SCOPE, oldKey).isEmpty(), "25 hours old: forgotten");
            assertTrue(keys.find(FinanceService.PAYMENT_KEY_SCOPE, recentKey).isPresent(), "2 hours old: kept");
            AuditEvent ran = office.stores().auditLog().latest(AuditAction.JANITOR_RAN).orElseThrow();
            assertEquals("1", ran.changes().get("expiredKeysForgotten"));
        }
    }


    private static final Duration OLD = Duration.ofHours(2);

    @Test
    void the_janitor_queues_the_repair_of_exactly_the_broken_payments_and_a_second_run_finds_nothing_new() {
        try (AgencyFixture<BreakAgency> office = TestAgencies.inMemory()) {
            Talent managed = office.aTalentManagedBy("agent-manager");
            Talent unmanaged = office.aTalentManagedBy(null);
            // broken: paid, no lines, no step, recorded long ago
            Payment brokenA = office.aPaymentLeftWithoutCommissions(managed, 10_000, OLD);
            Payment brokenB = office.aPaymentLeftWithoutCommissions(managed, 20_000, Duration.ofMinutes(11));
            // broken, with a DONE step for its invoice from an earlier repair: DONE does not cover it
            Payment brokenWithDoneStep = office.aPaymentLeftWithoutCommissions(managed, 30_000, OLD);
            office.stores().workQueue().enqueue(step(office, brokenWithDoneStep.invoiceId()));
            WorkStep claimed = office.stores().workQueue().claimDue("w", office.clock().instant(), Duration.ofMinutes(1), 1).get(0);
            office.stores().workQueue().complete(claimed.id(), "w", claimed.version());
            // healthy: paid with commissions
            Invoice healthy = office.anIssuedInvoice(managed, Money.of(50_000, "GBP"));
            office.payInFull(healthy);
            // already pending: no lines, but its step is queued
            Invoice pending = office.anIssuedInvoice(unmanaged, Money.of(60_000, "GBP"));
            office.payInFull(pending);
            office.clock().advance(OLD);
            // recorded within the grace period: work in flight, not broken yet
            Payment stillRecent = office.aPaymentLeftWithoutCommissions(managed, 70_000, Duration.ofMinutes(9));

            JanitorReport first = office.agency().runJanitor();

            Set<String> expected = Set.of(brokenA.invoiceId(), brokenB.invoiceId(), brokenWithDoneStep.invoiceId());
            assertEquals(expected, invoicesOf(first), "exactly the broken ones");
            for (JanitorFinding finding : first.findings()) {
                assertEquals(JanitorFinding.PAYMENT_WITHOUT_COMMISSIONS, finding.kind());
                WorkStep step = office.commissionStepOf(finding.subject().id()).orElseThrow();
                assertEquals(StepStatus.PENDING, step.status());
                assertEquals(step.id(), finding.stepId());
                assertEquals(Map.of("invoiceId", finding.subject().id()), step.payload());
                assertEquals(CommissionState.PENDING,
                        office.stores().invoices().findById(finding.subject().id()).orElseThrow().commissions());
                List<AuditEvent> found = office.auditEventsOf(AuditAction.JANITOR_FOUND, EntityType.INVOICE, finding.subject().id());
                assertEquals(1, found.size());
                assertEquals(first.runId(), found.get(0).changes().get("runId"));
                assertEquals(step.id(), found.get(0).changes().get("stepId"));
            }
            assertEquals(claimed.id(), office.commissionStepOf(brokenWithDoneStep.invoiceId()).orElseThrow().id(),
                    "the DONE step is re-armed, not duplicated");
            assertEquals(StepStatus.PENDING, office.commissionStepOf(pending.id()).orElseThrow().status(), "left as it was");
            assertTrue(office.commissionStepOf(healthy.id()).isEmpty());
            assertTrue(office.commissionStepOf(stillRecent.invoiceId()).isEmpty(), "within the grace period");
            List<AuditEvent> ran = office.auditEvents(AuditAction.JANITOR_RAN);
            assertEquals(1, ran.size());
            assertEquals(EntityRef.of(EntityType.JANITOR_RUN, first.runId()), ran.get(0).entity());
            assertEquals("3", ran.get(0).changes().get("found"));

            JanitorReport second = office.agency().runJanitor();

            assertEquals(List.of(), second.findings(), "covered now");
            assertEquals(3, office.auditEvents(AuditAction.JANITOR_FOUND).size());
            assertEquals(2, office.auditEvents(AuditAction.JANITOR_RAN).size());

            // the worker repairs what the janitor queued (the talent is managed); the pending one still waits
            assertEquals(new StepsRun(3, 1, 0, 0), office.agency().runDueSteps());
            for (String invoiceId : expected) {
                assertEquals(office.stores().payments().byInvoice(invoiceId).get(0).amount().minorUnits(),
                        office.commissionLinesTotal(invoiceId));
                assertEquals(CommissionState.ALLOCATED, office.stores().invoices().findById(invoiceId).orElseThrow().commissions());
            }
            office.clock().advance(OLD);
            assertEquals(Set.of(stillRecent.invoiceId()), invoicesOf(office.agency().runJanitor()));
        }
    }

    @Test
    void an_administrator_can_run_the_janitor_through_the_recovery_port() {
        try (AgencyFixture<BreakAgency> office = TestAgencies.inMemory()) {
            Payment broken = office.aPaymentLeftWithoutCommissions(office.aTalentManagedBy("agent-manager"), 10_000, OLD);

            JanitorReport report = office.agency().recovery().runJanitor(AgencyFixture.anAdmin());

            assertEquals(Set.of(broken.invoiceId()), invoicesOf(report));
            assertEquals("admin-1", office.auditEvents(AuditAction.JANITOR_RAN).get(0).actorUserId());
        }
    }

    @RepeatedTest(5)
    void two_instances_sweeping_at_once_queue_one_step_per_broken_invoice() throws Exception {
        try (AgencyFixture<BreakAgency> one = TestAgencies.inMemory(); AgencyFixture<BreakAgency> two = TestAgencies.another(one, UnaryOperator.identity())) {
            Talent talent = one.aTalentManagedBy("agent-manager");
            Set<String> broken = new HashSet<>();
            for (int i = 0; i < 30; i++) {
                Payment first = one.aPaymentLeftWithoutCommissions(talent, 1_000 + i, OLD);
                broken.add(first.invoiceId());
                // a second unallocated payment of the same invoice must not give it a second step
                if (i % 3 == 0) {
                    one.stores().payments().insert(new Payment(java.util.UUID.randomUUID().toString(), first.invoiceId(),
                            first.amount(), first.receivedOn(), "second-" + java.util.UUID.randomUUID(), first.source(),
                            first.recordedBy(), first.recordedAt()));
                }
            }

            List<JanitorReport> reports = race(one, two);

            List<String> found = reports.stream().flatMap(r -> r.findings().stream()).map(f -> f.subject().id()).toList();
            assertEquals(broken, new HashSet<>(found), "every broken invoice found");
            assertEquals(broken.size(), found.size(), "by one janitor only");
            for (String invoiceId : broken) {
                assertEquals(1, one.auditEventsOf(AuditAction.JANITOR_FOUND, EntityType.INVOICE, invoiceId).size());
                assertEquals(StepStatus.PENDING, one.commissionStepOf(invoiceId).orElseThrow().status());
            }
            assertEquals(broken.size(), one.steps(StepStatus.PENDING).size(), "one step per broken invoice");
            assertEquals(2, one.auditEvents(AuditAction.JANITOR_RAN).size());
        }
    }

    private static List<JanitorReport> race(AgencyFixture<BreakAgency>... offices) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(offices.length);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<JanitorReport>> runs = new ArrayList<>();
            for (AgencyFixture<BreakAgency> office : offices) {
                Callable<JanitorReport> run = () -> {
                    go.await(10, TimeUnit.SECONDS);
                    return office.agency().runJanitor();
                };
                runs.add(threads.submit(run));
            }
            go.countDown();
            List<JanitorReport> reports = new ArrayList<>();
            for (Future<JanitorReport> run : runs) {
                reports.add(run.get(30, TimeUnit.SECONDS));
            }
            return reports;
        } finally {
            threads.shutdownNow();
        }
    }

    private static Set<String> invoicesOf(JanitorReport report) {
        return report.findings().stream().map(f -> f.subject().id()).collect(Collectors.toSet());
    }

    private static WorkStep step(AgencyFixture<BreakAgency> office, String invoiceId) {
        java.time.Instant now = office.clock().instant();
        return new WorkStep(java.util.UUID.randomUUID().toString(), AgencyFixture.ENSURE_COMMISSIONS,
                AgencyFixture.ENSURE_COMMISSIONS + ":" + invoiceId, Map.of("invoiceId", invoiceId), StepStatus.PENDING, 0, now,
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), now, now, 1);
    }
}
