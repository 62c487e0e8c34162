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

    private Reason() {
    }
}
