package com.breakagency.core.finance;

import com.breakagency.core.BreakAgency;
import com.breakagency.ports.api.crm.CreateBrand;
import com.breakagency.ports.api.crm.CreateDeal;
import com.breakagency.ports.api.crm.CreateTalent;
import com.breakagency.ports.api.crm.MoveDealStage;
import com.breakagency.ports.api.finance.IssueInvoice;
import com.breakagency.ports.api.finance.MarkInvoicePaid;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.DealStage;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.PaymentSource;
import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.CapturingErrorReporter;
import com.breakagency.testkit.InMemoryPersistence;
import com.breakagency.testkit.TestClock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** An agency with a brand, a managed talent and helpers that walk deals to issued invoices. */
final class FinanceWorld implements AutoCloseable {

    private static final AtomicInteger SEQ = new AtomicInteger();

    final InMemoryPersistence memory;
    final Persistence persistence;
    final CapturingErrorReporter reports;
    final TestClock clock = new TestClock();
    final BreakAgency agency;
    final Brand brand;
    final Talent talent;

    FinanceWorld() {
        this(InMemoryPersistence.create(), null, "agent-manager");
    }

    /**
     * @param memory         the in-memory stores
     * @param persistence    what the agency runs on (memory, or a wrapper of it), null for memory itself
     * @param managingAgent  the talent's managing agent, or null for none
     */
    FinanceWorld(InMemoryPersistence memory, Persistence persistence, String managingAgent) {
        this.memory = memory;
        this.persistence = persistence == null ? memory : persistence;
        this.reports = new CapturingErrorReporter(memory.transactions());
        this.agency = BreakAgency.builder().persistence(this.persistence).errorReporter(reports).clock(clock).build();
        int n = SEQ.incrementAndGet();
        this.brand = agency.crm().createBrand(admin(), CreateBrand.of("Brand " + n, "agent-owner").withDomains("b" + n + ".example"));
        this.talent = agency.crm().createTalent(admin(), CreateTalent.named("Talent " + n).managedBy(managingAgent));
    }

    static OperationContext admin() {
        return OperationContext.of(Actor.staff("admin-1", Role.ADMIN));
    }

    static OperationContext financeUser() {
        return OperationContext.of(Actor.staff("finance-1", Role.FINANCE));
    }

    /** A deal worth the amount, moved to PAYMENT_PENDING (which drafts its invoice). */
    Deal aDealAwaitingPayment(long minorUnits, String currency) {
        Deal deal = agency.crm().createDeal(admin(), CreateDeal.of(brand.id(), talent.id(), "agent-owner", "Campaign", Money.of(minorUnits, currency)));
        return agency.crm().moveDealStage(admin(), new MoveDealStage(deal.id(), deal.version(), DealStage.PAYMENT_PENDING));
    }

    /** An issued invoice for a new deal worth the amount. */
    Invoice anIssuedInvoice(long minorUnits, String currency) {
        Deal deal = aDealAwaitingPayment(minorUnits, currency);
        Invoice draft = memory.invoices().findByDeal(deal.id()).orElseThrow();
        return agency.finance().issueInvoice(financeUser(), IssueInvoice.of(draft));
    }

    MarkInvoicePaid markPaid(Invoice invoice, String reference, String key) {
        return new MarkInvoicePaid(invoice.id(), LocalDate.of(2026, 1, 6), reference, key, PaymentSource.BANK_FEED);
    }

    long audit(AuditAction action, EntityType type, String id) {
        return memory.auditLog().byEntity(EntityRef.of(type, id), Optional.empty(), 10_000).stream()
                .filter(e -> e.action() == action).count();
    }

    int auditRows() {
        return memory.auditLog().byAction(AuditAction.PAYMENT_RECORDED, java.time.Instant.EPOCH,
                java.time.Instant.parse("2100-01-01T00:00:00Z"), Optional.empty(), 100_000).size();
    }

    @Override
    public void close() {
        agency.close();
    }
}
