package com.breakagency.ports.model.integration;

import java.time.Instant;
import java.util.Objects;

/**
 * A connect flow that started and has not come back yet: what the OAuth {@code state} stands for. Only the
 * state's hash is kept, never the state itself; the PKCE verifier is kept sealed.
 *
 * @param stateHash    the SHA-256 of the state, hex; the key
 * @param userId       the user who started it: only they may complete it
 * @param provider     the provider it is for
 * @param redirectUri  the redirect URI the authorization URL named (the code exchange must repeat it)
 * @param codeVerifier the PKCE verifier, sealed
 * @param createdAt    when it started
 * @param expiresAt    when it stops being accepted
 */
public record PendingAuthorization(String stateHash, String userId, Provider provider, String redirectUri,
                                   Ciphertext codeVerifier, Instant createdAt, Instant expiresAt) {

    /**
     * Checks presence.
     *
     * @param stateHash the SHA-256 of the state, hex; the key
     * @param userId the user who started it: only they may complete it
     * @param provider the provider it is for
     * @param redirectUri the redirect URI the authorization URL named (the code exchange must repeat it)
     * @param codeVerifier the PKCE verifier, sealed
     * @param createdAt when it started
     * @param expiresAt when it stops being accepted
     */
    public PendingAuthorization {
        Objects.requireNonNull(stateHash, "stateHash");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(codeVerifier, "codeVerifier");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "PendingAuthorization[provider=" + provider + ", expiresAt=" + expiresAt + "]";
    }
}
