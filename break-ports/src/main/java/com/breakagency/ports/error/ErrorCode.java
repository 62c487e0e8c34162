package com.breakagency.ports.error;

import java.util.Locale;

/**
 * The stable machine codes of every error Break reports. Names never change; new situations get a new
 * reason under an existing code, or (rarely) a new code.
 *
 * <p>Each code fixes its HTTP status, whether a caller may retry, whether it is sent to the
 * {@link com.breakagency.ports.spi.ErrorReporter}, how loudly the boundary logs it, and a plain title a
 * user interface can show as it is. Client errors (bad input, no actor, a missing record, a conflict, a
 * rate limit) are {@link Severity#DEBUG}: a caller handles them, and a fuzzing client must not fill the
 * log; a refused access is {@link Severity#WARN}; server-side failures are {@link Severity#ERROR}, except
 * an integration that is down, which is {@link Severity#WARN}.
 */
public enum ErrorCode {
    /** Input breaks a constraint; carries field errors, never the rejected values. */
    VALIDATION_FAILED(400, false, false, Severity.DEBUG, "Some of the information entered is not valid."),
    /** No actor was given. */
    UNAUTHENTICATED(401, false, false, Severity.DEBUG, "Please sign in to continue."),
    /** The actor lacks the role or the ownership the operation needs. */
    FORBIDDEN(403, false, false, Severity.WARN, "You don't have permission to do that."),
    /** The record does not exist (said only after authorization passed). */
    NOT_FOUND(404, false, false, Severity.DEBUG, "We couldn't find what you were looking for."),
    /** The request conflicts with the current state; see {@link Reason} for the reasons. */
    CONFLICT(409, false, false, Severity.DEBUG, "This was changed or done already. Refresh and try again."),
    /** The caller exceeded Break's own limits; retry after the given time. */
    RATE_LIMITED(429, true, false, Severity.DEBUG, "Too many requests. Please wait a moment and try again."),
    /** A workflow invariant failed or a step could not complete. */
    WORKFLOW_BREAK(500, false, true, Severity.ERROR, "A background step could not complete. The team has been notified."),
    /** An OAuth token could not be refreshed; retryable only when the token endpoint was unavailable. */
    TOKEN_REFRESH_FAILED(502, false, true, Severity.ERROR, "We couldn't refresh the connection to your account."),
    /** A provider is down, slow or rate-limiting Break. */
    INTEGRATION_UNAVAILABLE(503, true, false, Severity.WARN, "A connected service is not responding. Please try again shortly."),
    /** The database cannot be reached; nothing was half-written. */
    PERSISTENCE_UNAVAILABLE(503, true, true, Severity.ERROR, "We're having trouble saving right now. Please try again shortly."),
    /** Anything the code did not expect; the detail shown is generic. */
    UNHANDLED_ERROR(500, false, true, Severity.ERROR, "Something went wrong on our side. The team has been notified.");

    private final int httpStatus;
    private final boolean retryable;
    private final boolean reported;
    private final Severity severity;
    private final String title;

    ErrorCode(int httpStatus, boolean retryable, boolean reported, Severity severity, String title) {
        this.httpStatus = httpStatus;
        this.retryable = retryable;
        this.reported = reported;
        this.severity = severity;
        this.title = title;
    }

    /**
     * The HTTP status a host should answer with.
     *
     * @return an HTTP status code
     */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * Whether a caller may retry an error with this code and reason.
     *
     * @param reason the error's reason; only {@link #TOKEN_REFRESH_FAILED} depends on it
     * @return true if retrying the same call may succeed
     */
    public boolean retryable(String reason) {
        if (this == TOKEN_REFRESH_FAILED) {
            return Reason.TOKEN_ENDPOINT_UNAVAILABLE.equals(reason);
        }
        return retryable;
    }

    /**
     * Whether the boundary sends errors with this code to the {@link com.breakagency.ports.spi.ErrorReporter}.
     *
     * @return true if reported
     */
    public boolean reported() {
        return reported;
    }

    /**
     * How loudly the boundary logs errors with this code. For {@link Severity#DEBUG}, the client errors, an
     * agency may be configured to log louder.
     *
     * @return the severity
     */
    public Severity severity() {
        return severity;
    }

    /**
     * A fixed plain-language sentence a user interface can show as it is (for example as a toast).
     *
     * @return the title
     */
    public String title() {
        return title;
    }

    /**
     * Whether this is a server-side failure (5xx), whose detail must stay generic.
     *
     * @return true for 5xx codes
     */
    public boolean serverSide() {
        return httpStatus >= 500;
    }

    /**
     * The problem type URI, stable per code: {@code urn:break:problem:validation-failed} and so on.
     *
     * @return the type URI
     */
    public String typeUri() {
        return "urn:break:problem:" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
