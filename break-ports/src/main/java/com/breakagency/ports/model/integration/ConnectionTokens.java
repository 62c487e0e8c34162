package com.breakagency.ports.model.integration;

import java.util.Objects;
import java.util.Optional;

/**
 * A connection's tokens, sealed: stores never see them in plain text.
 *
 * @param accessToken  the current access token
 * @param refreshToken the refresh token, if the provider gave one
 */
public record ConnectionTokens(Ciphertext accessToken, Optional<Ciphertext> refreshToken) {

    /**
     * Checks presence.
     *
     * @param accessToken the current access token
     * @param refreshToken the refresh token, if the provider gave one
     */
    public ConnectionTokens {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
    }
}
