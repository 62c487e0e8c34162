package com.breakagency.ports.api.recovery;

import com.breakagency.ports.model.EntityRef;
import java.util.Objects;

/**
 * One broken state the janitor found that no step covered, and the repair it queued.
 *
 * @param kind    what was broken, such as {@link #PAYMENT_WITHOUT_COMMISSIONS}
 * @param subject the record that needs the repair (for missing commissions: the invoice)
 * @param stepId  the id of the step queued to repair it
 */
public record JanitorFinding(String kind, EntityRef subject, String stepId) {

    /** A payment recorded longer ago than the grace period has no commission lines and no step to make them. */
    public static final String PAYMENT_WITHOUT_COMMISSIONS = "PAYMENT_WITHOUT_COMMISSIONS";

    /**
     * Checks presence.
     *
     * @param kind what was broken, such as {@link #PAYMENT_WITHOUT_COMMISSIONS}
     * @param subject the record that needs the repair (for missing commissions: the invoice)
     * @param stepId the id of the step queued to repair it
     */
    public JanitorFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(stepId, "stepId");
    }
}
