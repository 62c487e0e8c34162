package com.breakagency.ports.error;

import com.breakagency.ports.validation.Patterns;
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
 * interface. Put identifiers in the metadata instead; the boundary redacts messages again anyway, and
 * {@link #getMessage()} is redacted too ({@link Redaction#redact(String)}), so a host that logs a caught
 * {@code BreakException} prints nothing Break itself would not. An id a caller sent is kept in the
 * metadata by {@link #notFound} and {@link #versionMismatch} only if it has the form of an id
 * ({@link Patterns#ID}); otherwise the metadata says {@link #INVALID_ID}.
 *
 * <p>Instances are immutable apart from the stack trace and suppressed exceptions {@link Throwable}
 * keeps, and safe to share between threads.
 */
public class BreakException extends RuntimeException {

    /** What the metadata holds instead of an id that does not have the form of one. */
    public static final String INVALID_ID = "[invalid id]";
    /**
     * The metadata key under which an error raised before any context existed (a call without one)
     * carries the correlation id the boundary logged it under; {@link Problem#of} uses it.
     */
    public static final String CORRELATION_ID = "correlationId";

    private static final long serialVersionUID = 1L;
    private static final Pattern ID = Pattern.compile(Patterns.ID);
    /** How many field errors {@link #getMessage()} names; the rest are counted. */
    private static final int MESSAGE_FIELD_ERRORS = 10;
    /** Longer than any id can be: such a text is refused before the pattern sees it. */
    private static final int ID_LENGTH_LIMIT = 256;

    /** The stable code. */
    private final ErrorCode code;
    /** The UPPER_SNAKE reason within the code. */
    private final String reason;
    /** What happened, in words a person can read; never an input value. */
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
     * @throws NullPointerException     if the code, reason or detail is null
     * @throws IllegalArgumentException if the reason is not UPPER_SNAKE_CASE
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
     * @throws NullPointerException     if the code, reason, detail, metadata or field errors are null
     * @throws IllegalArgumentException if the reason is not UPPER_SNAKE_CASE or the retry-after is negative
     */
    public BreakException(ErrorCode code, String reason, String detail, Map<String, String> metadata,
                          List<FieldError> fieldErrors, Duration retryAfter, Throwable cause) {
        super(message(Objects.requireNonNull(code, "code"), Objects.requireNonNull(reason, "reason"),
                Objects.requireNonNull(detail, "detail"), Objects.requireNonNull(fieldErrors, "fieldErrors")), cause);
        if (!isUpperSnake(reason)) {
            throw new IllegalArgumentException("reason must be UPPER_SNAKE_CASE, was '" + Redaction.redact(reason) + "'");
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
     * What {@link #getMessage()} says: {@code CODE/REASON: detail}, then each broken field as its pointer,
     * constraint and message (never its value), at most {@link #MESSAGE_FIELD_ERRORS} of them; redacted.
     */
    private static String message(ErrorCode code, String reason, String detail, List<FieldError> fieldErrors) {
        StringBuilder message = new StringBuilder().append(code).append('/').append(reason).append(": ").append(detail);
        List<FieldError> sorted = new ArrayList<>(fieldErrors);
        sorted.removeIf(Objects::isNull);
        Collections.sort(sorted);
        for (int i = 0; i < sorted.size() && i < MESSAGE_FIELD_ERRORS; i++) {
            FieldError error = sorted.get(i);
            message.append(i == 0 ? " " : "; ").append(error.pointer()).append(": ").append(error.message())
                    .append(" (").append(error.constraint()).append(')');
        }
        if (sorted.size() > MESSAGE_FIELD_ERRORS) {
            message.append("; and ").append(sorted.size() - MESSAGE_FIELD_ERRORS).append(" more");
        }
        return Redaction.redact(message.toString());
    }

    /** {@code [A-Z][A-Z0-9]*(_[A-Z0-9]+)*}, checked without a regular expression (no stack per character). */
    private static boolean isUpperSnake(String reason) {
        if (reason.isEmpty() || reason.charAt(0) < 'A' || reason.charAt(0) > 'Z' || reason.endsWith("_")) {
            return false;
        }
        for (int i = 1; i < reason.length(); i++) {
            char c = reason.charAt(i);
            boolean upperOrDigit = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!upperOrDigit && !(c == '_' && reason.charAt(i - 1) != '_')) {
                return false;
            }
        }
        return true;
    }

    /**
     * An id as it may be logged: the id itself if it has the form of one ({@link Patterns#ID}) and holds
     * nothing {@link Redaction} would remove (a key such as {@code sk_live_…} has the form of an id), else
     * {@link #INVALID_ID}. Ids a caller sent pass this before they reach a log line or a report.
     *
     * @param id an id a caller sent, or null
     * @return the id, or {@link #INVALID_ID}
     */
    public static String loggableId(String id) {
        return id != null && id.length() <= ID_LENGTH_LIMIT && ID.matcher(id).matches()
                && !Redaction.containsSensitive(id) ? id : INVALID_ID;
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
     * VALIDATION_FAILED with field errors. Its detail counts them ("2 fields are not valid."); its
     * {@link #getMessage()} also names each one by pointer, message and constraint, such as
     * {@code VALIDATION_FAILED/INVALID_INPUT: 1 field is not valid. #/name: must not be blank (NotBlank)}.
     *
     * @param errors the broken constraints
     * @return the exception
     */
    public static BreakException validation(List<FieldError> errors) {
        int count = Objects.requireNonNull(errors, "errors").size();
        return builder(ErrorCode.VALIDATION_FAILED).reason(Reason.INVALID_INPUT)
                .detail(count == 1 ? "1 field is not valid." : count + " fields are not valid.").fieldErrors(errors).build();
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
     * @param id     its id as the caller sent it; kept in the metadata only if it has the form of an id
     * @return the exception
     * @throws NullPointerException     if the entity is null
     * @throws IllegalArgumentException if the entity is not a word that makes an UPPER_SNAKE reason
     */
    public static BreakException notFound(String entity, String id) {
        return builder(ErrorCode.NOT_FOUND).reason(Objects.requireNonNull(entity, "entity").toUpperCase(java.util.Locale.ROOT) + "_NOT_FOUND")
                .detail("No " + entity + " with that id.").metadata("entity", entity).metadata("id", loggableId(id))
                .build();
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
     * @return the exception, naming the field in its metadata and detail ("Another brand already uses the
     *         same domains.")
     */
    public static BreakException alreadyExists(String entity, String field) {
        return builder(ErrorCode.CONFLICT).reason(Reason.ALREADY_EXISTS)
                .detail("Another " + entity + " already uses the same " + field + ".")
                .metadata("entity", entity).metadata("field", field).build();
    }

    /**
     * CONFLICT/VERSION_MISMATCH: the record changed since the caller read it. What a store throws when an
     * optimistic update finds another version.
     *
     * @param entity the kind of record
     * @param id     its id; kept in the metadata only if it has the form of an id
     * @return the exception
     */
    public static BreakException versionMismatch(String entity, String id) {
        return builder(ErrorCode.CONFLICT).reason(Reason.VERSION_MISMATCH)
                .detail("The " + entity + " was changed by someone else. Reload it and try again.")
                .metadata("entity", entity).metadata("id", loggableId(id)).build();
    }

    /**
     * PERSISTENCE_UNAVAILABLE: what a persistence adapter throws when the database cannot be reached
     * before anything was committed, so that nothing was written. A failure while committing is not this:
     * its outcome is unknown, and the adapter says so with reason {@link Reason#COMMIT_OUTCOME_UNKNOWN}.
     *
     * @param cause what failed; an adapter passes a stand-in that keeps the driver's class names and codes
     *              but not its message (driver messages can hold statements and values), as the JDBC
     *              adapter does; messages are redacted again wherever they leave, as a second line
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
         * @throws IllegalArgumentException if the reason is not UPPER_SNAKE_CASE or the retry-after is negative
         */
        public BreakException build() {
            return new BreakException(code, reason, detail, metadata, fieldErrors, retryAfter, cause);
        }
    }
}
