package com.breakagency.ports.error;

import com.breakagency.ports.context.OperationContext;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An error as an RFC 9457 problem detail. The component names are the RFC's member names plus Break's
 * extension members, so JSON libraries serialize a {@code Problem} without custom code; serve it with
 * {@link #MEDIA_TYPE}.
 *
 * <p>A problem never carries a stack trace, an input value, a token or an email address. For
 * server-side codes (5xx) the detail is generic and names only the correlation id.
 *
 * @param type              the problem type URI, fixed per code ({@link ErrorCode#typeUri()})
 * @param title             the code's fixed plain-language title
 * @param status            the HTTP status
 * @param detail            what happened, safe to show a user
 * @param instance          this occurrence: {@code urn:break:correlation:<correlationId>}; null when the
 *                          correlation id is unknown
 * @param code              the {@link ErrorCode} name
 * @param reason            the UPPER_SNAKE reason
 * @param retryable         whether retrying the call may succeed
 * @param correlationId     the call's correlation id; null when unknown (see {@link #of})
 * @param errors            field errors, sorted by pointer; empty unless VALIDATION_FAILED
 * @param retryAfterSeconds seconds to wait before retrying, or null when none applies
 */
public record Problem(String type, String title, int status, String detail, String instance, String code,
                      String reason, boolean retryable, String correlationId, List<FieldError> errors,
                      Long retryAfterSeconds) {

    /** The media type of a problem document. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** The form {@link OperationContext} gives a correlation id. */
    private static final Pattern CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /**
     * Copies the error list.
     *
     * @param type the problem type URI, fixed per code ({@link ErrorCode#typeUri()})
     * @param title the code's fixed plain-language title
     * @param status the HTTP status
     * @param detail what happened, safe to show a user
     * @param instance this occurrence: {@code urn:break:correlation:<correlationId>}; null when the
     *        correlation id is unknown
     * @param code the {@link ErrorCode} name
     * @param reason the UPPER_SNAKE reason
     * @param retryable whether retrying the call may succeed
     * @param correlationId the call's correlation id; null when unknown (see {@link #of})
     * @param errors field errors, sorted by pointer; empty unless VALIDATION_FAILED
     * @param retryAfterSeconds seconds to wait before retrying, or null when none applies
     */
    public Problem {
        errors = List.copyOf(Objects.requireNonNull(errors, "errors"));
    }

    /**
     * Renders an error that happened in a call. Detail and field errors pass {@link Redaction}; for
     * server-side codes the detail is generic.
     *
     * <p>Without a context (a call made without one, which the boundary answers with UNAUTHENTICATED) the
     * correlation id is the one the error carries under {@link BreakException#CORRELATION_ID}, the id the
     * boundary logged the call under: the host's own, if it had put one in the SLF4J MDC under
     * {@code correlationId}. An error that carries none renders with a null {@code correlationId} and
     * {@code instance}, and a server-side detail that names no reference.
     *
     * @param error   the error
     * @param context the call's context, or null when the call had none
     * @return the problem
     */
    public static Problem of(BreakException error, OperationContext context) {
        Objects.requireNonNull(error, "error");
        ErrorCode code = error.code();
        String correlationId = context != null ? context.correlationId() : carriedCorrelationId(error);
        String detail;
        if (!code.serverSide()) {
            detail = Redaction.redact(error.detail());
        } else if (correlationId == null) {
            detail = "The request could not be completed.";
        } else {
            detail = "The request could not be completed. Reference: " + correlationId + ".";
        }
        List<FieldError> errors = error.fieldErrors().stream()
                .map(e -> new FieldError(redactPointer(e.pointer()), Redaction.redact(e.constraint()),
                        Redaction.redact(e.message())))
                .toList();
        return new Problem(code.typeUri(), code.title(), code.httpStatus(), detail,
                correlationId == null ? null : "urn:break:correlation:" + correlationId, code.name(),
                error.reason(), error.retryable(), correlationId, errors,
                error.retryAfter().map(Problem::wholeSecondsRoundedUp).orElse(null));
    }

    private static String carriedCorrelationId(BreakException error) {
        String carried = error.metadata().get(BreakException.CORRELATION_ID);
        return carried != null && CORRELATION_ID.matcher(carried).matches() ? carried : null;
    }

    private static String redactPointer(String pointer) {
        String redacted = Redaction.redact(pointer);
        return redacted.startsWith("#") ? redacted : "#";
    }

    /** At least one second; any fraction counts as a whole second; no overflow through milliseconds. */
    private static long wholeSecondsRoundedUp(Duration wait) {
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Math.max(1L, seconds);
    }
}
