package com.breakagency.core.finance;

import com.breakagency.ports.model.Money;
import com.breakagency.testkit.AgencyFixture;
import com.breakagency.core.FailingCommissions;
import com.breakagency.testkit.InMemoryPersistence;
import com.breakagency.core.TestAgencies;
import com.breakagency.core.BreakAgency;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.core.PendingCommissionsPolicy;
import com.breakagency.ports.api.crm.MoveDealStage;
import com.breakagency.ports.api.crm.UpdateTalent;
import com.breakagency.ports.api.finance.EnsureCommissions;
import com.breakagency.ports.api.finance.EnsureCommissionsResult;
import com.breakagency.ports.api.finance.PaymentResult;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.audit.AuditEvent;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.DealStage;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.model.finance.Beneficiary;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.CommissionState;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.InvoiceStatus;
import com.breakagency.ports.model.work.StepStatus;
import com.breakagency.ports.model.work.WorkStep;
import com.breakagency.ports.spi.ErrorReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class PaymentWorkflowTest {

    private static List<AuditEvent> allAudit(AgencyFixture<BreakAgency> world) {
        List<AuditEvent> all = new ArrayList<>();
        for (AuditAction action : AuditAction.values()) {
            all.addAll(world.stores().auditLog().byAction(action, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"),
                    Optional.empty(), 100_000));
        }
        return all;
    }

    @Test
    void a_failure_after_the_invoice_update_and_before_the_lines_leaves_nothing_behind() {
        InMemoryPersistence memory = InMemoryPersistence.create();
        FailingCommissions stores = new FailingCommissions(memory, () -> BreakException.persistenceUnavailable(
                new IllegalStateException("connection reset while storing lines")));
        try (AgencyFixture<BreakAgency> world = TestAgencies.on(memory, seen -> stores)) {
            Invoice issued = world.anIssuedInvoice(250_000, "GBP");
            Deal dealBefore = world.stores().deals().findById(issued.dealId()).orElseThrow();
            int auditBefore = allAudit(world).size();
            stores.armed.set(true);

            BreakException failure = assertThrows(BreakException.class, () -> world.agency().finance()
                    .markInvoicePaid(AgencyFixture.aFinanceUser(), world.aFullPayment(issued, "bank-tx-9", "key-9")));

            assertEquals(ErrorCode.PERSISTENCE_UNAVAILABLE, failure.code());
            assertEquals(issued, world.stores().invoices().findById(issued.id()).orElseThrow(), "invoice unchanged");
            assertEquals(List.of(), world.stores().payments().byInvoice(issued.id()), "no payment");
            assertEquals(List.of(), world.stores().commissions().byInvoice(issued.id()), "no lines");
            assertEquals(auditBefore, allAudit(world).size(), "no audit rows");
            assertEquals(List.of(), world.stores().workQueue().list(Optional.empty(), Optional.empty(), Optional.empty(), 10),
                    "no queue entry");
            assertEquals(dealBefore, world.stores().deals().findById(issued.dealId()).orElseThrow(), "deal stage unchanged");
            assertEquals(1, world.reports().reports(ErrorCode.PERSISTENCE_UNAVAILABLE).size());
            assertTrue(world.reports().reportedInsideTransaction().isEmpty());

            stores.armed.set(false);
            PaymentResult retry = world.agency().finance().markInvoicePaid(AgencyFixture.aFinanceUser(),
                    world.aFullPayment(issued, "bank-tx-9", "key-9"));
            assertFalse(retry.replayed(), "the failed call left its key free");
            assertEquals(InvoiceStatus.PAID, retry.invoice().status());
            assertEquals(3, retry.lines().size());
        }
    }

    @Test
    void paying_in_full_moves_the_deal_to_payment_received_in_the_same_unit_of_work() {
        try (AgencyFixture<BreakAgency> world = TestAgencies.inMemory()) {
            Invoice issued = world.anIssuedInvoice(90_000, "EUR");
            world.agency().finance().markInvoicePaid(AgencyFixture.aFinanceUser(), world.aFullPayment(issued, "psp-evt-1", "psp-evt-1"));
            Deal deal = world.stores().deals().findById(issued.dealId()).orElseThrow();
            assertEquals(DealStage.PAYMENT_RECEIVED, deal.stage());
            List<AuditEvent> stageChanges = world.stores().auditLog().byEntity(EntityRef.of(EntityType.DEAL, deal.id()),
                    Optional.empty(), 100).stream().filter(e -> e.action() == AuditAction.DEAL_STAGE_CHANGED).toList();
            AuditEvent last = stageChanges.get(stageChanges.size() - 1);
            assertEquals(Map.of("from", "PAYMENT_PENDING", "to", "PAYMENT_RECEIVED"), last.changes());
            AuditEvent paid = world.stores().auditLog().byEntity(EntityRef.of(EntityType.INVOICE, issued.id()),
                    Optional.empty(), 100).stream().filter(e -> e.action() == AuditAction.INVOICE_MARKED_PAID)
                    .findFirst().orElseThrow();
            assertEquals(paid.correlationId(), last.correlationId(), "one call, one unit of work");
        }
    }

    @RepeatedTest(10)
    void two_threads_moving_a_deal_to_payment_pending_draft_exactly_one_invoice() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (AgencyFixture<BreakAgency> world = TestAgencies.inMemory()) {
            Deal deal = world.agency().crm().createDeal(AgencyFixture.anAdmin(),
                    com.breakagency.ports.api.crm.CreateDeal.of(world.aBrand().id(), world.aTalent().id(), "agent-owner",
                            "Campaign", com.breakagency.ports.model.Money.of(5_000, "GBP")));
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> outcomes = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                outcomes.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    try {
                        world.agency().crm().moveDealStage(AgencyFixture.anAdmin(),
                                new MoveDealStage(deal.id(), deal.version(), DealStage.PAYMENT_PENDING));
                        return "moved";
                    } catch (BreakException e) {
                        return e.reason();
                    }
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> f : outcomes) {
                results.add(f.get(30, TimeUnit.SECONDS));
            }
            results.sort(null);
            assertEquals(List.of(Reason.VERSION_MISMATCH, "moved"), results);
            List<Invoice> invoices = world.stores().invoices().list(
                    new com.breakagency.ports.spi.Invoices.Query(java.util.Set.of(), Optional.of(deal.id()),
                            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), Optional.empty(), 10);
            assertEquals(1, invoices.size());
            assertEquals(InvoiceStatus.DRAFT, invoices.get(0).status());
            assertEquals(deal.value(), invoices.get(0).total());
            assertEquals(1, world.auditEventsOf(AuditAction.INVOICE_CREATED, EntityType.INVOICE, invoices.get(0).id()).size());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void a_payment_for_talent_without_a_managing_agent_is_recorded_and_its_commissions_are_completed_later() {
        try (AgencyFixture<BreakAgency> world = TestAgencies.inMemory()) {
            Talent unmanaged = world.aTalentManagedBy(null);
            Invoice issued = world.anIssuedInvoice(unmanaged, Money.of(100_000, "GBP"));

            PaymentResult result = world.agency().finance().markInvoicePaid(AgencyFixture.aFinanceUser(),
                    world.aFullPayment(issued, "bank-tx-1", "key-1"));

            assertEquals(CommissionState.PENDING, result.commissions(), "not an error for the caller");
            assertEquals(InvoiceStatus.PAID, result.invoice().status(), "the money arrived");
            assertEquals(List.of(), result.lines());
            assertEquals(1, world.stores().payments().byInvoice(issued.id()).size());
            List<WorkStep> steps = world.stores().workQueue().list(Optional.of(StepStatus.PENDING),
                    Optional.of(FinanceService.ENSURE_COMMISSIONS_STEP), Optional.empty(), 10);
            assertEquals(1, steps.size());
            assertEquals(Map.of("invoiceId", issued.id()), steps.get(0).payload());
            List<ErrorReport> reports = world.reports().reports(ErrorCode.WORKFLOW_BREAK);
            assertEquals(1, reports.size());
            assertEquals(Reason.COMMISSIONS_PENDING, reports.get(0).reason());
            assertTrue(world.reports().reportedInsideTransaction().isEmpty(), "reported after the commit");
            assertEquals(1, world.auditEventsOf(AuditAction.COMMISSIONS_PENDING, EntityType.INVOICE, issued.id()).size());
            assertEquals(DealStage.PAYMENT_RECEIVED,
                    world.stores().deals().findById(issued.dealId()).orElseThrow().stage());

            // still unfixable: ensureCommissions refuses and changes nothing
            BreakException stillPending = assertThrows(BreakException.class, () -> world.agency().recovery()
                    .ensureCommissions(AgencyFixture.anAdmin(), new EnsureCommissions(issued.id())));
            assertEquals(Reason.COMMISSIONS_PENDING, stillPending.reason());
            assertEquals(List.of(), world.stores().commissions().byInvoice(issued.id()));

            Talent talent = world.stores().talents().findById(unmanaged.id()).orElseThrow();
            world.agency().crm().updateTalent(AgencyFixture.anAdmin(), UpdateTalent.of(talent.id(), talent.version()).withName(talent.name()).withHandles(talent.handles()).managedBy("agent-late"));

            EnsureCommissionsResult first = world.agency().recovery().ensureCommissions(AgencyFixture.anAdmin(),
                    new EnsureCommissions(issued.id()));
            EnsureCommissionsResult second = world.agency().recovery().ensureCommissions(AgencyFixture.anAdmin(),
                    new EnsureCommissions(issued.id()));

            assertEquals(3, first.createdLines().size());
            assertEquals(List.of(), second.createdLines(), "idempotent");
            List<CommissionLine> lines = world.stores().commissions().byInvoice(issued.id());
            assertEquals(3, lines.size());
            assertEquals(100_000, lines.stream().mapToLong(l -> l.amount().minorUnits()).sum());
            Map<Beneficiary, Long> byBeneficiary = lines.stream().collect(Collectors.toMap(CommissionLine::beneficiary,
                    l -> l.amount().minorUnits()));
            assertEquals(Map.of(Beneficiary.talent(talent.id()), 80_000L, Beneficiary.HOUSE, 15_000L,
                    Beneficiary.agent("agent-late"), 5_000L), byBeneficiary);
            assertEquals(CommissionState.ALLOCATED,
                    world.stores().invoices().findById(issued.id()).orElseThrow().commissions());
        }
    }

    @Test
    void a_host_that_prefers_all_or_nothing_gets_the_payment_refused_instead() {
        try (AgencyFixture<BreakAgency> seed = TestAgencies.inMemory();
             BreakAgency strict = BreakAgency.builder().persistence(seed.stores())
                     .errorReporter(seed.reports()).clock(seed.clock())
                     .pendingCommissions(PendingCommissionsPolicy.REJECT_PAYMENT).build()) {
            Invoice issued = seed.anIssuedInvoice(seed.aTalentManagedBy(null), Money.of(100_000, "GBP"));
            BreakException refused = assertThrows(BreakException.class, () -> strict.finance()
                    .markInvoicePaid(AgencyFixture.aFinanceUser(), seed.aFullPayment(issued, "bank-tx-1", "key-1")));
            assertEquals(ErrorCode.WORKFLOW_BREAK, refused.code());
            assertEquals(Reason.COMMISSIONS_PENDING, refused.reason());
            assertEquals(List.of(), seed.stores().payments().byInvoice(issued.id()));
            assertEquals(issued, seed.stores().invoices().findById(issued.id()).orElseThrow());
            assertEquals(List.of(), seed.stores().workQueue().list(Optional.empty(), Optional.empty(), Optional.empty(), 10));
        }
    }
}
