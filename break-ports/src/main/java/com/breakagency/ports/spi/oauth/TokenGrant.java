package com.breakagency.ports.spi.oauth;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Tokens a provider granted. {@link #toString()} shows no token and no address.
 *
 * @param accessToken    the access token
 * @param expiresIn      how long it is valid from when the request was sent
 * @param refreshToken   a refresh token, when the provider sent one (always on a first consent with
 *                       offline access; on a refresh only when it rotates them)
 * @param scopes         the scopes granted; empty when the provider did not say
 * @param accountAddress the account's address (from the ID token of an exchange), when the provider said
 */
public record TokenGrant(String accessToken, Duration expiresIn, Optional<String> refreshToken, Set<String> scopes,
                         Optional<String> accountAddress) implements TokenResult {

    /**
     * Checks presence and copies.
     *
     * @param accessToken the access token
     * @param expiresIn how long it is valid from when the request was sent
     * @param refreshToken a refresh token, when the provider sent one (always on a first consent with
     *        offline access; on a refresh only when it rotates them)
     * @param scopes the scopes granted; empty when the provider did not say
     * @param accountAddress the account's address (from the ID token of an exchange), when the provider said
     */
    public TokenGrant {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(expiresIn, "expiresIn");
        Objects.requireNonNull(refreshToken, "refreshToken");
        scopes = Set.copyOf(Objects.requireNonNull(scopes, "scopes"));
        Objects.requireNonNull(accountAddress, "accountAddress");
    }

    @Override
    public String toString() {
        return "TokenGrant[expiresIn=" + expiresIn + ", refreshToken=" + (refreshToken.isPresent() ? "new" : "none")
                + ", scopes=" + scopes + "]";
    }
}
