package com.breakagency.ports.error;

/**
 * The reasons Break itself uses under an {@link ErrorCode}. A reason is UPPER_SNAKE_CASE; adapters may
 * add their own.
 */
public final class Reason {
    /** CONFLICT: the record changed since the caller read it. */
    public static final String VERSION_MISMATCH = "VERSION_MISMATCH";
    /** CONFLICT: a unique value is taken already. */
    public static final String ALREADY_EXISTS = "ALREADY_EXISTS";
    /** CONFLICT: the state machine does not allow this move. */
    public static final String INVALID_STATE_TRANSITION = "INVALID_STATE_TRANSITION";
    /** CONFLICT: the idempotency key was used before with other parameters. */
    public static final String IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED";
    /** CONFLICT: a call with the same idempotency key is still running. */
    public static final String IN_PROGRESS = "IN_PROGRESS";
    /** WORKFLOW_BREAK: commissions could not be computed; a repair step is queued. */
    public static final String COMMISSIONS_PENDING = "COMMISSIONS_PENDING";
    /** WORKFLOW_BREAK: a workflow assertion failed. */
    public static final String INVARIANT_BROKEN = "INVARIANT_BROKEN";
    /** WORKFLOW_BREAK: a queued step ran out of attempts. */
    public static final String RETRIES_EXHAUSTED = "RETRIES_EXHAUSTED";
    /** TOKEN_REFRESH_FAILED: the provider revoked the refresh token; the user must reconnect. */
    public static final String REFRESH_TOKEN_REVOKED = "REFRESH_TOKEN_REVOKED";
    /** TOKEN_REFRESH_FAILED: the token endpoint could not be reached; retry later. */
    public static final String TOKEN_ENDPOINT_UNAVAILABLE = "TOKEN_ENDPOINT_UNAVAILABLE";
    /** INTEGRATION_UNAVAILABLE: the provider is rate-limiting Break. */
    public static final String UPSTREAM_RATE_LIMITED = "UPSTREAM_RATE_LIMITED";
    /** The reason used when none more specific applies. */
    public static final String UNSPECIFIED = "UNSPECIFIED";
    /** WORKFLOW_BREAK: a sum Break computes (a total, a statement) would not fit a {@code long} of minor units. */
    public static final String TOTAL_OUT_OF_RANGE = "TOTAL_OUT_OF_RANGE";
    /**
     * PERSISTENCE_UNAVAILABLE: the connection failed while the database was committing, so the change may
     * or may not have been saved; a retry with the same idempotency key is safe and replays it if it was.
     */
    public static final String COMMIT_OUTCOME_UNKNOWN = "COMMIT_OUTCOME_UNKNOWN";
    /**
     * UNHANDLED_ERROR: the database refused a statement for breaking one of its integrity rules (a not-null,
     * check or foreign key constraint) that Break itself should have kept; nothing was saved, and running
     * the same call again fails the same way.
     */
    public static final String STATEMENT_REJECTED = "STATEMENT_REJECTED";
    /**
     * PERSISTENCE_UNAVAILABLE: the connection pool had no free connection within its timeout (every one was
     * held by other calls); the database itself may be fine, nothing was saved, and a retry may succeed. A
     * pool smaller than the calls that run at once causes it.
     */
    public static final String POOL_EXHAUSTED = "POOL_EXHAUSTED";

