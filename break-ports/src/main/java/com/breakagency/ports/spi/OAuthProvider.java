package com.breakagency.ports.spi;

import com.breakagency.ports.model.integration.Provider;
import com.breakagency.ports.spi.oauth.AuthorizationRequest;
import com.breakagency.ports.spi.oauth.CodeExchange;
import com.breakagency.ports.spi.oauth.OAuthFailure;
import com.breakagency.ports.spi.oauth.RevokeResult;
import com.breakagency.ports.spi.oauth.TokenResult;
import java.net.URI;
import java.util.Set;

/**
 * One OAuth 2.0 provider's endpoints: the authorization URL a user is sent to, the code exchange, the
 * refresh and the revocation. The Google one is {@code GoogleOAuthProvider} in break-adapter-gmail;
 * break-testkit's {@code FakeGoogle} serves a loopback server and a provider for it.
 *
 * <p><b>Failures are results, not exceptions.</b> What the provider or the network answers arrives as an
 * {@link OAuthFailure} in the sealed result, classified as
 * {@link OAuthFailure.Kind#PERMANENT PERMANENT} ({@code invalid_grant}, {@code unauthorized_client},
 * {@code invalid_scope}, a revoked token: the user must reconnect),
 * {@link OAuthFailure.Kind#OPERATOR OPERATOR} ({@code invalid_client}, {@code unsupported_grant_type},
 * {@code invalid_request}: the host's client configuration is wrong) or
 * {@link OAuthFailure.Kind#TRANSIENT TRANSIENT} (5xx, 429, a timeout, a connection failure, a body that is
 * not the JSON promised: try again later). A method throws only for a programming error (a null argument).
 * A failure carries the provider's OAuth error code, the HTTP status and an exception class name, never a
 * token or the provider's message text.
 *
 * <p>Implementations are thread-safe and bound every call with a timeout.
 */
public interface OAuthProvider {

    /**
     * Which provider this is.
     *
     * @return the provider
     */
    Provider provider();

    /**
     * The scopes a connect flow asks for (for Google: Gmail's and {@code openid email}, so the exchange
     * names the account).
     *
     * @return the scopes
     */
    Set<String> scopes();

    /**
     * The URL the user's browser goes to: with the state, the PKCE S256 challenge, the scopes, offline
     * access (a refresh token) and the consent prompt. Makes no network call.
     *
     * @param request what the URL carries
     * @return the URL
     */
    URI authorizationUrl(AuthorizationRequest request);

    /**
     * Exchanges an authorization code (with its PKCE verifier) for tokens.
     *
     * @param exchange the code, verifier and redirect URI
     * @return the grant, or the classified failure
     */
    TokenResult exchange(CodeExchange exchange);

    /**
     * Asks for a new access token with a refresh token.
     *
     * @param refreshToken the refresh token, in plain text
     * @return the grant (with a new refresh token when the provider rotates them), or the classified failure
     */
    TokenResult refresh(String refreshToken);

    /**
     * Revokes a token (and with it the grant).
     *
     * @param token an access or refresh token, in plain text
     * @return revoked, or the classified failure
     */
    RevokeResult revoke(String token);
}
