package com.breakagency.ports.model.finance;

/** Whether an invoice's payments have been allocated into commission lines. */
public enum CommissionState {
    /** No payment yet, so nothing to allocate. */
    NONE,
    /** Every payment is allocated. */
    ALLOCATED,
    /**
     * A payment arrived but could not be allocated (for example the talent has no managing agent to pay);
     * an ENSURE_COMMISSIONS step is queued and completes it once the data is fixed.
     */
    PENDING
}
