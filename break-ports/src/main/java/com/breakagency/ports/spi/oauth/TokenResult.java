package com.breakagency.ports.spi.oauth;

/** What a code exchange or a refresh came to: a {@link TokenGrant} or an {@link OAuthFailure}. */
public sealed interface TokenResult permits TokenGrant, OAuthFailure {
}
