package com.breakagency.ports.spi.oauth;

/** What a revocation came to: {@link Revoked} or an {@link OAuthFailure}. */
public sealed interface RevokeResult permits RevokeResult.Revoked, OAuthFailure {

    /** The provider revoked the token (or knew it no longer). */
    record Revoked() implements RevokeResult {
    }
}
