package com.breakagency.core.finance;

import com.breakagency.core.BreakAgency;
import com.breakagency.ports.api.Crm;
import com.breakagency.ports.api.Finance;
import com.breakagency.ports.api.Recovery;
import com.breakagency.ports.api.crm.CreateBrand;
import com.breakagency.ports.api.crm.CreateDeal;
import com.breakagency.ports.api.crm.CreateTalent;
import com.breakagency.ports.api.crm.MoveDealStage;
import com.breakagency.ports.api.finance.InvoiceQuery;
import com.breakagency.ports.api.finance.IssueInvoice;
import com.breakagency.ports.api.finance.MarkInvoicePaid;
import com.breakagency.ports.api.finance.PaymentResult;
import com.breakagency.ports.api.finance.RecordPayment;
import com.breakagency.ports.api.finance.SaveCommissionPlan;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.Page;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.audit.AuditEvent;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.DealStage;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.CommissionPlan;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.Payment;
import com.breakagency.ports.model.finance.PaymentSource;
import com.breakagency.ports.model.work.WorkStep;
import com.breakagency.ports.spi.Commissions;
import com.breakagency.ports.spi.Invoices;
import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.CapturingErrorReporter;
import com.breakagency.testkit.InMemoryPersistence;
import com.breakagency.testkit.TestClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The agency's books on in-memory stores, with fixtures in the agency's words: brands, talent with a
 * managing agent, deals moved to PAYMENT_PENDING (which drafts their invoice), issued invoices, payments.
 */
final class Books implements AutoCloseable {

    /** The agent who owns the fixtures' deals (and so may read their invoices). */
    static final String DEAL_OWNER = "agent-owner";
    /** The agent who manages the fixtures' talent (and so earns the agent's share of commission). */
    static final String MANAGING_AGENT = "agent-manager";

    static final AtomicInteger SEQ = new AtomicInteger();

    private static final Instant BEGINNING = Instant.EPOCH;
    private static final Instant END = Instant.parse("3000-01-01T00:00:00Z");

    final InMemoryPersistence persistence = InMemoryPersistence.create();
    final CapturingErrorReporter reports = new CapturingErrorReporter(persistence.transactions());
    final TestClock clock = new TestClock();
    final BreakAgency agency;
    final Crm crm;
    final Finance finance;
    final Recovery recovery;

    /** Books on the in-memory stores as they are. */
    Books() {
        this(stores -> stores);
    }

    /**
     * Books whose agency sees the in-memory stores through a wrapper (a store that fails on cue).
     *
     * @param wrap what the agency is given in place of the in-memory stores
     */
    Books(Function<InMemoryPersistence, Persistence> wrap) {
        this.agency = BreakAgency.builder().persistence(wrap.apply(persistence)).errorReporter(reports).clock(clock)
                .build();
        this.crm = agency.crm();
        this.finance = agency.finance();
        this.recovery = agency.recovery();
    }

    // ---- who calls ----

    static OperationContext anAdmin() {
        return OperationContext.of(Actor.staff("admin-1", Role.ADMIN));
    }

    static OperationContext aFinanceUser() {
        return OperationContext.of(Actor.staff("finance-1", Role.FINANCE));
    }

    static OperationContext anAgent(String userId) {
        return OperationContext.of(Actor.staff(userId, Role.AGENT));
    }

    static OperationContext aTalentUser(String talentId) {
        return OperationContext.of(Actor.talent("talent-user-" + talentId, talentId));
    }

    static OperationContext aBrandUser(String brandId) {
        return OperationContext.of(Actor.brand("brand-user-" + brandId, brandId));
    }

    static OperationContext theSystem() {
        return OperationContext.system();
    }

    // ---- the CRM side ----

    Brand aBrand(String ownerAgentId) {
        int n = SEQ.incrementAndGet();
        return crm.createBrand(anAdmin(), CreateBrand.of("Brand " + n, ownerAgentId).withDomains("books" + n + ".example"));
    }

    Talent aTalent(String managingAgentId) {
        return aTalentOnPlan(managingAgentId, null);
    }

    Talent aTalentOnPlan(String managingAgentId, String planId) {
        int n = SEQ.incrementAndGet();
        return crm.createTalent(anAdmin(), CreateTalent.named("Talent " + n).managedBy(managingAgentId).withCommissionPlan(planId));
    }

    Deal aDeal(Brand brand, Talent talent, String ownerAgentId, long valueMinorUnits, String currency) {
        return aDealOnPlan(brand, talent, ownerAgentId, valueMinorUnits, currency, null);
    }

    Deal aDealOnPlan(Brand brand, Talent talent, String ownerAgentId, long valueMinorUnits, String currency,
                     String planId) {
        return crm.createDeal(anAdmin(), CreateDeal.of(brand.id(), talent.id(), ownerAgentId, "Campaign " + SEQ.incrementAndGet(), Money.of(valueMinorUnits, currency)).withCommissionPlan(planId));
    }

