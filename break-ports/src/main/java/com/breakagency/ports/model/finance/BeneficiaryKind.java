package com.breakagency.ports.model.finance;

/** Who a commission line pays. */
public enum BeneficiaryKind {
    /** The talent's payout: what is left after the agency's commission. */
    TALENT,
    /** The talent's managing agent's share of the agency's commission. */
    AGENT,
    /** The agency's own share. */
    HOUSE
}
