package com.breakagency.ports.api;

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
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.Page;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.CommissionPlan;
import com.breakagency.ports.model.finance.Invoice;

/**
 * Invoices, payments and commissions.
 *
 * <p>Recording a payment, moving the invoice's status (and the deal to PAYMENT_RECEIVED when paid in
 * full), allocating the payment into commission lines, the audit events and any repair step are one
 * unit of work: all of it is stored or none of it. A payment is allocated exactly once however many
 * callers try at once: the store's unique constraint guarantees it. An idempotency key replays the first
 * result and writes nothing; the same key with other parameters is CONFLICT/IDEMPOTENCY_KEY_REUSED.
 *
 * <p>Money going out takes the same care: a payout gathers one beneficiary's owed lines of one currency and
 * equals their sum; a line is in at most one live payout; marking a payout paid moves its lines to PAID_OUT in
 * the same unit of work; a refund reverses the payment's lines in proportion (clawbacks for lines paid out
 * already, deducted from the next payout); a credit note reduces an issued invoice without editing it.
 *
 * <p>Every method passes Break's boundary and throws only {@link BreakException}. Thread-safe.
 */
public interface Finance {

    /**
     * Drafts a deal's invoice (ADMIN, FINANCE, SYSTEM).
     *
     * @param context who calls
     * @param command the deal
     * @return the draft
     */
    Invoice draftInvoice(OperationContext context, DraftInvoice command);

    /**
     * Issues a draft: the next number, a due date (ADMIN, FINANCE, SYSTEM).
     *
     * @param context who calls
     * @param command the invoice and the version read
     * @return the issued invoice
     */
    Invoice issueInvoice(OperationContext context, IssueInvoice command);

    /**
     * Voids an invoice on which nothing is paid (ADMIN, FINANCE, SYSTEM).
     *
     * @param context who calls
     * @param command the invoice, the version read and why
     * @return the voided invoice
     */
    Invoice voidInvoice(OperationContext context, VoidInvoice command);

    /**
     * Records a payment, full or partial, and allocates it into commission lines (ADMIN, FINANCE,
     * SYSTEM). An amount above the outstanding balance is CONFLICT/OVERPAYMENT; a payment to a draft or
     * void invoice is CONFLICT/INVALID_STATE_TRANSITION.
     *
     * @param context who calls
     * @param command the payment
     * @return what happened; commissions may be PENDING
     */
    PaymentResult recordPayment(OperationContext context, RecordPayment command);

    /**
     * Records a payment of the whole outstanding balance (ADMIN, FINANCE, SYSTEM).
     *
     * @param context who calls
     * @param command the invoice and the payment's references
     * @return what happened
     */
    PaymentResult markInvoicePaid(OperationContext context, MarkInvoicePaid command);

    /**
     * Reads an invoice (ADMIN, FINANCE, SYSTEM; AGENT, TALENT and BRAND users their own deals' invoices).
     *
     * @param context who calls
     * @param id      the invoice
     * @return the invoice
     */
    Invoice getInvoice(OperationContext context, String id);

    /**
     * Lists invoices (as {@link #getInvoice}; restricted users see their own).
     *
     * @param context who calls
     * @param query   filters, cursor and page size
     * @return one page
     */
    Page<Invoice> listInvoices(OperationContext context, InvoiceQuery query);

    /**
     * Lists commission lines (ADMIN, FINANCE, SYSTEM; AGENT and TALENT users their own).
     *
     * @param context who calls
     * @param query   filters, cursor and page size
     * @return one page
     */
    Page<CommissionLine> listCommissions(OperationContext context, CommissionQuery query);

    /**
     * A commission statement for a talent or an agent over a period (ADMIN, FINANCE, SYSTEM; AGENT and
     * TALENT users their own).
     *
     * @param context who calls
     * @param query   who and when
     * @return the statement, totals per currency
     */
    CommissionStatement statement(OperationContext context, StatementQuery query);

