package com.breakagency.ports.model;

/** The kinds of record a timeline entry or an audit event can be about. */
public enum EntityType {
    /** A brand. */
    BRAND,
    /** A contact. */
    CONTACT,
    /** A talent profile. */
    TALENT,
    /** A deal. */
    DEAL,
    /** An invoice. */
    INVOICE,
    /** A payment. */
    PAYMENT,
    /** A commission plan. */
    COMMISSION_PLAN,
    /** A queued step of background work. */
    WORK_STEP,
    /** One run of the janitor. */
    JANITOR_RUN,
    /** A connection to an account at an OAuth provider. */
    CONNECTION,
    /** A payout to a talent or an agent. */
    PAYOUT,
    /** A refund of a payment. */
    REFUND,
    /** A credit note on an invoice. */
    CREDIT_NOTE
}
