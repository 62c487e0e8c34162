package com.breakagency.ports.spi.oauth;

import java.util.Objects;
import java.util.Set;

/**
 * What an authorization URL carries. Offline access and the consent prompt are always asked for; the
 * PKCE method is always S256.
 *
 * @param state         the random, single-use state
 * @param codeChallenge the PKCE S256 challenge: base64url(SHA-256(verifier)) without padding
 * @param redirectUri   where the provider sends the browser back
 * @param scopes        the scopes asked for
 */
public record AuthorizationRequest(String state, String codeChallenge, String redirectUri, Set<String> scopes) {

    /**
     * Checks presence and copies.
     *
     * @param state the random, single-use state
     * @param codeChallenge the PKCE S256 challenge: base64url(SHA-256(verifier)) without padding
     * @param redirectUri where the provider sends the browser back
     * @param scopes the scopes asked for
     */
    public AuthorizationRequest {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(codeChallenge, "codeChallenge");
        Objects.requireNonNull(redirectUri, "redirectUri");
        scopes = Set.copyOf(Objects.requireNonNull(scopes, "scopes"));
    }

    @Override
    public String toString() {
        return "AuthorizationRequest[scopes=" + scopes + "]";
    }
}
