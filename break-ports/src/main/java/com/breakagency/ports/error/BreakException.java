package com.breakagency.ports.error;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one exception type of Break: a stable {@link ErrorCode}, an UPPER_SNAKE reason, a detail that is
 * safe to show a user, string metadata, field errors, an optional retry-after and the cause.
 *
 * <p>Break's use cases and every adapter throw it; third-party adapters construct it with the public
 * constructor, {@link #builder(ErrorCode)} or the factories below. The boundary lets a
 * {@code BreakException} pass unchanged; anything else becomes {@link ErrorCode#UNHANDLED_ERROR}.
 *
 * <p>The detail must never hold an input value, an email address or a secret: it may reach a user
 * interface. Put identifiers in the metadata instead; the boundary redacts messages again anyway.
 *
 * <p>Instances are immutable apart from the stack trace and suppressed exceptions {@link Throwable}
 * keeps, and safe to share between threads.
 */
public class BreakException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final Pattern UPPER_SNAKE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

    private final ErrorCode code;
    private final String reason;
    private final String detail;
    private final transient Map<String, String> metadata;
    private final transient List<FieldError> fieldErrors;
    private final transient Duration retryAfter;

    /**
     * An error with a code, a reason and a detail.
     *
     * @param code   the code
     * @param reason UPPER_SNAKE_CASE, such as {@link Reason#VERSION_MISMATCH}
     * @param detail a sentence safe to show a user
     * @throws IllegalArgumentException if the reason is not UPPER_SNAKE_CASE
     */
    public BreakException(ErrorCode code, String reason, String detail) {
        this(code, reason, detail, Map.of(), List.of(), null, null);
    }

    /**
     * An error with a code, a reason, a detail and its cause.
     *
     * @param code   the code
     * @param reason UPPER_SNAKE_CASE
     * @param detail a sentence safe to show a user
     * @param cause  what went wrong underneath, kept for logs and reports (redacted there)
     */
    public BreakException(ErrorCode code, String reason, String detail, Throwable cause) {
        this(code, reason, detail, Map.of(), List.of(), null, cause);
    }

    /**
     * The full constructor; the builder is usually easier to read.
     *
     * @param code        the code
     * @param reason      UPPER_SNAKE_CASE
     * @param detail      a sentence safe to show a user
     * @param metadata    identifiers and counts that help operators; copied, order kept
     * @param fieldErrors the broken constraints; copied and sorted by pointer
     * @param retryAfter  how long a caller should wait before retrying, or null
     * @param cause       the cause, or null
     */
    public BreakException(ErrorCode code, String reason, String detail, Map<String, String> metadata,
                          List<FieldError> fieldErrors, Duration retryAfter, Throwable cause) {
        super(Objects.requireNonNull(code, "code") + "/" + Objects.requireNonNull(reason, "reason") + ": "
                + Objects.requireNonNull(detail, "detail"), cause);
        if (!UPPER_SNAKE.matcher(reason).matches()) {
            throw new IllegalArgumentException("reason must be UPPER_SNAKE_CASE, was '" + reason + "'");
        }
        if (retryAfter != null && retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative");
        }
        this.code = code;
        this.reason = reason;
        this.detail = detail;
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(metadata, "metadata")));
        List<FieldError> sorted = new ArrayList<>(Objects.requireNonNull(fieldErrors, "fieldErrors"));
        Collections.sort(sorted);
        this.fieldErrors = List.copyOf(sorted);
        this.retryAfter = retryAfter;
    }

    /**
     * Starts a builder.
     *
     * @param code the code
     * @return a builder with reason {@link Reason#UNSPECIFIED} and the code's title as detail
     */
    public static Builder builder(ErrorCode code) {
        return new Builder(code);
    }

    /**
     * VALIDATION_FAILED with field errors.
     *
     * @param errors the broken constraints
     * @return the exception
     */
    public static BreakException validation(List<FieldError> errors) {
        return builder(ErrorCode.VALIDATION_FAILED).reason(Reason.INVALID_INPUT)
                .detail(errors.size() + " field(s) are not valid.").fieldErrors(errors).build();
    }

    /**
     * FORBIDDEN for an operation.
     *
     * @param operation the operation refused
     * @return the exception
     */
    public static BreakException forbidden(String operation) {
        return builder(ErrorCode.FORBIDDEN).reason(Reason.NOT_PERMITTED)
                .detail("You don't have permission to do that.").metadata("operation", operation).build();
    }

    /**
     * NOT_FOUND for a record.
     *
     * @param entity the kind of record, such as {@code brand}
     * @param id     its id (an identifier, never personal data)
     * @return the exception
     */
    public static BreakException notFound(String entity, String id) {
        return builder(ErrorCode.NOT_FOUND).reason(entity.toUpperCase(java.util.Locale.ROOT) + "_NOT_FOUND")
                .detail("No " + entity + " with that id.").metadata("entity", entity).metadata("id", id).build();
    }

    /**
     * CONFLICT with a reason.
     *
     * @param reason one of the CONFLICT reasons of {@link Reason}
     * @param detail a sentence safe to show a user
     * @return the exception
     */
    public static BreakException conflict(String reason, String detail) {
        return new BreakException(ErrorCode.CONFLICT, reason, detail);
    }

    /**
     * CONFLICT/ALREADY_EXISTS: a unique value is taken. What a store throws for a uniqueness breach.
     *
     * @param entity the kind of record, such as {@code brand}
     * @param field  the unique field, such as {@code domains}
     * @return the exception, naming the field in its metadata and detail
     */
    public static BreakException alreadyExists(String entity, String field) {
        return builder(ErrorCode.CONFLICT).reason(Reason.ALREADY_EXISTS)
                .detail("Another " + entity + " already uses that " + field + ".")
                .metadata("entity", entity).metadata("field", field).build();
    }

    /**
     * CONFLICT/VERSION_MISMATCH: the record changed since the caller read it. What a store throws when an
     * optimistic update finds another version.
     *
     * @param entity the kind of record
     * @param id     its id
     * @return the exception
     */
    public static BreakException versionMismatch(String entity, String id) {
        return builder(ErrorCode.CONFLICT).reason(Reason.VERSION_MISMATCH)
                .detail("The " + entity + " was changed by someone else. Reload it and try again.")
                .metadata("entity", entity).metadata("id", id).build();
    }

    /**
     * PERSISTENCE_UNAVAILABLE: what a persistence adapter throws when the database cannot be reached
     * or a transaction could not complete; nothing was written.
     *
     * @param cause the driver's exception
     * @return the exception
     */
    public static BreakException persistenceUnavailable(Throwable cause) {
        return new BreakException(ErrorCode.PERSISTENCE_UNAVAILABLE, Reason.DATABASE_UNREACHABLE,
                "The database could not be reached; nothing was saved.", cause);
    }

    /**
     * WORKFLOW_BREAK with a reason.
     *
     * @param reason such as {@link Reason#COMMISSIONS_PENDING} or {@link Reason#INVARIANT_BROKEN}
     * @param detail what broke, for operators (shown generically to users)
     * @return the exception
     */
    public static BreakException workflowBreak(String reason, String detail) {
        return new BreakException(ErrorCode.WORKFLOW_BREAK, reason, detail);
    }

    /**
     * UNHANDLED_ERROR wrapping something the code did not expect.
     *
     * @param cause what escaped
     * @return the exception, whose detail is generic
     */
    public static BreakException unhandled(Throwable cause) {
        return new BreakException(ErrorCode.UNHANDLED_ERROR, Reason.UNEXPECTED_EXCEPTION,
                "An unexpected error occurred.", cause);
    }

    /**
     * The stable code.
     *
     * @return the code
     */
    public ErrorCode code() {
        return code;
    }

    /**
     * The UPPER_SNAKE reason under the code.
     *
     * @return the reason
     */
    public String reason() {
        return reason;
    }

    /**
     * The user-safe detail.
     *
     * @return the detail
     */
    public String detail() {
        return detail;
    }

    /**
     * Identifiers and counts for operators; never personal data or secrets.
     *
     * @return an unmodifiable map in insertion order
     */
    public Map<String, String> metadata() {
        return metadata == null ? Map.of() : metadata;
    }

    /**
     * The broken constraints, sorted by pointer.
     *
     * @return an unmodifiable list, empty unless VALIDATION_FAILED
     */
    public List<FieldError> fieldErrors() {
        return fieldErrors == null ? List.of() : fieldErrors;
    }

    /**
     * How long a caller should wait before retrying.
     *
     * @return the wait, if the code says one applies
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * Whether retrying the same call may succeed.
     *
     * @return the code's answer for this reason
     */
    public boolean retryable() {
        return code.retryable(reason);
    }

    /** Builds a {@link BreakException} step by step. Not thread-safe; use one per exception. */
    public static final class Builder {
        private final ErrorCode code;
        private String reason = Reason.UNSPECIFIED;
        private String detail;
        private final Map<String, String> metadata = new LinkedHashMap<>();
        private final List<FieldError> fieldErrors = new ArrayList<>();
        private Duration retryAfter;
        private Throwable cause;

        private Builder(ErrorCode code) {
            this.code = Objects.requireNonNull(code, "code");
            this.detail = code.title();
        }

        /**
         * Sets the reason. Defaults to {@link Reason#UNSPECIFIED}.
         *
         * @param value UPPER_SNAKE_CASE
         * @return this builder
         */
        public Builder reason(String value) {
            this.reason = Objects.requireNonNull(value, "reason");
            return this;
        }

        /**
         * Sets the user-safe detail. Defaults to the code's title.
         *
         * @param value a sentence
         * @return this builder
         */
        public Builder detail(String value) {
            this.detail = Objects.requireNonNull(value, "detail");
            return this;
        }

        /**
         * Adds a metadata entry.
         *
         * @param key   a name
         * @param value an identifier or count
         * @return this builder
         */
        public Builder metadata(String key, String value) {
            metadata.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Adds field errors.
         *
         * @param errors broken constraints
         * @return this builder
         */
        public Builder fieldErrors(List<FieldError> errors) {
            fieldErrors.addAll(errors);
            return this;
        }

        /**
         * Sets the retry-after. Defaults to none.
         *
         * @param value how long to wait
         * @return this builder
         */
        public Builder retryAfter(Duration value) {
            this.retryAfter = value;
            return this;
        }

        /**
         * Sets the cause. Defaults to none.
         *
         * @param value the cause
         * @return this builder
         */
        public Builder cause(Throwable value) {
            this.cause = value;
            return this;
        }

        /**
         * Builds the exception.
         *
         * @return the exception
         */
        public BreakException build() {
            return new BreakException(code, reason, detail, metadata, fieldErrors, retryAfter, cause);
        }
    }
}
