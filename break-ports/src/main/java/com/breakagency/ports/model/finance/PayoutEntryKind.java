package com.breakagency.ports.model.finance;

/** What a payout item pays: a commission line, or a commission reversal (an offset or a clawback). */
public enum PayoutEntryKind {
    /** A {@link CommissionLine}: money earned. */
    LINE,
    /** A {@link CommissionReversal}: money given back, usually negative. */
    REVERSAL
}
