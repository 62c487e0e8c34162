package com.breakagency.ports.model.finance;

/** How a commission reversal takes effect. */
public enum ReversalKind {
    /** The reversed line was not yet paid out and is in no payout: the reversal simply offsets it. */
    OFFSET,
    /**
     * The reversed line was paid out already (or is in a payout under way): the reversal is money the
     * beneficiary owes back, deducted from their next payout.
     */
    CLAWBACK
}