    /** UNAUTHENTICATED: the call carried no actor. */
    public static final String NO_ACTOR = "NO_ACTOR";
    /** FORBIDDEN: the actor's roles, or their ownership of the record, do not allow the operation. */
    public static final String NOT_PERMITTED = "NOT_PERMITTED";
    /** VALIDATION_FAILED: the input breaks a constraint; the field errors say which. */
    public static final String INVALID_INPUT = "INVALID_INPUT";
    /** NOT_FOUND: no brand with that id. */
    public static final String BRAND_NOT_FOUND = "BRAND_NOT_FOUND";
    /** NOT_FOUND: no contact with that id. */
    public static final String CONTACT_NOT_FOUND = "CONTACT_NOT_FOUND";
    /** NOT_FOUND: no talent profile with that id. */
    public static final String TALENT_NOT_FOUND = "TALENT_NOT_FOUND";
    /** NOT_FOUND: no deal with that id. */
    public static final String DEAL_NOT_FOUND = "DEAL_NOT_FOUND";
    /** NOT_FOUND: no invoice with that id. */
    public static final String INVOICE_NOT_FOUND = "INVOICE_NOT_FOUND";
    /** NOT_FOUND: no payment with that id. */
    public static final String PAYMENT_NOT_FOUND = "PAYMENT_NOT_FOUND";
    /** NOT_FOUND: no integration connection with that id. */
    public static final String CONNECTION_NOT_FOUND = "CONNECTION_NOT_FOUND";
    /** CONFLICT: a payment's amount is more than the invoice's outstanding balance. */
    public static final String OVERPAYMENT = "OVERPAYMENT";
    /** CONFLICT: the deal's value is zero, so there is nothing to invoice. */
    public static final String NOTHING_TO_INVOICE = "NOTHING_TO_INVOICE";
    /** CONFLICT: a unit of work lost to concurrent ones (deadlock, serialization failure) every time it ran. */
    public static final String CONCURRENT_UPDATE = "CONCURRENT_UPDATE";
    /** PERSISTENCE_UNAVAILABLE: the database cannot be reached, or timed out; nothing was saved. */
    public static final String DATABASE_UNREACHABLE = "DATABASE_UNREACHABLE";
    /** PERSISTENCE_UNAVAILABLE: the database refused a statement for a reason of its own; nothing was saved. */
    public static final String STATEMENT_FAILED = "STATEMENT_FAILED";
    /** PERSISTENCE_UNAVAILABLE: the database schema could not be brought up to date. */
    public static final String MIGRATION_FAILED = "MIGRATION_FAILED";
    /** UNHANDLED_ERROR: something escaped that the code did not expect. */
    public static final String UNEXPECTED_EXCEPTION = "UNEXPECTED_EXCEPTION";

    /**
     * VALIDATION_FAILED: a connect callback's state is not a pending authorization of the caller's (reused,
     * expired, another user's, unknown or altered; which of them is never said). Start connecting again.
     */
    public static final String AUTHORIZATION_STATE_REJECTED = "AUTHORIZATION_STATE_REJECTED";
    /** VALIDATION_FAILED: the provider refused a connect callback's authorization code. Start connecting again. */
    public static final String AUTHORIZATION_CODE_REJECTED = "AUTHORIZATION_CODE_REJECTED";
    /**
     * TOKEN_REFRESH_FAILED: the provider refused the host's OAuth client (invalid_client, unsupported_grant_type,
     * invalid_request): the client id, secret or registration is wrong; no connection is changed.
     */
    public static final String CLIENT_CREDENTIALS_REJECTED = "CLIENT_CREDENTIALS_REJECTED";
    /** UNHANDLED_ERROR: a sealed secret names a key the cipher does not know, or was altered. */
    public static final String SECRET_UNREADABLE = "SECRET_UNREADABLE";
    /** INTEGRATION_UNAVAILABLE: the provider could not be reached, timed out or answered with a server error. */
    public static final String PROVIDER_UNAVAILABLE = "PROVIDER_UNAVAILABLE";
    /** RATE_LIMITED: a resync of the connection was asked for too soon after the last one; wait the retry-after. */
    public static final String SYNC_REQUESTED_TOO_OFTEN = "SYNC_REQUESTED_TOO_OFTEN";

    /** CONFLICT: a refund is more than what is left of the payment after its earlier refunds. */
    public static final String REFUND_EXCEEDS_PAYMENT = "REFUND_EXCEEDS_PAYMENT";
    /** CONFLICT: the beneficiary has no line in the currency that is owed and in no payout. */
    public static final String NOTHING_TO_PAY_OUT = "NOTHING_TO_PAY_OUT";
    /** CONFLICT: a credit note would take the invoice's total to zero or below. */
    public static final String CREDIT_EXCEEDS_BALANCE = "CREDIT_EXCEEDS_BALANCE";
    /** CONFLICT: a credit note on an invoice paid more than its new total needs the refund that goes with it. */
    public static final String REFUND_REQUIRED = "REFUND_REQUIRED";
    /** NOT_FOUND: no payout with that id. */
    public static final String PAYOUT_NOT_FOUND = "PAYOUT_NOT_FOUND";

    private Reason() {
    }
}
