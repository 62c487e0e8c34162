package com.breakagency.core.finance;

import com.breakagency.core.boundary.Access;
import com.breakagency.core.boundary.Boundary;
import com.breakagency.core.boundary.Call;
import com.breakagency.core.boundary.Ownership;
import com.breakagency.core.crm.CrmService;
import com.breakagency.core.crm.DealPipeline;
import com.breakagency.core.crm.DealStageListener;
import com.breakagency.core.crm.DealStages;
import com.breakagency.core.internal.Audit;
import com.breakagency.core.internal.Cursors;
import com.breakagency.core.internal.Pages;
import com.breakagency.core.recovery.StepHandler;
import com.breakagency.core.recovery.StepOutcome;
import com.breakagency.core.recovery.Sweep;
import com.breakagency.ports.api.Finance;
import com.breakagency.ports.api.finance.CommissionQuery;
import com.breakagency.ports.api.finance.CommissionStatement;
import com.breakagency.ports.api.finance.DraftInvoice;
import com.breakagency.ports.api.finance.EnsureCommissions;
import com.breakagency.ports.api.finance.EnsureCommissionsResult;
import com.breakagency.ports.api.finance.FinanceTotals;
import com.breakagency.ports.api.finance.InvoiceQuery;
import com.breakagency.ports.api.finance.IssueInvoice;
import com.breakagency.ports.api.finance.MarkInvoicePaid;
import com.breakagency.ports.api.finance.PaymentResult;
import com.breakagency.ports.api.finance.RecordPayment;
import com.breakagency.ports.api.finance.SaveCommissionPlan;
import com.breakagency.ports.api.finance.StatementQuery;
import com.breakagency.ports.api.finance.TotalsQuery;
import com.breakagency.ports.api.finance.VoidInvoice;
import com.breakagency.ports.api.recovery.JanitorFinding;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.FieldError;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.Page;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.DealStage;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.model.finance.Beneficiary;
import com.breakagency.ports.model.finance.BeneficiaryKind;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.CommissionPlan;
import com.breakagency.ports.model.finance.CommissionState;
import com.breakagency.ports.model.finance.CommissionStatus;
import com.breakagency.ports.model.finance.IdempotencyRecord;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.InvoiceLine;
import com.breakagency.ports.model.finance.InvoiceStatus;
import com.breakagency.ports.model.finance.Payment;
import com.breakagency.ports.model.finance.PaymentSource;
import com.breakagency.ports.model.work.StepStatus;
import com.breakagency.ports.model.work.WorkStep;
import com.breakagency.ports.spi.Commissions;
import com.breakagency.ports.spi.Deals;
import com.breakagency.ports.spi.IdGenerator;
import com.breakagency.ports.spi.Invoices;
import com.breakagency.ports.spi.Persistence;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The finance use cases behind {@link Finance} and {@code Recovery.ensureCommissions}, the deal pipeline's
 * finance reaction (a deal entering PAYMENT_PENDING drafts its invoice), and the background work that
 * completes pending commissions: the {@link #ensureCommissionsHandler() ENSURE_COMMISSIONS step} and the
 * janitor's {@link #unallocatedPaymentsSweep() sweep for payments without commissions}. Every public
 * port method is one boundary call. Thread-safe.
 */
public final class FinanceService implements Finance, DealStageListener {

    /** The step type that completes an invoice's pending commissions. */
    public static final String ENSURE_COMMISSIONS_STEP = "ENSURE_COMMISSIONS";

    private static final String INVOICE = "invoice";
    private static final Logger LOG = LoggerFactory.getLogger("com.breakagency.recovery");

    /**
     * The scope of payment idempotency keys: one for recordPayment and markInvoicePaid together, so a key
     * names one payment request whichever operation carried it.
     */
    public static final String PAYMENT_KEY_SCOPE = "finance.payment";

    /**
     * Finance settings a host may change.
     *
     * @param idempotencyRetention how long idempotency keys are kept at least
     * @param paymentTerms         the due date of an invoice issued without one: this long after the issue day
     * @param pendingCommissions   what to do with a payment whose commissions cannot be computed
     */
    public record Settings(Duration idempotencyRetention, Period paymentTerms,
                           PendingCommissionsPolicy pendingCommissions) {
    }

    private final Boundary boundary;
    private final Persistence stores;
    private final Audit audit;
    private final IdGenerator ids;
    private final Clock clock;
    private final DealStages stages;
    private final Settings settings;

    /**
     * Wires finance.
     *
     * @param boundary the boundary every call passes
     * @param stores   the persistence bundle
     * @param audit    writes audit events
     * @param ids      makes ids
     * @param clock    stamps records and decides "today"
     * @param stages   moves deals (to PAYMENT_RECEIVED when paid in full)
     * @param settings the host's finance settings
     */
    public FinanceService(Boundary boundary, Persistence stores, Audit audit, IdGenerator ids, Clock clock,
                          DealStages stages, Settings settings) {
        this.boundary = boundary;
        this.stores = stores;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
        this.stages = stages;
        this.settings = settings;
    }

    /**
     * Who owns an invoice now: whoever owns its deal at this moment (its owner agent, its talent, its
     * brand), read from the deal at every call, never from a copy taken when the invoice was drafted. An
     * invoice whose deal is gone belongs to its talent and brand only.
     */
    Ownership owners(Invoice invoice) {
        return owners(stores.deals(), invoice);
    }

    /**
     * Who owns an invoice now, read from its deal in the given store: the one rule every reader of
     * invoices (finance reads, the audit trail) applies.
     *
     * @param deals   the deals store of the current unit of work
     * @param invoice the invoice
     * @return its owners at this moment
     */
    public static Ownership owners(Deals deals, Invoice invoice) {
        return deals.findById(invoice.dealId()).map(CrmService::owners)
                .orElseGet(() -> new Ownership(Set.of(), Optional.of(invoice.talentId()), Optional.of(invoice.brandId())));
    }

    private static Ownership owners(Beneficiary beneficiary) {
        return switch (beneficiary.kind()) {
            case AGENT -> new Ownership(Set.of(beneficiary.id()), Optional.empty(), Optional.empty());
            case TALENT -> new Ownership(Set.of(), Optional.of(beneficiary.id()), Optional.empty());
            case HOUSE -> Ownership.NOBODY;
        };
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), clock.getZone());
    }

    // ---- drafting, issuing, voiding ----

    @Override
    public void stageChanged(Call call, Deal before, Deal after) {
        if (after.stage() == DealStage.PAYMENT_PENDING && stores.invoices().findByDeal(after.id()).isEmpty()) {
            draft(call, after);
        }
    }

    @Override
    public Invoice draftInvoice(OperationContext context, DraftInvoice command) {
        return boundary.call(context, FinanceOperations.DRAFT_INVOICE, command, (call, c) -> {
            Deal deal = stores.deals().findById(c.dealId())
                    .orElseThrow(() -> BreakException.notFound("deal", c.dealId()));
            if (stores.invoices().findByDeal(deal.id()).isPresent()) {
                throw BreakException.alreadyExists(INVOICE, "dealId");
            }
            return draft(call, deal);
        });
    }

    private Invoice draft(Call call, Deal deal) {
        Instant now = clock.instant();
        Invoice invoice = new Invoice(ids.nextId(), deal.id(), deal.brandId(), deal.talentId(),
                Optional.empty(), List.of(new InvoiceLine(deal.title(), deal.value())), deal.value(),
                Money.zero(deal.value().currency()), Optional.empty(), InvoiceStatus.DRAFT, CommissionState.NONE, 1,
                now, now);
        stores.invoices().insert(invoice);
        audit.record(call, AuditAction.INVOICE_CREATED, ref(invoice),
                Map.of("dealId", deal.id(), "total", invoice.total().toString()));
        return invoice;
    }

    @Override
    public Invoice issueInvoice(OperationContext context, IssueInvoice command) {
        return boundary.call(context, FinanceOperations.ISSUE_INVOICE, command, (call, c) -> {
            Invoice stored = lockInvoice(call.access(), c.invoiceId(), c.expectedVersion());
            requireStatus(stored, InvoiceStatus.DRAFT, InvoiceStatus.ISSUED);
            if (stored.total().isZero()) {
                throw BreakException.builder(ErrorCode.CONFLICT).reason(Reason.NOTHING_TO_INVOICE)
                        .detail("An invoice of zero cannot be issued.").metadata("invoiceId", stored.id()).build();
            }
            long number = stores.invoices().nextNumber();
            LocalDate due = c.dueDate() != null ? c.dueDate() : today().plus(settings.paymentTerms());
            Invoice issued = with(stored, Optional.of(number), stored.paid(), Optional.of(due), InvoiceStatus.ISSUED,
                    stored.commissions());
            stores.invoices().update(issued);
            audit.record(call, AuditAction.INVOICE_ISSUED, ref(issued),
                    Map.of("number", Long.toString(number), "dueDate", due.toString()));
            return issued;
        });
    }

    @Override
    public Invoice voidInvoice(OperationContext context, VoidInvoice command) {
        return boundary.call(context, FinanceOperations.VOID_INVOICE, command, (call, c) -> {
            Invoice stored = lockInvoice(call.access(), c.invoiceId(), c.expectedVersion());
            if (!stored.paid().isZero() || (stored.status() != InvoiceStatus.DRAFT && stored.status() != InvoiceStatus.ISSUED)) {
                throw transition(stored.status(), InvoiceStatus.VOID);
            }
            Invoice voided = with(stored, stored.number(), stored.paid(), stored.dueDate(), InvoiceStatus.VOID,
                    stored.commissions());
            stores.invoices().update(voided);
            audit.record(call, AuditAction.INVOICE_VOIDED, ref(voided), Map.of("status", "VOID"));
            return voided;
        });
    }

    private Invoice lockInvoice(Access access, String id, long expectedVersion) {
        Invoice stored = access.require(stores.invoices().findByIdForUpdate(id), this::owners, INVOICE, id);
        if (stored.version() != expectedVersion) {
            throw BreakException.versionMismatch(INVOICE, id);
        }
        return stored;
    }

    private static void requireStatus(Invoice invoice, InvoiceStatus expected, InvoiceStatus to) {
        if (invoice.status() != expected) {
            throw transition(invoice.status(), to);
        }
    }

    private static BreakException transition(InvoiceStatus from, InvoiceStatus to) {
        return BreakException.builder(ErrorCode.CONFLICT).reason(Reason.INVALID_STATE_TRANSITION)
                .detail("An invoice cannot move from " + from + " to " + to + ".")
                .metadata("from", from.name()).metadata("to", to.name()).build();
    }

    private Invoice with(Invoice i, Optional<Long> number, Money paid, Optional<LocalDate> due, InvoiceStatus status,
                         CommissionState commissions) {
        return new Invoice(i.id(), i.dealId(), i.brandId(), i.talentId(), number, i.lines(), i.total(),
                paid, due, status, commissions, i.version() + 1, i.createdAt(), clock.instant());
    }

    // ---- payments ----

    @Override
    public PaymentResult recordPayment(OperationContext context, RecordPayment command) {
        return boundary.call(context, FinanceOperations.RECORD_PAYMENT, command, (call, c) -> {
            String fingerprint = fingerprint("recordPayment", c.invoiceId(),
                    Long.toString(c.amount().minorUnits()), c.amount().currency().getCurrencyCode(), c.receivedOn().toString(), c.externalReference(), c.source().name());
            return pay(call, c.idempotencyKey(), fingerprint, c.invoiceId(),
                    invoice -> {
                        if (!invoice.total().currency().equals(c.amount().currency())) {
                            throw BreakException.validation(List.of(new FieldError("#/amount/currency", "InvoiceCurrency",
                                    "must be the invoice's currency, " + invoice.total().currency().getCurrencyCode())));
                        }
                        return c.amount();
                    }, c.receivedOn(), c.externalReference(), c.source());
        });
    }

    @Override
    public PaymentResult markInvoicePaid(OperationContext context, MarkInvoicePaid command) {
        return boundary.call(context, FinanceOperations.MARK_INVOICE_PAID, command, (call, c) -> {
            String fingerprint = fingerprint("markInvoicePaid", c.invoiceId(), c.receivedOn().toString(),
                    c.externalReference(), c.source().name());
            return pay(call, c.idempotencyKey(), fingerprint, c.invoiceId(),
                    Invoice::outstanding, c.receivedOn(), c.externalReference(), c.source());
        });
    }

    private PaymentResult pay(Call call, String key, String fingerprint, String invoiceId,
                              java.util.function.Function<Invoice, Money> amountOf, LocalDate receivedOn,
                              String externalReference, PaymentSource source) {
        String scope = PAYMENT_KEY_SCOPE;
        Optional<PaymentResult> replay = replay(scope, key, fingerprint);
        if (replay.isPresent()) {
            return replay.get();
        }
        Invoice invoice = call.access().require(stores.invoices().findByIdForUpdate(invoiceId), this::owners,
                INVOICE, invoiceId);
        // another call with this key may have committed while this one waited for the invoice's lock
        replay = replay(scope, key, fingerprint);
        if (replay.isPresent()) {
            return replay.get();
        }
        if (invoice.status() == InvoiceStatus.PAID) {
            throw BreakException.builder(ErrorCode.CONFLICT).reason(Reason.INVALID_STATE_TRANSITION)
                    .detail("The invoice is paid already.").metadata("from", "PAID").metadata("to", "PAID").build();
        }
        if (!WorkflowAssertions.acceptsPayments(invoice.status())) {
            throw transition(invoice.status(), InvoiceStatus.PAID);
        }
        Money amount = amountOf.apply(invoice);
        if (amount.minorUnits() <= 0) {
            throw transition(invoice.status(), InvoiceStatus.PAID);
        }
        if (amount.minorUnits() > invoice.outstanding().minorUnits()) {
            throw BreakException.builder(ErrorCode.CONFLICT).reason(Reason.OVERPAYMENT)
                    .detail("The payment is more than the " + invoice.outstanding() + " still owed on the invoice.")
                    .metadata("invoiceId", invoice.id()).metadata("outstanding", invoice.outstanding().toString())
                    .build();
        }
        Instant now = clock.instant();
        Payment payment = new Payment(ids.nextId(), invoice.id(), amount, receivedOn, externalReference, source,
                call.context().actor().userId(), now);
        stores.payments().insert(payment);
        audit.record(call, AuditAction.PAYMENT_RECORDED, EntityRef.of(EntityType.PAYMENT, payment.id()),
                Map.of("invoiceId", invoice.id(), "amount", amount.toString(), "source", source.name()));

        Money paid = invoice.paid().plus(amount);
        InvoiceStatus status = paid.equals(invoice.total()) ? InvoiceStatus.PAID : InvoiceStatus.PARTIALLY_PAID;
        Allocated allocated = invoice.commissions() == CommissionState.PENDING
                ? new Allocated(List.of(), Optional.of("earlier payments are still unallocated"))
                : allocate(call.context(), invoice, payment, List.of());
        CommissionState commissions;
        if (allocated.problem().isEmpty()) {
            commissions = CommissionState.ALLOCATED;
        } else {
            commissions = CommissionState.PENDING;
            pending(call, invoice, allocated.problem().get());
        }
        Invoice updated = with(invoice, invoice.number(), paid, invoice.dueDate(), status, commissions);
        stores.invoices().update(updated);
        requireInvoiceInvariants(updated);
        if (status == InvoiceStatus.PAID) {
            audit.record(call, AuditAction.INVOICE_MARKED_PAID, ref(updated), Map.of("paid", paid.toString()));
            moveDealToPaymentReceived(call, updated);
        } else {
            audit.record(call, AuditAction.INVOICE_STATUS_UPDATED, ref(updated),
                    Map.of("status", status.name(), "paid", paid.toString()));
        }
        stores.idempotencyKeys().insert(new IdempotencyRecord(scope, key, fingerprint, payment.id(), now,
                now.plus(settings.idempotencyRetention())));
        return new PaymentResult(payment, updated, allocated.lines(), commissions, false);
    }

    private Optional<PaymentResult> replay(String scope, String key, String fingerprint) {
        Optional<IdempotencyRecord> first = stores.idempotencyKeys().find(scope, key);
        if (first.isEmpty()) {
            return Optional.empty();
        }
        if (!first.get().fingerprint().equals(fingerprint)) {
            throw BreakException.builder(ErrorCode.CONFLICT).reason(Reason.IDEMPOTENCY_KEY_REUSED)
                    .detail("This idempotency key was used before for a different request.").build();
        }
        Payment payment = stores.payments().findById(first.get().resultId()).orElseThrow(() ->
                BreakException.workflowBreak(Reason.INVARIANT_BROKEN, "an idempotency record names a missing payment"));
        Invoice invoice = stores.invoices().findById(payment.invoiceId()).orElseThrow(() ->
                BreakException.workflowBreak(Reason.INVARIANT_BROKEN, "a payment names a missing invoice"));
        List<CommissionLine> lines = stores.commissions().byPayment(payment.id());
        return Optional.of(new PaymentResult(payment, invoice, lines,
                lines.isEmpty() ? CommissionState.PENDING : CommissionState.ALLOCATED, true));
    }

    private void moveDealToPaymentReceived(Call call, Invoice invoice) {
        stores.deals().findById(invoice.dealId())
                .filter(deal -> DealPipeline.PAID_IN_FULL.allows().test(deal.stage(), DealStage.PAYMENT_RECEIVED))
                .ifPresent(deal -> stages.move(call, deal, DealStage.PAYMENT_RECEIVED));
    }

    private void requireInvoiceInvariants(Invoice invoice) {
        Optional<String> problem = WorkflowAssertions.firstFailure(WorkflowAssertions.ON_INVOICE,
                new WorkflowAssertions.InvoicePayments(invoice, stores.payments().byInvoice(invoice.id())));
        if (problem.isPresent()) {
            throw BreakException.builder(ErrorCode.WORKFLOW_BREAK).reason(Reason.INVARIANT_BROKEN)
                    .detail(problem.get()).metadata("invoiceId", invoice.id()).build();
        }
    }

    // ---- allocation ----

    /**
     * The lines of one payment, or why they cannot be made.
     *
     * @param lines   the lines, empty with a problem
     * @param problem why not, in words with identifiers only
     */
    private record Allocated(List<CommissionLine> lines, Optional<String> problem) {
    }

    /**
     * Allocates one payment and stores its lines, unless its commissions cannot be computed.
     *
     * @param earlier lines of earlier payments made in this same unit of work (not yet readable in order)
     */
    private Allocated allocate(OperationContext context, Invoice invoice, Payment payment, List<CommissionLine> earlier) {
        Optional<Talent> talent = stores.talents().findById(invoice.talentId());
        if (talent.isEmpty()) {
            return new Allocated(List.of(), Optional.of("the invoice's talent is missing"));
        }
        Optional<CommissionPlan> plan = planFor(invoice, talent.get());
        if (plan.isEmpty()) {
            return new Allocated(List.of(), Optional.of("the commission plan named for the deal or talent is missing"));
        }
        CommissionSplit.Weights weights = CommissionSplit.of(plan.get(), talent.get());
        if (!weights.complete()) {
            return new Allocated(List.of(), Optional.of(weights.problem().get()));
        }
        SortedMap<Beneficiary, Long> finalShares = Allocation.finalShares(invoice.total().minorUnits(), weights.weights());
        Map<Beneficiary, Long> already = new TreeMap<>();
        List<CommissionLine> before = new ArrayList<>(stores.commissions().byInvoice(invoice.id()));
        before.addAll(earlier);
        for (CommissionLine line : before) {
            already.merge(line.beneficiary(), line.amount().minorUnits(), Long::sum);
        }
        Optional<SortedMap<Beneficiary, Long>> parts = Allocation.ofPayment(payment.amount().minorUnits(), finalShares, already);
        if (parts.isEmpty()) {
            return new Allocated(List.of(), Optional.of("earlier lines leave less owed than the payment"));
        }
        Instant now = clock.instant();
        List<CommissionLine> lines = new ArrayList<>();
        for (Map.Entry<Beneficiary, Long> part : parts.get().entrySet()) {
            if (part.getValue() != 0) {
                lines.add(new CommissionLine(ids.nextId(), payment.id(), invoice.id(), invoice.dealId(),
                        invoice.talentId(), part.getKey(), payment.amount(), weights.rate(part.getKey()), plan.get().id(),
                        new Money(part.getValue(), payment.amount().currency()), CommissionStatus.PENDING_PAYOUT, now));
            }
        }
        Optional<String> broken = WorkflowAssertions.firstFailure(WorkflowAssertions.ON_LINES,
                new WorkflowAssertions.PaymentLines(payment, lines));
        if (broken.isPresent()) {
            return new Allocated(List.of(), broken);
        }
        stores.commissions().insertAll(lines);
        for (CommissionLine line : lines) {
            Map<String, String> changes = new LinkedHashMap<>();
            changes.put("paymentId", payment.id());
            changes.put("beneficiary", line.beneficiary().kind() + ":" + line.beneficiary().id());
            changes.put("amount", line.amount().toString());
            audit.record(context, AuditAction.COMMISSION_CREATED, ref(invoice), changes);
        }
        return new Allocated(lines, Optional.empty());
    }

    private Optional<CommissionPlan> planFor(Invoice invoice, Talent talent) {
        Optional<String> named = stores.deals().findById(invoice.dealId()).flatMap(Deal::commissionPlanId)
                .or(talent::commissionPlanId);
        if (named.isPresent()) {
            return stores.commissionPlans().find(named.get());
        }
        return Optional.of(stores.commissionPlans().find(CommissionPlan.AGENCY_DEFAULT_ID)
                .orElse(CommissionPlan.AGENCY_DEFAULT));
    }

    private void pending(Call call, Invoice invoice, String problem) {
        BreakException workflowBreak = BreakException.builder(ErrorCode.WORKFLOW_BREAK).reason(Reason.COMMISSIONS_PENDING)
                .detail("Commissions for the invoice could not be computed: " + problem + ".")
                .metadata("invoiceId", invoice.id()).metadata("dealId", invoice.dealId()).build();
        if (settings.pendingCommissions() == PendingCommissionsPolicy.REJECT_PAYMENT) {
            throw workflowBreak;
        }
        stores.workQueue().enqueue(ensureCommissionsStep(invoice.id(), clock.instant()));
        audit.record(call, AuditAction.COMMISSIONS_PENDING, ref(invoice), Map.of("problem", problem));
        call.reportAfterCommit(workflowBreak);
    }

    // ---- recovery ----

    /**
     * Allocates every payment of an invoice that has no commission lines yet (ADMIN, SYSTEM): the
     * {@code Recovery.ensureCommissions} use case. When the data is still not fixable it throws
     * WORKFLOW_BREAK/COMMISSIONS_PENDING and, rolled back, changes nothing.
     *
     * @param context who calls
     * @param command the invoice
     * @return what it allocated now
     */
    public EnsureCommissionsResult ensureCommissions(OperationContext context, EnsureCommissions command) {
        return boundary.call(context, FinanceOperations.ENSURE_COMMISSIONS, command, (call, c) -> {
            Invoice invoice = call.access().require(stores.invoices().findByIdForUpdate(c.invoiceId()),
                    this::owners, INVOICE, c.invoiceId());
            Completion completion = allocateUnallocated(call.context(), invoice);
            if (completion.problem().isPresent()) {
                throw BreakException.builder(ErrorCode.WORKFLOW_BREAK).reason(Reason.COMMISSIONS_PENDING)
                        .detail("Commissions for the invoice still cannot be computed: " + completion.problem().get() + ".")
                        .metadata("invoiceId", invoice.id()).build();
            }
            return new EnsureCommissionsResult(completion.invoice(), completion.created());
        });
    }

    /**
     * What completing an invoice's commissions came to.
     *
     * @param invoice the invoice afterwards (ALLOCATED unless there is a problem)
     * @param created the lines created
     * @param problem why the commissions still cannot be computed; when present, the caller must roll back
     */
    private record Completion(Invoice invoice, List<CommissionLine> created, Optional<String> problem) {
    }

    /** Allocates the unallocated payments of an invoice the unit of work has locked, and marks it ALLOCATED. */
    private Completion allocateUnallocated(OperationContext context, Invoice invoice) {
        List<CommissionLine> created = new ArrayList<>();
        for (Payment payment : stores.payments().byInvoice(invoice.id())) {
            if (!stores.commissions().byPayment(payment.id()).isEmpty()) {
                continue;
            }
            Allocated allocated = allocate(context, invoice, payment, List.of());
            if (allocated.problem().isPresent()) {
                return new Completion(invoice, List.of(), allocated.problem());
            }
            created.addAll(allocated.lines());
        }
        Invoice current = invoice;
        if (invoice.commissions() == CommissionState.PENDING) {
            current = with(invoice, invoice.number(), invoice.paid(), invoice.dueDate(), invoice.status(),
                    CommissionState.ALLOCATED);
            stores.invoices().update(current);
        }
        return new Completion(current, created, Optional.empty());
    }

    /**
     * The handler of {@link #ENSURE_COMMISSIONS_STEP} steps: completes the commissions of the invoice the
     * step names, in its own unit of work. Idempotent: an invoice whose payments are all allocated is
     * done. While the commissions still cannot be computed it answers {@link StepOutcome.Retry} (an
     * expected outcome: nothing is logged as an error and nothing is reported per attempt) and changes
     * nothing; an invoice that does not exist is {@link StepOutcome.GiveUp}.
     *
     * @return the handler
     */
    public StepHandler ensureCommissionsHandler() {
        return this::runEnsureCommissionsStep;
    }

    private StepOutcome runEnsureCommissionsStep(OperationContext context, WorkStep step) {
        String invoiceId = step.payload().get("invoiceId");
        if (invoiceId == null) {
            return new StepOutcome.GiveUp("the step names no invoice");
        }
        try {
            Completion done = stores.transactions().inTransaction(() -> {
                Invoice invoice = stores.invoices().findByIdForUpdate(invoiceId)
                        .orElseThrow(() -> new NotYet("the invoice does not exist", true));
                Completion completion = allocateUnallocated(context, invoice);
                if (completion.problem().isPresent()) {
                    throw new NotYet(completion.problem().get(), false);
                }
                return completion;
            });
            return new StepOutcome.Done(done.created().size() + " commission lines created for invoice " + invoiceId);
        } catch (NotYet notYet) {
            String reason = "commissions for invoice " + invoiceId + " cannot be computed: " + notYet.getMessage();
            return notYet.permanent ? new StepOutcome.GiveUp(reason) : new StepOutcome.Retry(reason);
        }
    }

    /** Rolls back a step's unit of work that could not complete; an outcome, not an error. */
    private static final class NotYet extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean permanent;

        NotYet(String problem, boolean permanent) {
            super(problem, null, false, false);
            this.permanent = permanent;
        }
    }

    /**
     * The janitor's sweep for payments without commission lines whose invoice has no active (PENDING,
     * RUNNING or DEAD) {@link #ENSURE_COMMISSIONS_STEP} step: for each such invoice, in one unit of work
     * that holds the invoice's lock, it queues the step under the dedup key {@code ENSURE_COMMISSIONS:<invoiceId>}
     * (so janitors on several instances queue it once), marks the invoice's commissions PENDING and
     * writes a {@code JANITOR_FOUND} audit event. It pages through at most {@value #SWEEP_LIMIT} such
     * payments per run.
     *
     * @return the sweep
     */
    public Sweep unallocatedPaymentsSweep() {
        return this::sweepUnallocatedPayments;
    }

    /** The most payments without commissions one sweep reads. */
    static final int SWEEP_LIMIT = 10_000;
    private static final int SWEEP_PAGE = 200;

    private List<JanitorFinding> sweepUnallocatedPayments(OperationContext context, String runId, Instant recordedBefore) {
        List<JanitorFinding> findings = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        Optional<String> after = Optional.empty();
        for (int read = 0; read < SWEEP_LIMIT; ) {
            List<Payment> page = stores.payments().withoutCommissions(recordedBefore, after, SWEEP_PAGE);
            for (Payment payment : page) {
                if (seen.add(payment.invoiceId())) {
                    queueRepairIfUncovered(context, runId, payment).ifPresent(finding -> {
                        findings.add(finding);
                        afterCommitOrNow(() -> LOG.warn("janitor run {}: payment {} of invoice {} has no commission "
                                + "lines and no step to make them; queued step {}", runId, payment.id(),
                                payment.invoiceId(), finding.stepId()));
                    });
                }
            }
            if (page.size() < SWEEP_PAGE) {
                break;
            }
            read += page.size();
            after = Optional.of(page.get(page.size() - 1).id());
        }
        return findings;
    }

    private Optional<JanitorFinding> queueRepairIfUncovered(OperationContext context, String runId, Payment payment) {
        String key = ensureCommissionsKey(payment.invoiceId());
        return stores.transactions().inTransaction(() -> {
            if (activeStep(key)) {
                return Optional.<JanitorFinding>empty();
            }
            Optional<Invoice> locked = stores.invoices().findByIdForUpdate(payment.invoiceId());
            // another janitor or the worker may have got here first while this one waited for the lock
            if (locked.isEmpty() || activeStep(key) || !stores.commissions().byPayment(payment.id()).isEmpty()) {
                return Optional.<JanitorFinding>empty();
            }
            Invoice invoice = locked.get();
            Instant now = clock.instant();
            if (!stores.workQueue().enqueue(ensureCommissionsStep(invoice.id(), now))) {
                return Optional.<JanitorFinding>empty();
            }
            String stepId = stores.workQueue().findByDedupKey(key).map(WorkStep::id).orElseThrow();
            if (invoice.commissions() != CommissionState.PENDING) {
                stores.invoices().update(with(invoice, invoice.number(), invoice.paid(), invoice.dueDate(),
                        invoice.status(), CommissionState.PENDING));
            }
            Map<String, String> changes = new LinkedHashMap<>();
            changes.put("runId", runId);
            changes.put("kind", JanitorFinding.PAYMENT_WITHOUT_COMMISSIONS);
            changes.put("paymentId", payment.id());
            changes.put("stepId", stepId);
            audit.record(context, AuditAction.JANITOR_FOUND, ref(invoice), changes);
            return Optional.of(new JanitorFinding(JanitorFinding.PAYMENT_WITHOUT_COMMISSIONS, ref(invoice), stepId));
        });
    }

    private void afterCommitOrNow(Runnable action) {
        if (stores.transactions().isActive()) {
            stores.transactions().afterCommit(action);
        } else {
            action.run();
        }
    }

    private boolean activeStep(String dedupKey) {
        return stores.workQueue().findByDedupKey(dedupKey).filter(s -> s.status() != StepStatus.DONE).isPresent();
    }

    /**
     * The dedup key of an invoice's ENSURE_COMMISSIONS step: at most one is active per invoice.
     *
     * @param invoiceId the invoice
     * @return {@code ENSURE_COMMISSIONS:<invoiceId>}
     */
    public static String ensureCommissionsKey(String invoiceId) {
        return ENSURE_COMMISSIONS_STEP + ":" + invoiceId;
    }

    private WorkStep ensureCommissionsStep(String invoiceId, Instant now) {
        return new WorkStep(ids.nextId(), ENSURE_COMMISSIONS_STEP, ensureCommissionsKey(invoiceId),
                Map.of("invoiceId", invoiceId), StepStatus.PENDING, 0, now, Optional.empty(), Optional.empty(),
                Optional.empty(), now, now, 1);
    }

    // ---- reads ----

    @Override
    public Invoice getInvoice(OperationContext context, String id) {
        return boundary.call(context, FinanceOperations.GET_INVOICE, new ById(id), (call, c) ->
                call.access().require(stores.invoices().findById(c.id()), this::owners, INVOICE, c.id()));
    }

    @Override
    public Page<Invoice> listInvoices(OperationContext context, InvoiceQuery query) {
        return boundary.call(context, FinanceOperations.LIST_INVOICES, query, (call, q) -> {
            Optional<String> after = Cursors.decode(q.cursor());
            Access access = call.access();
            Optional<String> talentId = Optional.ofNullable(q.talentId());
            Optional<String> brandId = Optional.ofNullable(q.brandId());
            Optional<String> agentId = Optional.empty();
            if (!access.unrestricted()) {
                if (access.ownAgentUserId().isPresent()) {
                    agentId = access.ownAgentUserId();
                } else if (access.ownTalentId().isPresent() && (talentId.isEmpty() || talentId.equals(access.ownTalentId()))) {
                    talentId = access.ownTalentId();
                } else if (access.ownBrandId().isPresent() && (brandId.isEmpty() || brandId.equals(access.ownBrandId()))) {
                    brandId = access.ownBrandId();
                } else {
                    return new Page<Invoice>(List.of(), Optional.empty());
                }
            }
            Set<InvoiceStatus> statuses = q.overdueOnly() ? Set.of(InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID)
                    : q.status() == null ? Set.of() : Set.of(q.status());
            if (q.overdueOnly() && q.status() != null) {
                statuses = statuses.contains(q.status()) ? Set.of(q.status()) : Set.of();
                if (statuses.isEmpty()) {
                    return new Page<Invoice>(List.of(), Optional.empty());
                }
            }
            Invoices.Query filter = new Invoices.Query(statuses, Optional.ofNullable(q.dealId()), brandId, talentId,
                    agentId, q.overdueOnly() ? Optional.of(today()) : Optional.empty());
            return Pages.of(stores.invoices().list(filter, after, q.limit() + 1), q.limit(), Invoice::id);
        });
    }

    @Override
    public Page<CommissionLine> listCommissions(OperationContext context, CommissionQuery query) {
        return boundary.call(context, FinanceOperations.LIST_COMMISSIONS, query, (call, q) -> {
            Optional<String> after = Cursors.decode(q.cursor());
            if ((q.beneficiaryKind() == null) != (q.beneficiaryId() == null)) {
                throw BreakException.validation(List.of(new FieldError("#/beneficiaryId", "Beneficiary",
                        "give both the beneficiary's kind and id, or neither")));
            }
            Optional<Beneficiary> beneficiary = q.beneficiaryKind() == null ? Optional.empty()
                    : Optional.of(new Beneficiary(q.beneficiaryKind(), q.beneficiaryId()));
            Access access = call.access();
            if (!access.unrestricted()) {
                Optional<Beneficiary> own = ownBeneficiary(access);
                if (own.isEmpty() || (beneficiary.isPresent() && !beneficiary.equals(own))) {
                    return new Page<CommissionLine>(List.of(), Optional.empty());
                }
                beneficiary = own;
            }
            Commissions.Query filter = new Commissions.Query(beneficiary, Optional.empty(), Optional.ofNullable(q.status()),
                    Optional.ofNullable(q.from()), Optional.ofNullable(q.to()));
            return Pages.of(stores.commissions().list(filter, after, q.limit() + 1), q.limit(), CommissionLine::id);
        });
    }

    private static Optional<Beneficiary> ownBeneficiary(Access access) {
        return access.ownAgentUserId().map(Beneficiary::agent).or(() -> access.ownTalentId().map(Beneficiary::talent));
    }

    @Override
    public CommissionStatement statement(OperationContext context, StatementQuery query) {
        return boundary.call(context, FinanceOperations.STATEMENT, query, (call, q) -> {
            if (q.beneficiaryKind() == BeneficiaryKind.HOUSE) {
                throw BreakException.validation(List.of(new FieldError("#/beneficiaryKind", "StatementBeneficiary",
                        "must be TALENT or AGENT")));
            }
            requirePeriod(q.from().isBefore(q.to()), "#/to");
            Beneficiary beneficiary = new Beneficiary(q.beneficiaryKind(), q.beneficiaryId());
            if (!call.access().permits(owners(beneficiary))) {
                throw BreakException.forbidden(call.context().operationName());
            }
            Commissions.Query filter = new Commissions.Query(Optional.of(beneficiary), Optional.empty(), Optional.empty(),
                    Optional.of(q.from()), Optional.of(q.to()));
            List<CommissionLine> lines = new ArrayList<>();
            Map<String, Money> totals = new TreeMap<>();
            Pages.forEach((after, size) -> stores.commissions().list(filter, after, size), CommissionLine::id, line -> {
                lines.add(line);
                totals.merge(line.amount().currency().getCurrencyCode(), line.amount(), Sums::add);
            });
            return new CommissionStatement(beneficiary, q.from(), q.to(), lines, totals);
        });
    }

    @Override
    public FinanceTotals totals(OperationContext context, TotalsQuery query) {
        return boundary.call(context, FinanceOperations.TOTALS, query, (call, q) -> {
            requirePeriod(q.receivedFrom().isBefore(q.receivedTo()), "#/receivedTo");
            LocalDate today = today();
            Map<String, Money> receivables = new TreeMap<>();
            Map<String, Money> overdue = new TreeMap<>();
            Invoices.Query open = new Invoices.Query(Set.of(InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
            Pages.forEach((after, size) -> stores.invoices().list(open, after, size), Invoice::id, invoice -> {
                String code = invoice.total().currency().getCurrencyCode();
                receivables.merge(code, invoice.outstanding(), Sums::add);
                if (invoice.overdueOn(today)) {
                    overdue.merge(code, invoice.outstanding(), Sums::add);
                }
            });
            Map<String, Money> received = new TreeMap<>();
            Pages.forEach((after, size) -> stores.payments().receivedBetween(q.receivedFrom(), q.receivedTo(), after, size),
                    Payment::id, p -> received.merge(p.amount().currency().getCurrencyCode(), p.amount(), Sums::add));
            Map<String, Money> pending = new TreeMap<>();
            Commissions.Query unpaid = new Commissions.Query(Optional.empty(), Optional.empty(),
                    Optional.of(CommissionStatus.PENDING_PAYOUT), Optional.empty(), Optional.empty());
            Pages.forEach((after, size) -> stores.commissions().list(unpaid, after, size), CommissionLine::id, l -> {
                if (l.beneficiary().kind() != BeneficiaryKind.TALENT) {
                    pending.merge(l.amount().currency().getCurrencyCode(), l.amount(), Sums::add);
                }
            });
            // a currency with nothing in it (a zero-value invoice, say) gets no key
            for (Map<String, Money> figure : List.of(receivables, overdue, received, pending)) {
                figure.values().removeIf(Money::isZero);
            }
            return new FinanceTotals(today, receivables, overdue, received, pending);
        });
    }

    @Override
    public CommissionPlan saveCommissionPlan(OperationContext context, SaveCommissionPlan command) {
        return boundary.call(context, FinanceOperations.SAVE_COMMISSION_PLAN, command, (call, c) -> {
            CommissionPlan plan = new CommissionPlan(c.id(), c.agencyRateBps(), c.agentShareBps(),
                    c.houseTakesUnassignedAgentShare());
            stores.commissionPlans().save(plan);
            Map<String, String> changes = new LinkedHashMap<>();
            changes.put("planId", plan.id());
            changes.put("agencyRateBps", Integer.toString(plan.agencyRateBps()));
            changes.put("agentShareBps", Integer.toString(plan.agentShareBps()));
            audit.record(call, AuditAction.COMMISSION_PLAN_SAVED, EntityRef.of(EntityType.COMMISSION_PLAN, plan.id()),
                    changes);
            return plan;
        });
    }

    // ---- shared ----

    private static void requirePeriod(boolean ordered, String pointer) {
        if (!ordered) {
            throw BreakException.validation(List.of(new FieldError(pointer, "Period", "must be after the period's start")));
        }
    }

    /** A look-up by id, validated at the boundary. */
    record ById(@jakarta.validation.constraints.NotNull
                @jakarta.validation.constraints.Pattern(regexp = com.breakagency.ports.validation.Patterns.ID) String id) {
    }

    private static EntityRef ref(Invoice invoice) {
        return EntityRef.of(EntityType.INVOICE, invoice.id());
    }

    private static String fingerprint(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("every Java platform has SHA-256", missing);
        }
    }
}
