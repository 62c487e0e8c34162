package com.breakagency.ports.model.finance;

/** Where a commission line is in the payout cycle. */
public enum CommissionStatus {
    /** Owed, not yet paid out. */
    PENDING_PAYOUT,
    /** Paid out. */
    PAID_OUT,
    /** Cancelled by a correcting entry. */
    REVERSED
}
