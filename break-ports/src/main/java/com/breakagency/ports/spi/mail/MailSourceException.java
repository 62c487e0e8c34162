package com.breakagency.ports.spi.mail;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A classified failure of a {@code MailSource} call. It carries what may cross the port: the kind, the
 * provider's error reason ({@code rateLimitExceeded}), the HTTP status and the instant to retry after,
 * never a token, an address or the provider's message text.
 */
public final class MailSourceException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_]{1,64}");

    /** What a failure means for the sync. */
    public enum Kind {
        /** The provider's quota or rate limit: wait until {@link #retryAt()} or back off. */
        RATE_LIMITED,
        /** The access token was refused (401): refresh once and replay. */
        AUTH_FAILED,
        /** The provider or the network is away (5xx, timeout, a body that is not what was promised). */
        TRANSIENT,
        /** The cursor is older than the provider keeps changes for. */
        CURSOR_EXPIRED
    }

    /** What the failure means. */
    private final Kind kind;
    /** The provider's reason, or Break's. */
    private final String code;
    /** The HTTP status, or 0. */
    private final int httpStatus;
    private final transient Optional<Instant> retryAt;
    private final transient java.util.List<MailMessage> fetched;

    /**
     * A failure.
     *
     * @param kind       what it means
     * @param code       the provider's reason or Break's ({@code timeout}); anything not of 1 to 64 letters,
     *                   digits or underscores becomes {@code unrecognized}
     * @param httpStatus the status, or 0 when no answer came
     * @param retryAt    when the provider said to retry, if it did
     * @throws NullPointerException if kind or retryAt is null
     */
    public MailSourceException(Kind kind, String code, int httpStatus, Optional<Instant> retryAt) {
        super(kind + " (" + clean(code) + ", HTTP " + httpStatus + ")");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = clean(code);
        this.httpStatus = httpStatus;
        this.retryAt = Objects.requireNonNull(retryAt, "retryAt");
        this.fetched = java.util.List.of();
    }

    private MailSourceException(MailSourceException failure, java.util.List<MailMessage> fetched) {
        super(failure.getMessage());
        this.kind = failure.kind;
        this.code = failure.code;
        this.httpStatus = failure.httpStatus;
        this.retryAt = failure.retryAt;
        this.fetched = java.util.List.copyOf(fetched);
    }

    /**
     * The same failure of a batch, carrying the messages of the batch that were fetched before it (the sync
     * stores them, so a batch cut short by a rate limit is not fetched again).
     *
     * @param messages the messages fetched
     * @return the failure with them
     */
    public MailSourceException withFetched(java.util.List<MailMessage> messages) {
        return new MailSourceException(this, messages);
    }

    /**
     * The messages of a batch fetched before it failed.
     *
     * @return the messages, empty unless the failure came from a batch
     */
    public java.util.List<MailMessage> fetched() {
        return fetched == null ? java.util.List.of() : fetched;
    }

    private static String clean(String code) {
        return code != null && CODE.matcher(code).matches() ? code : "unrecognized";
    }

    /**
     * What the failure means.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The provider's error reason, or Break's.
     *
     * @return the code
     */
    public String code() {
        return code;
    }

    /**
     * The HTTP status, or 0.
     *
     * @return the status
     */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * When the provider said to retry.
     *
     * @return the instant, if the provider named one
     */
    public Optional<Instant> retryAt() {
        return retryAt;
    }
}
