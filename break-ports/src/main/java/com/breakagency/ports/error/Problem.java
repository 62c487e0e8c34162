package com.breakagency.ports.error;

import com.breakagency.ports.context.OperationContext;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

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
 * @param instance          this occurrence: {@code urn:break:correlation:<correlationId>}
 * @param code              the {@link ErrorCode} name
 * @param reason            the UPPER_SNAKE reason
 * @param retryable         whether retrying the call may succeed
 * @param correlationId     the call's correlation id
 * @param errors            field errors, sorted by pointer; empty unless VALIDATION_FAILED
 * @param retryAfterSeconds seconds to wait before retrying, or null when none applies
 */
public record Problem(String type, String title, int status, String detail, String instance, String code,
                      String reason, boolean retryable, String correlationId, List<FieldError> errors,
                      Long retryAfterSeconds) {

    /** The media type of a problem document. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** Copies the error list. */
    public Problem {
        errors = List.copyOf(Objects.requireNonNull(errors, "errors"));
    }

    /**
     * Renders an error that happened in a call.
     *
     * @param error   the error
     * @param context the call's context
     * @return the problem
     */
    public static Problem of(BreakException error, OperationContext context) {
        ErrorCode code = error.code();
        String correlationId = context.correlationId();
        String detail = code.serverSide()
                ? "The request could not be completed. Reference: " + correlationId + "."
                : Redaction.redact(error.detail());
        return new Problem(code.typeUri(), code.title(), code.httpStatus(), detail,
                "urn:break:correlation:" + correlationId, code.name(), error.reason(), error.retryable(),
                correlationId, error.fieldErrors(),
                error.retryAfter().map(Problem::wholeSecondsRoundedUp).orElse(null));
    }

    /** At least one second; any fraction counts as a whole second; no overflow through milliseconds. */
    private static long wholeSecondsRoundedUp(Duration wait) {
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Math.max(1L, seconds);
    }
}
