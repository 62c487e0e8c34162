package com.breakagency.ports.api.integration;

import java.time.Instant;
import java.util.Objects;

/**
 * A connection's access token in plain text, for a call to the provider. Keep it in memory only; it is
 * never logged. {@link #toString()} shows the expiry only.
 *
 * @param connectionId the connection
 * @param token        the access token
 * @param expiresAt    when it expires
 */
public record AccessToken(String connectionId, String token, Instant expiresAt) {

    /**
     * Checks presence.
     *
     * @param connectionId the connection
     * @param token the access token
     * @param expiresAt when it expires
     */
    public AccessToken {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "AccessToken[connectionId=" + connectionId + ", expiresAt=" + expiresAt + "]";
    }
}
