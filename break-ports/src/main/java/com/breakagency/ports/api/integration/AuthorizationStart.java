package com.breakagency.ports.api.integration;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * Where to send the user's browser to connect, and until when the flow is accepted back.
 * {@link #toString()} leaves out the URL, which carries the single-use state.
 *
 * @param authorizationUrl the provider's authorization URL, with state and PKCE challenge
 * @param expiresAt        after this instant the callback is rejected
 */
public record AuthorizationStart(URI authorizationUrl, Instant expiresAt) {

    /**
     * Checks presence.
     *
     * @param authorizationUrl the provider's authorization URL, with state and PKCE challenge
     * @param expiresAt after this instant the callback is rejected
     */
    public AuthorizationStart {
        Objects.requireNonNull(authorizationUrl, "authorizationUrl");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "AuthorizationStart[expiresAt=" + expiresAt + "]";
    }
}
