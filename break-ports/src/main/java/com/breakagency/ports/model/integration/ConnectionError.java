package com.breakagency.ports.model.integration;

import java.time.Instant;
import java.util.Objects;

/**
 * The last failure of a connection's calls to its provider, as diagnostics and the connection show it. It
 * holds no token and no provider message text: the code is the provider's OAuth error code or a class of
 * network failure, and the message is Break's own sentence.
 *
 * @param code             the provider's OAuth error code ({@code invalid_grant}) or a failure class
 *                         ({@code http_503}, {@code timeout}, {@code connection_failed}, {@code malformed_response})
 * @param reason           Break's reason, such as {@code REFRESH_TOKEN_REVOKED} or {@code TOKEN_ENDPOINT_UNAVAILABLE}
 * @param message          a redacted plain sentence of Break's, with identifiers only
 * @param at               when it happened, from Break's clock
 * @param transientFailure true for a failure that is retried by itself (the connection stays CONNECTED)
 */
public record ConnectionError(String code, String reason, String message, Instant at, boolean transientFailure) {

    /**
     * Checks presence.
     *
     * @param code the provider's OAuth error code ({@code invalid_grant}) or a failure class
     *        ({@code http_503}, {@code timeout}, {@code connection_failed}, {@code malformed_response})
     * @param reason Break's reason, such as {@code REFRESH_TOKEN_REVOKED} or {@code TOKEN_ENDPOINT_UNAVAILABLE}
     * @param message a redacted plain sentence of Break's, with identifiers only
     * @param at when it happened, from Break's clock
     * @param transientFailure true for a failure that is retried by itself (the connection stays CONNECTED)
     */
    public ConnectionError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(at, "at");
    }
}
