package com.breakagency.ports.api.integration;

import jakarta.validation.constraints.Size;
import java.util.Optional;

/**
 * How a caller asks for a connection's access token: the current one, or one that replaces a token the
 * provider just refused with a 401. Naming the refused token makes the retry safe under concurrency: if
 * another caller replaced it already, the caller gets that replacement and no second refresh happens.
 * {@link #toString()} never shows the token.
 *
 * @param staleToken the token the provider refused, or empty for "the current token"
 */
public record AccessTokenRequest(Optional<@Size(min = 1, max = 8192) String> staleToken) {

    private static final AccessTokenRequest CURRENT = new AccessTokenRequest(Optional.empty());

    /**
     * Checks presence.
     *
     * @param staleToken the token the provider refused, or empty for "the current token"
     */
    public AccessTokenRequest {
        staleToken = staleToken == null ? Optional.empty() : staleToken;
    }

    /**
     * The current token: valid for at least the configured skew, refreshed first if need be.
     *
     * @return the request
     */
    public static AccessTokenRequest current() {
        return CURRENT;
    }

    /**
     * A token other than one the provider refused (with a 401): refreshed once if it is still the stored
     * one, otherwise the one stored since.
     *
     * @param refusedToken the token the provider refused
     * @return the request
     */
    public static AccessTokenRequest replacing(String refusedToken) {
        return new AccessTokenRequest(Optional.of(refusedToken));
    }

    @Override
    public String toString() {
        return staleToken.isPresent() ? "AccessTokenRequest[replacing a refused token]" : "AccessTokenRequest[current]";
    }
}