    /**
     * Receivables, overdue, cash in and out, commissions pending, owed and paid, refunds and credit notes, one
     * figure per currency (ADMIN, FINANCE,
     * SYSTEM).
     *
     * @param context who calls
     * @param query   the period for "received"
     * @return the figures
     */
    FinanceTotals totals(OperationContext context, TotalsQuery query);

    /**
     * Creates or replaces a commission plan (ADMIN, FINANCE).
     *
     * @param context who calls
     * @param command the plan
     * @return the stored plan
     */
    CommissionPlan saveCommissionPlan(OperationContext context, SaveCommissionPlan command);

    /**
     * Gathers a beneficiary's owed lines of one currency into a DRAFT payout (ADMIN, FINANCE). Nothing owed is
     * CONFLICT/NOTHING_TO_PAY_OUT.
     *
     * @param context who calls
     * @param command the beneficiary, the currency and an optional bound
     * @return the payout
     */
    Payout createPayout(OperationContext context, CreatePayout command);

    /**
     * Approves a DRAFT payout (ADMIN, FINANCE).
     *
     * @param context who calls
     * @param command the payout and the version read
     * @return the approved payout
     */
    Payout approvePayout(OperationContext context, ApprovePayout command);

    /**
     * Marks an APPROVED payout paid and its lines PAID_OUT, in one unit of work (ADMIN, FINANCE). Idempotent by
     * key: the same key and parameters replay; the same key with others is CONFLICT/IDEMPOTENCY_KEY_REUSED.
     *
     * @param context who calls
     * @param command the payout, the transfer's reference and day, the key
     * @return the paid payout
     */
    Payout markPayoutPaid(OperationContext context, MarkPayoutPaid command);

    /**
     * Cancels a DRAFT or APPROVED payout; its lines are free again (ADMIN, FINANCE).
     *
     * @param context who calls
     * @param command the payout, the version read and why
     * @return the cancelled payout
     */
    Payout cancelPayout(OperationContext context, CancelPayout command);

    /**
     * Reads a payout (ADMIN, FINANCE, SYSTEM; AGENT and TALENT users their own).
     *
     * @param context who calls
     * @param id      the payout
     * @return the payout
     */
    Payout getPayout(OperationContext context, String id);

    /**
     * Lists payouts (as {@link #getPayout}; restricted users see their own).
     *
     * @param context who calls
     * @param query   filters, cursor and page size
     * @return one page
     */
    Page<Payout> listPayouts(OperationContext context, PayoutQuery query);

    /**
     * A payout statement: owed at the start, earned, reversed, paid, owed at the end, per currency (ADMIN,
     * FINANCE, SYSTEM; AGENT and TALENT users their own).
     *
     * @param context who calls
     * @param query   who and when
     * @return the statement
     */
    PayoutStatement payoutStatement(OperationContext context, PayoutStatementQuery query);

    /**
     * Refunds part or all of a payment and reverses its commission lines in proportion (ADMIN, FINANCE).
     * Idempotent by key as {@link #recordPayment}.
     *
     * @param context who calls
     * @param command the payment, the amount and the references
     * @return what happened
     */
    RefundResult refundPayment(OperationContext context, RefundPayment command);

    /**
     * Issues a credit note on an issued invoice, with the refund it needs when the invoice was paid more than its
     * new total, in one unit of work (ADMIN, FINANCE). Idempotent by key.
     *
     * @param context who calls
     * @param command the invoice, the amount, why, and the refund if any
     * @return what happened
     */
    CreditNoteResult issueCreditNote(OperationContext context, IssueCreditNote command);

    /**
     * Lists credit notes (ADMIN, FINANCE, SYSTEM; BRAND users their own brand's).
     *
     * @param context who calls
     * @param query   filters, cursor and page size
     * @return one page
     */
    Page<CreditNote> listCreditNotes(OperationContext context, CreditNoteQuery query);
}
