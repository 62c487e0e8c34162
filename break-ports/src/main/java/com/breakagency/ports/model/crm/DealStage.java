package com.breakagency.ports.model.crm;

/**
 * The stages of the agency's deal pipeline, in order, plus {@link #LOST}. Which moves are allowed is
 * break-core's deal pipeline policy.
 */
public enum DealStage {
    /** A lead nobody has worked yet. */
    NEW_LEAD,
    /** Terms under discussion. */
    NEGOTIATION,
    /** A contract went out. */
    CONTRACT_SENT,
    /** The contract is signed. */
    CONTRACT_SIGNED,
    /** The talent is delivering. */
    DELIVERABLES_IN_PROGRESS,
    /** Delivered; the deal's invoice is drafted on entry. */
    PAYMENT_PENDING,
    /** The deal's invoice is fully paid; set by finance only. */
    PAYMENT_RECEIVED,
    /** Done. */
    COMPLETED,
    /** Did not happen. */
    LOST
}
