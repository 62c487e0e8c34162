package com.breakagency.core.finance;

import com.breakagency.core.boundary.Operation;
import java.util.List;

/** The names of the finance and recovery operations, as the policy table, the MDC and reports know them. */
public final class FinanceOperations {

    /** Drafts an invoice. */
    public static final Operation DRAFT_INVOICE = new Operation("finance.draftInvoice");
    /** Issues an invoice. */
    public static final Operation ISSUE_INVOICE = new Operation("finance.issueInvoice");
    /** Voids an invoice. */
    public static final Operation VOID_INVOICE = new Operation("finance.voidInvoice");
    /** Records a payment. */
    public static final Operation RECORD_PAYMENT = new Operation("finance.recordPayment");
    /** Records a payment of the whole balance. */
    public static final Operation MARK_INVOICE_PAID = new Operation("finance.markInvoicePaid");
    /** Reads an invoice. */
    public static final Operation GET_INVOICE = new Operation("finance.getInvoice");
    /** Lists invoices. */
    public static final Operation LIST_INVOICES = new Operation("finance.listInvoices");
    /** Lists commission lines. */
    public static final Operation LIST_COMMISSIONS = new Operation("finance.listCommissions");
    /** Makes a commission statement. */
    public static final Operation STATEMENT = new Operation("finance.statement");
    /** Computes the totals. */
    public static final Operation TOTALS = new Operation("finance.totals");
    /** Saves a commission plan. */
    public static final Operation SAVE_COMMISSION_PLAN = new Operation("finance.saveCommissionPlan");
    /** Completes pending commissions. */
    public static final Operation ENSURE_COMMISSIONS = new Operation("recovery.ensureCommissions");

    /** Gathers owed lines into a payout. */
    public static final Operation CREATE_PAYOUT = new Operation("finance.createPayout");
    /** Approves a payout. */
    public static final Operation APPROVE_PAYOUT = new Operation("finance.approvePayout");
    /** Marks a payout paid. */
    public static final Operation MARK_PAYOUT_PAID = new Operation("finance.markPayoutPaid");
    /** Cancels a payout. */
    public static final Operation CANCEL_PAYOUT = new Operation("finance.cancelPayout");
    /** Reads a payout. */
    public static final Operation GET_PAYOUT = new Operation("finance.getPayout");
    /** Lists payouts. */
    public static final Operation LIST_PAYOUTS = new Operation("finance.listPayouts");
    /** Makes a payout statement. */
    public static final Operation PAYOUT_STATEMENT = new Operation("finance.payoutStatement");
    /** Refunds a payment. */
    public static final Operation REFUND_PAYMENT = new Operation("finance.refundPayment");
    /** Issues a credit note. */
    public static final Operation ISSUE_CREDIT_NOTE = new Operation("finance.issueCreditNote");
    /** Lists credit notes. */
    public static final Operation LIST_CREDIT_NOTES = new Operation("finance.listCreditNotes");

    /** Every finance and recovery operation. */
    public static final List<Operation> ALL = List.of(DRAFT_INVOICE, ISSUE_INVOICE, VOID_INVOICE, RECORD_PAYMENT,
            MARK_INVOICE_PAID, GET_INVOICE, LIST_INVOICES, LIST_COMMISSIONS, STATEMENT, TOTALS, SAVE_COMMISSION_PLAN,
            ENSURE_COMMISSIONS, CREATE_PAYOUT, APPROVE_PAYOUT, MARK_PAYOUT_PAID, CANCEL_PAYOUT, GET_PAYOUT, LIST_PAYOUTS,
            PAYOUT_STATEMENT, REFUND_PAYMENT, ISSUE_CREDIT_NOTE, LIST_CREDIT_NOTES);

    private FinanceOperations() {
    }
}
