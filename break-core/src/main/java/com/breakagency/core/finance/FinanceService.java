package com.breakagency.core.finance;

import com.breakagency.core.PendingCommissionsPolicy;
import com.breakagency.core.boundary.Boundary;
import com.breakagency.core.boundary.Call;
import com.breakagency.core.crm.DealStageListener;
import com.breakagency.core.crm.DealStages;
import com.breakagency.core.internal.Audit;
import com.breakagency.core.recovery.StepHandler;
import com.breakagency.core.recovery.Sweep;
import com.breakagency.ports.api.Finance;
import com.breakagency.ports.api.finance.ApprovePayout;
import com.breakagency.ports.api.finance.CancelPayout;
import com.breakagency.ports.api.finance.CreatePayout;
import com.breakagency.ports.api.finance.CreditNoteQuery;
import com.breakagency.ports.api.finance.CreditNoteResult;
import com.breakagency.ports.api.finance.IssueCreditNote;
import com.breakagency.ports.api.finance.MarkPayoutPaid;
import com.breakagency.ports.api.finance.PayoutQuery;
import com.breakagency.ports.api.finance.PayoutStatement;
import com.breakagency.ports.api.finance.PayoutStatementQuery;
import com.breakagency.ports.api.finance.RefundPayment;
import com.breakagency.ports.api.finance.RefundResult;
import com.breakagency.ports.model.finance.CreditNote;
import com.breakagency.ports.model.finance.Payout;
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
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.model.Page;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.CommissionPlan;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.spi.IdGenerator;
import com.breakagency.ports.spi.Persistence;
import java.time.Clock;
import java.time.Duration;
import java.time.Period;

/**
 * The finance use cases behind {@link Finance} and {@code Recovery.ensureCommissions}, the deal pipeline's
 * finance reaction (a deal entering PAYMENT_PENDING drafts its invoice), and the background work that
 * completes pending commissions: the {@link #ensureCommissionsHandler() ENSURE_COMMISSIONS step} and the
 * janitor's {@link #unallocatedPaymentsSweep() sweep for payments without commissions}.
 *
 * <p>A facade: each job has its own class (see {@code docs/design.md}, "Finance layout") — invoicing
 * (draft, issue, void), payment intake (fingerprint, replay, lock, the payment decision), commission
 * allocation, commission repair (the use case, the step, the sweep), the reads, and money going out: payouts,
 * refunds and credit notes, and their reads. Every public port
 * method is one boundary call. Thread-safe.
 */
public final class FinanceService implements Finance, DealStageListener {

    /** The step type that completes an invoice's pending commissions. */
    public static final String ENSURE_COMMISSIONS_STEP = "ENSURE_COMMISSIONS";

    /**
     * The scope of payment idempotency keys: one for recordPayment and markInvoicePaid together, so a key
     * names one payment request whichever operation carried it.
     */
    public static final String PAYMENT_KEY_SCOPE = "finance.payment";

    /** How many payments without commissions the sweep reads at a time. */
    static final int SWEEP_PAGE = 200;

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

