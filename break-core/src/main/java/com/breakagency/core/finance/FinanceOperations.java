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

    /** Every finance and recovery operation. */
    public static final List<Operation> ALL = List.of(DRAFT_INVOICE, ISSUE_INVOICE, VOID_INVOICE, RECORD_PAYMENT,
            MARK_INVOICE_PAID, GET_INVOICE, LIST_INVOICES, LIST_COMMISSIONS, STATEMENT, TOTALS, SAVE_COMMISSION_PLAN,
            ENSURE_COMMISSIONS);

    private FinanceOperations() {
    }
}
