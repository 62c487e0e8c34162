package com.breakagency.ports.model.finance;

/**
 * Where an invoice is: DRAFT → ISSUED → PARTIALLY_PAID → PAID, or VOID while nothing is paid; refunds move a
 * paid invoice back to PARTIALLY_PAID, or to REFUNDED when the brand kept nothing. "Overdue"
 * is not a status: it is derived from the due date and the clock.
 */
public enum InvoiceStatus {
    /** Being prepared; no number yet. */
    DRAFT,
    /** Sent to the brand, with a number and a due date. */
    ISSUED,
    /** Some but not all of the total has arrived. */
    PARTIALLY_PAID,
    /** The total has arrived; the invoice can no longer change. */
    PAID,
    /** Cancelled before anything was paid. */
    VOID,
    /** Payments arrived and were all refunded: the brand kept nothing. */
    REFUNDED;

    /**
     * Whether an invoice in this status is open: issued and not yet paid in full, so it accepts payments,
     * counts as a receivable and can be overdue. The invoice lifecycle in break-core takes the statuses a
     * payment may start from from here, so the two cannot disagree.
     *
     * @return true for ISSUED and PARTIALLY_PAID
     */
    public boolean isOpen() {
        return this == ISSUED || this == PARTIALLY_PAID;
    }
}
