package com.breakagency.core.recovery;

import com.breakagency.core.BreakAgencyBuilder;
import com.breakagency.core.BreakAgency;
import com.breakagency.ports.api.crm.CreateBrand;
import com.breakagency.ports.api.crm.CreateDeal;
import com.breakagency.ports.api.crm.CreateTalent;
import com.breakagency.ports.api.crm.MoveDealStage;
import com.breakagency.ports.api.crm.UpdateTalent;
import com.breakagency.ports.api.finance.IssueInvoice;
import com.breakagency.ports.api.finance.MarkInvoicePaid;
import com.breakagency.ports.api.finance.PaymentResult;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.audit.AuditEvent;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.DealStage;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.model.finance.CommissionState;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.InvoiceLine;
import com.breakagency.ports.model.finance.InvoiceStatus;
import com.breakagency.ports.model.finance.Payment;
import com.breakagency.ports.model.finance.PaymentSource;
import com.breakagency.ports.model.work.StepStatus;
import com.breakagency.ports.model.work.WorkStep;
import com.breakagency.testkit.CapturingErrorReporter;
import com.breakagency.testkit.InMemoryPersistence;
import com.breakagency.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * An agency on in-memory stores with a hand-set clock, a brand, and helpers that walk deals to paid
 * invoices, or seed broken payments straight into the stores (as a crash or an old release would have
 * left them).
 */
final class Office implements AutoCloseable {

    static final String ENSURE_COMMISSIONS = "ENSURE_COMMISSIONS";
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final Instant BEGINNING = Instant.EPOCH;
    private static final Instant END = Instant.parse("3000-01-01T00:00:00Z");

    final InMemoryPersistence memory;
    final CapturingErrorReporter reports;
    final TestClock clock;
    final BreakAgency agency;
    final Brand brand;

    Office() {
        this(UnaryOperator.identity());
    }

    Office(UnaryOperator<BreakAgencyBuilder> options) {
        this(InMemoryPersistence.create(), new TestClock(), options);
    }

    /** A second office on the same stores and clock: another service instance. */
    Office(Office other, UnaryOperator<BreakAgencyBuilder> options) {
        this(other.memory, other.clock, options);
    }

    private Office(InMemoryPersistence memory, TestClock clock, UnaryOperator<BreakAgencyBuilder> options) {
        this.memory = memory;
        this.clock = clock;
        this.reports = new CapturingErrorReporter(memory.transactions());
        this.agency = options.apply(BreakAgency.builder().persistence(memory).errorReporter(reports).clock(clock)
                .random(new java.util.Random(42))).build();
        int n = SEQ.incrementAndGet();
        this.brand = agency.crm().createBrand(admin(), CreateBrand.of("Brand " + n, "agent-owner").withDomains("office" + n + ".example"));
    }

    static OperationContext admin() {
        return OperationContext.of(Actor.staff("admin-1", Role.ADMIN));
    }

    static OperationContext financeUser() {
        return OperationContext.of(Actor.staff("finance-1", Role.FINANCE));
    }

    /** A talent, managed by the agent or by nobody (null). */
    Talent aTalent(String managingAgent) {
        return agency.crm().createTalent(admin(), CreateTalent.named("Talent " + SEQ.incrementAndGet()).managedBy(managingAgent));
    }

    /** An issued invoice for a new deal of the talent worth the amount. */
    Invoice anIssuedInvoice(Talent talent, long minorUnits) {
        Deal deal = agency.crm().createDeal(admin(), CreateDeal.of(brand.id(), talent.id(), "agent-owner", "Campaign", Money.of(minorUnits, "GBP")));
        agency.crm().moveDealStage(admin(), new MoveDealStage(deal.id(), deal.version(), DealStage.PAYMENT_PENDING));
        Invoice draft = memory.invoices().findByDeal(deal.id()).orElseThrow();
        return agency.finance().issueInvoice(financeUser(), IssueInvoice.of(draft));
    }

    /** Pays the invoice in full through the finance port. */
    PaymentResult payInFull(Invoice invoice) {
        String reference = "bank-tx-" + SEQ.incrementAndGet();
        return agency.finance().markInvoicePaid(financeUser(), new MarkInvoicePaid(invoice.id(), LocalDate.of(2026, 1, 6),
                reference, reference, PaymentSource.BANK_FEED));
    }

    /** Gives the talent a managing agent. */
    void assignAgent(Talent talent, String agent) {
        Talent current = memory.talents().findById(talent.id()).orElseThrow();
        agency.crm().updateTalent(admin(), UpdateTalent.of(current.id(), current.version()).withName(current.name()).withHandles(current.handles()).managedBy(agent));
    }

    /**
     * A paid invoice whose payment has no commission lines and no step, written straight into the stores
     * the way a crashed release could have left it; its commissions claim to be ALLOCATED.
     *
     * @param talent  whose work it bills
     * @param amount  the payment
     * @param age     how long ago the payment was recorded
     */
    Payment aBrokenPayment(Talent talent, long amount, Duration age) {
        Instant recorded = clock.instant().minus(age);
        String invoiceId = UUID.randomUUID().toString();
        Money total = Money.of(amount, "GBP");
        memory.invoices().insert(new Invoice(invoiceId, UUID.randomUUID().toString(), brand.id(), talent.id(), Optional.of(900_000L + SEQ.incrementAndGet()), List.of(new InvoiceLine("Old campaign", total)),
                total, total, Optional.of(LocalDate.of(2025, 12, 1)), InvoiceStatus.PAID, CommissionState.ALLOCATED, 3,
                recorded, recorded));
        Payment payment = new Payment(UUID.randomUUID().toString(), invoiceId, total, LocalDate.of(2025, 12, 1),
                "legacy-" + SEQ.incrementAndGet(), PaymentSource.MANUAL, "finance-1", recorded);
        memory.payments().insert(payment);
        return payment;
    }

    Optional<WorkStep> stepOf(String invoiceId) {
        return memory.workQueue().findByDedupKey(ENSURE_COMMISSIONS + ":" + invoiceId);
    }

    List<WorkStep> steps(StepStatus status) {
        return memory.workQueue().list(Optional.of(status), Optional.empty(), Optional.empty(), 100_000);
    }

    List<AuditEvent> audit(AuditAction action) {
        return memory.auditLog().byAction(action, BEGINNING, END, Optional.empty(), 100_000);
    }

    List<AuditEvent> audit(AuditAction action, EntityType type, String id) {
        return memory.auditLog().byEntity(EntityRef.of(type, id), Optional.empty(), 100_000).stream()
                .filter(e -> e.action() == action).toList();
    }

    long linesTotal(String invoiceId) {
        return memory.commissions().byInvoice(invoiceId).stream().mapToLong(l -> l.amount().minorUnits()).sum();
    }

    /**
     * Waits for a condition that other threads make true, checking every few milliseconds.
     *
     * @return whether it came true within the timeout
     */
    static boolean eventually(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
        return true;
    }

    @Override
    public void close() {
        agency.close();
    }
}