    CommissionPlan aCommissionPlan(String id, int agencyRateBps, int agentShareBps) {
        return finance.saveCommissionPlan(aFinanceUser(), new SaveCommissionPlan(id, agencyRateBps, agentShareBps, false));
    }

    // ---- invoices ----

    /** Moves the deal to PAYMENT_PENDING, which drafts its invoice, and returns the draft. */
    Invoice aDraftInvoice(Deal deal) {
        crm.moveDealStage(anAdmin(), new MoveDealStage(deal.id(), deal.version(), DealStage.PAYMENT_PENDING));
        return invoiceOf(deal);
    }

    /** A fresh brand, a talent managed by {@link #MANAGING_AGENT}, a deal owned by {@link #DEAL_OWNER}: its draft. */
    Invoice aDraftInvoice(long totalMinorUnits, String currency) {
        return aDraftInvoice(aDeal(aBrand(DEAL_OWNER), aTalent(MANAGING_AGENT), DEAL_OWNER, totalMinorUnits, currency));
    }

    Invoice anIssuedInvoice(Deal deal) {
        return issue(aDraftInvoice(deal), null);
    }

    Invoice anIssuedInvoice(Deal deal, LocalDate dueDate) {
        return issue(aDraftInvoice(deal), dueDate);
    }

    /** As {@link #aDraftInvoice(long, String)}, issued with the agency's payment terms. */
    Invoice anIssuedInvoice(long totalMinorUnits, String currency) {
        return issue(aDraftInvoice(totalMinorUnits, currency), null);
    }

    Invoice anIssuedInvoice(long totalMinorUnits, String currency, LocalDate dueDate) {
        return issue(aDraftInvoice(totalMinorUnits, currency), dueDate);
    }

    Invoice issue(Invoice draft, LocalDate dueDate) {
        return finance.issueInvoice(aFinanceUser(), new IssueInvoice(draft.id(), draft.version(), dueDate));
    }

    Invoice invoiceOf(Deal deal) {
        Page<Invoice> page = finance.listInvoices(anAdmin(),
                InvoiceQuery.forDeal(deal.id()).limit(10));
        if (page.items().size() != 1) {
            throw new AssertionError("deal " + deal.id() + " has " + page.items().size() + " invoices");
        }
        return page.items().get(0);
    }

    Invoice reload(Invoice invoice) {
        return finance.getInvoice(anAdmin(), invoice.id());
    }

    // ---- payments ----

    PaymentResult pay(Invoice invoice, long amountMinorUnits) {
        return pay(invoice, amountMinorUnits, today());
    }

    PaymentResult pay(Invoice invoice, long amountMinorUnits, LocalDate receivedOn) {
        String reference = "bank-" + SEQ.incrementAndGet();
        return finance.recordPayment(aFinanceUser(), RecordPayment.of(invoice.id(), Money.of(amountMinorUnits, invoice.total().currency().getCurrencyCode()), receivedOn, reference).via(PaymentSource.BANK_FEED));
    }

    PaymentResult payInFull(Invoice invoice) {
        String reference = "bank-" + SEQ.incrementAndGet();
        return finance.markInvoicePaid(aFinanceUser(), new MarkInvoicePaid(invoice.id(), today(), reference, reference,
                PaymentSource.BANK_FEED));
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    // ---- what is stored ----

    /**
     * Everything finance can write, read straight from the stores: a test compares two of these to show
     * that a call wrote nothing.
     */
    record Written(List<Invoice> invoices, List<Payment> payments, List<CommissionLine> lines, int auditEvents,
                   List<WorkStep> steps) {
    }

    Written written() {
        return new Written(persistence.invoices().list(Invoices.Query.ALL, Optional.empty(), Integer.MAX_VALUE),
                persistence.payments().receivedBetween(LocalDate.MIN, LocalDate.MAX, Optional.empty(), Integer.MAX_VALUE),
                persistence.commissions().list(Commissions.Query.ALL, Optional.empty(), Integer.MAX_VALUE),
                auditEvents(),
                persistence.workQueue().list(Optional.empty(), Optional.empty(), Optional.empty(), Integer.MAX_VALUE));
    }

    int auditEvents() {
        int count = 0;
        for (AuditAction action : AuditAction.values()) {
            count += auditEvents(action).size();
        }
        return count;
    }

    List<AuditEvent> auditEvents(AuditAction action) {
        return persistence.auditLog().byAction(action, BEGINNING, END, Optional.empty(), Integer.MAX_VALUE);
    }

    List<AuditEvent> auditEventsOf(EntityRef entity) {
        return persistence.auditLog().byEntity(entity, Optional.empty(), Integer.MAX_VALUE);
    }

    @Override
    public void close() {
        agency.close();
    }
}
