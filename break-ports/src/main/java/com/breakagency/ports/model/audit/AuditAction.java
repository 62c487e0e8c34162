package com.breakagency.ports.model.audit;

/**
 * What an audit event records, in the agency's existing vocabulary where one exists. Names never
 * change; new actions are added.
 */
public enum AuditAction {
    /** A brand was created. */
    BRAND_CREATED,
    /** A brand was changed. */
    BRAND_UPDATED,
    /** A brand was archived. */
    BRAND_ARCHIVED,
    /** A contact was created. */
    CONTACT_CREATED,
    /** A contact was changed. */
    CONTACT_UPDATED,
    /** A contact was archived. */
    CONTACT_ARCHIVED,
    /** A talent profile was created. */
    TALENT_CREATED,
    /** A talent profile was changed. */
    TALENT_UPDATED,
    /** A talent profile was archived. */
    TALENT_ARCHIVED,
    /** A deal was created. */
    DEAL_CREATED,
    /** A deal was changed. */
    DEAL_UPDATED,
    /** A deal moved to another stage. */
    DEAL_STAGE_CHANGED,
    /** A note was added to a timeline. */
    NOTE_ADDED,
    /** An invoice was drafted. */
    INVOICE_CREATED,
    /** An invoice was issued with a number and a due date. */
    INVOICE_ISSUED,
    /** An invoice was voided. */
    INVOICE_VOIDED,
    /** An invoice moved between paid states (PARTIALLY_PAID). */
    INVOICE_STATUS_UPDATED,
    /** A payment was recorded. */
    PAYMENT_RECORDED,
    /** An invoice was paid in full. */
    INVOICE_MARKED_PAID,
    /** One commission line was created. */
    COMMISSION_CREATED,
    /** A payment's commissions could not be computed; a repair step is queued. */
    COMMISSIONS_PENDING,
    /** A commission plan was saved. */
    COMMISSION_PLAN_SAVED,
    /** A queued step ran out of attempts and is DEAD until an administrator retries it. */
    STEP_DEAD,
    /** An administrator made a DEAD step PENDING again. */
    STEP_RETRIED,
    /**
     * The janitor finished a sweep; the event's changes hold its run id, when it started and how many broken
     * states it found. The latest one is what diagnostics shows as the janitor's last run.
     */
    JANITOR_RAN,
    /** The janitor found a broken state no step covered and queued its repair; the changes name the run. */
    JANITOR_FOUND,
    /** A user connected an account at a provider (or connected it again). */
    CONNECTION_CONNECTED,
    /** A user disconnected a connection; its tokens are deleted. */
    CONNECTION_DISCONNECTED,
    /** A provider refused a connection's grant for good; the user must reconnect. */
    CONNECTION_NEEDS_REAUTH,
    /** A connection's refresh succeeded again after failures. */
    CONNECTION_RECOVERED,
    /** Commission lines of one beneficiary and currency were gathered into a payout. */
    PAYOUT_CREATED,
    /** A payout was approved for payment. */
    PAYOUT_APPROVED,
    /** A payout was paid; its lines are PAID_OUT. */
    PAYOUT_MARKED_PAID,
    /** A payout was cancelled; its lines are free again. */
    PAYOUT_CANCELLED,
    /** Part or all of a payment was returned to the brand. */
    PAYMENT_REFUNDED,
    /** One commission line was reversed, in part or in full, by a refund. */
    COMMISSION_REVERSED,
    /** A credit note reduced an issued invoice. */
    CREDIT_NOTE_ISSUED,
    /** A user asked for a connection's mail to sync now. */
    MAIL_RESYNC_REQUESTED
}
