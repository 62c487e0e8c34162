package com.breakagency.ports.model.finance;

/** Where a payout is: DRAFT → APPROVED → PAID, or CANCELLED from DRAFT or APPROVED (its lines are free again). */
public enum PayoutStatus {
    /** Gathered, not yet approved. */
    DRAFT,
    /** Approved for payment. */
    APPROVED,
    /** Paid to the beneficiary; its lines are PAID_OUT and never change again. */
    PAID,
    /** Cancelled before it was paid; its lines may go into another payout. */
    CANCELLED;

    /**
     * Whether a payout in this status holds its lines: every status but CANCELLED. A line is in at most one
     * live payout.
     *
     * @return true unless CANCELLED
     */
    public boolean isLive() {
        return this != CANCELLED;
    }
}
