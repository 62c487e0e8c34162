package com.breakagency.core;

/** What Break does with a payment whose commissions cannot be computed yet. */
public enum PendingCommissionsPolicy {
    /**
     * The default: the money arrived, so the payment is recorded; the invoice's commissions are PENDING,
     * an ENSURE_COMMISSIONS step is queued in the same unit of work, and one WORKFLOW_BREAK is reported
     * after commit. The caller's result says commissions are pending.
     */
    RECORD_AND_REPAIR,
    /** All or nothing: the payment is refused with WORKFLOW_BREAK/COMMISSIONS_PENDING and nothing is stored. */
    REJECT_PAYMENT
}
