package com.breakagency.ports.spi;

import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.RedactedThrowable;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One error the boundary reports, already redacted: no field holds an email address or a secret.
 *
 * @param code          the error code (one whose {@link ErrorCode#reported()} is true)
 * @param reason        the UPPER_SNAKE reason
 * @param detail        the redacted detail
 * @param operation     the driving-port operation, such as {@code finance.recordPayment}
 * @param userId        the actor's user id (never an email address)
 * @param correlationId the call's correlation id
 * @param metadata      the error's metadata, values redacted
 * @param failure       the redacted cause chain with its stack traces, if there was a cause
 * @param occurredAt    when the boundary saw the error, from Break's clock
 */
public record ErrorReport(ErrorCode code, String reason, String detail, String operation, String userId,
                          String correlationId, Map<String, String> metadata, Optional<RedactedThrowable> failure,
                          Instant occurredAt) {

    /**
     * Checks presence and copies the metadata.
     *
     * @param code the error code (one whose {@link ErrorCode#reported()} is true)
     * @param reason the UPPER_SNAKE reason
     * @param detail the redacted detail
     * @param operation the driving-port operation, such as {@code finance.recordPayment}
     * @param userId the actor's user id (never an email address)
     * @param correlationId the call's correlation id
     * @param metadata the error's metadata, values redacted
     * @param failure the redacted cause chain with its stack traces, if there was a cause
     * @param occurredAt when the boundary saw the error, from Break's clock
     */
    public ErrorReport {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(correlationId, "correlationId");
        metadata = Map.copyOf(Objects.requireNonNull(metadata, "metadata"));
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
