package com.breakagency.ports.context;

/**
 * What an actor may do, as the agency assigns it. The authorization matrix in break-core maps every
 * operation and role to allowed, denied or allowed-for-own-records.
 */
public enum Role {
    /** Runs the agency: every operation. */
    ADMIN,
    /** Issues and voids invoices, records payments, reads the books. */
    FINANCE,
    /** A talent manager: writes the CRM, owns deals, manages talent. */
    AGENT,
    /** A talent's own portal user: reads their own profile, deals and commissions. */
    TALENT,
    /** A brand's own portal user: reads their own brand, its contacts, deals and invoices. */
    BRAND,
    /** Background work Break or its host runs without a person: payment intake, recovery. */
    SYSTEM
}
