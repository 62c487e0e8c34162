package com.breakagency.ports.spi.oauth;

import java.util.Objects;

/**
 * An authorization code to exchange. {@link #toString()} shows neither the code nor the verifier.
 *
 * @param code         the code the provider sent back
 * @param codeVerifier the PKCE verifier whose challenge the authorization URL carried
 * @param redirectUri  the redirect URI the authorization URL named
 */
public record CodeExchange(String code, String codeVerifier, String redirectUri) {

    /**
     * Checks presence.
     *
     * @param code the code the provider sent back
     * @param codeVerifier the PKCE verifier whose challenge the authorization URL carried
     * @param redirectUri the redirect URI the authorization URL named
     */
    public CodeExchange {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(codeVerifier, "codeVerifier");
        Objects.requireNonNull(redirectUri, "redirectUri");
    }

    @Override
    public String toString() {
        return "CodeExchange[redirectUri=" + redirectUri + "]";
    }
}