    private final Invoicing invoicing;
    private final PaymentIntake intake;
    private final CommissionRepair repair;
    private final FinanceReads reads;
    private final PayoutDesk payouts;
    private final Refunding refunding;
    private final MoneyOutReads moneyOutReads;

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
        FinanceParts parts = new FinanceParts(stores, audit, ids, clock, settings);
        CommissionAllocator allocator = new CommissionAllocator(parts);
        this.invoicing = new Invoicing(boundary, parts);
        this.repair = new CommissionRepair(boundary, parts, allocator);
        this.intake = new PaymentIntake(boundary, parts, stages, allocator, repair);
        this.reads = new FinanceReads(boundary, parts);
        this.payouts = new PayoutDesk(boundary, parts);
        this.refunding = new Refunding(boundary, parts, stages);
        this.moneyOutReads = new MoneyOutReads(boundary, parts);
    }

    // ---- invoicing ----

    @Override
    public void stageChanged(Call call, Deal before, Deal after) {
        invoicing.stageChanged(call, after);
    }

    @Override
    public Invoice draftInvoice(OperationContext context, DraftInvoice command) {
        return invoicing.draftInvoice(context, command);
    }

    @Override
    public Invoice issueInvoice(OperationContext context, IssueInvoice command) {
        return invoicing.issueInvoice(context, command);
    }

    @Override
    public Invoice voidInvoice(OperationContext context, VoidInvoice command) {
        return invoicing.voidInvoice(context, command);
    }

    // ---- payment intake ----

    @Override
    public PaymentResult recordPayment(OperationContext context, RecordPayment command) {
        return intake.recordPayment(context, command);
    }

    @Override
    public PaymentResult markInvoicePaid(OperationContext context, MarkInvoicePaid command) {
        return intake.markInvoicePaid(context, command);
    }

    // ---- commission repair ----

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
        return repair.ensureCommissions(context, command);
    }

    /**
     * The handler of {@link #ENSURE_COMMISSIONS_STEP} steps: completes the commissions of the invoice the
     * step names, in its own unit of work. Idempotent: an invoice whose payments are all allocated is
     * done. While the commissions still cannot be computed it answers {@code StepOutcome.Retry} (an
     * expected outcome: nothing is logged as an error and nothing is reported per attempt) and changes
     * nothing; an invoice that does not exist is {@code StepOutcome.GiveUp}.
     *
     * @return the handler
     */
    public StepHandler ensureCommissionsHandler() {
        return repair::runStep;
    }

    /**
     * The janitor's sweep for payments without commission lines whose invoice has no active (PENDING,
     * RUNNING or DEAD) {@link #ENSURE_COMMISSIONS_STEP} step: for each such invoice, in one unit of work
     * that holds the invoice's lock, it queues the step under the dedup key {@code ENSURE_COMMISSIONS:<invoiceId>}
     * (so janitors on several instances queue it once), marks the invoice's commissions PENDING and
     * writes a {@code JANITOR_FOUND} audit event. It pages through every such payment (keyset pages of
     * {@value #SWEEP_PAGE}, no cap).
     *
     * @return the sweep
     */
    public Sweep unallocatedPaymentsSweep() {
        return repair::sweep;
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

    // ---- reads and plans ----

    @Override
    public Invoice getInvoice(OperationContext context, String id) {
        return reads.getInvoice(context, id);
    }

    @Override
    public Page<Invoice> listInvoices(OperationContext context, InvoiceQuery query) {
        return reads.listInvoices(context, query);
    }

    @Override
    public Page<CommissionLine> listCommissions(OperationContext context, CommissionQuery query) {
        return reads.listCommissions(context, query);
    }

    @Override
    public CommissionStatement statement(OperationContext context, StatementQuery query) {
        return reads.statement(context, query);
    }

    @Override
    public FinanceTotals totals(OperationContext context, TotalsQuery query) {
        return reads.totals(context, query);
    }

    @Override
    public CommissionPlan saveCommissionPlan(OperationContext context, SaveCommissionPlan command) {
        return reads.saveCommissionPlan(context, command);
    }

    // ---- money going out ----

    @Override
    public Payout createPayout(OperationContext context, CreatePayout command) {
        return payouts.createPayout(context, command);
    }

    @Override
    public Payout approvePayout(OperationContext context, ApprovePayout command) {
        return payouts.approvePayout(context, command);
    }

    @Override
    public Payout markPayoutPaid(OperationContext context, MarkPayoutPaid command) {
        return payouts.markPayoutPaid(context, command);
    }

    @Override
    public Payout cancelPayout(OperationContext context, CancelPayout command) {
        return payouts.cancelPayout(context, command);
    }

    @Override
    public Payout getPayout(OperationContext context, String id) {
        return moneyOutReads.getPayout(context, id);
    }

    @Override
    public Page<Payout> listPayouts(OperationContext context, PayoutQuery query) {
        return moneyOutReads.listPayouts(context, query);
    }

    @Override
    public PayoutStatement payoutStatement(OperationContext context, PayoutStatementQuery query) {
        return moneyOutReads.payoutStatement(context, query);
    }

    @Override
    public RefundResult refundPayment(OperationContext context, RefundPayment command) {
        return refunding.refundPayment(context, command);
    }

    @Override
    public CreditNoteResult issueCreditNote(OperationContext context, IssueCreditNote command) {
        return refunding.issueCreditNote(context, command);
    }

    @Override
    public Page<CreditNote> listCreditNotes(OperationContext context, CreditNoteQuery query) {
        return moneyOutReads.listCreditNotes(context, query);
    }
}
