package com.breakagency.adapter.gmail;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How {@link GoogleOAuthProvider} reaches Google: the host's OAuth client, the scopes, the endpoints (Google's
 * own by default; tests point them at a fake on loopback) and the timeouts. {@link #toString()} leaves out
 * the client secret.
 *
 * @param clientId              the OAuth client id from the Google Cloud console
 * @param clientSecret          its secret
 * @param scopes                the scopes a connect asks for; must include {@code openid} and {@code email} so
 *                              the code exchange names the account
 * @param authorizationEndpoint where the browser goes
 * @param tokenEndpoint         the code and refresh grants
 * @param revokeEndpoint        revocation
 * @param connectTimeout        how long connecting may take
 * @param readTimeout           how long an answer may take
 */
public record GoogleOAuthOptions(String clientId, String clientSecret, Set<String> scopes, URI authorizationEndpoint,
                                 URI tokenEndpoint, URI revokeEndpoint, Duration connectTimeout, Duration readTimeout) {

    /** Google's authorization endpoint. */
    public static final URI GOOGLE_AUTHORIZATION = URI.create("https://accounts.google.com/o/oauth2/v2/auth");
    /** Google's token endpoint. */
    public static final URI GOOGLE_TOKEN = URI.create("https://oauth2.googleapis.com/token");
    /** Google's revocation endpoint. */
    public static final URI GOOGLE_REVOKE = URI.create("https://oauth2.googleapis.com/revoke");
    /** The scopes asked for by default: reading Gmail, and the account's address. */
    public static final Set<String> DEFAULT_SCOPES = Set.of("https://www.googleapis.com/auth/gmail.readonly", "openid",
            "email");
    /** The timeouts by default: 10 seconds each. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** Checks presence and copies. */
    public GoogleOAuthOptions {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        scopes = Set.copyOf(Objects.requireNonNull(scopes, "scopes"));
        Objects.requireNonNull(authorizationEndpoint, "authorizationEndpoint");
        Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
        Objects.requireNonNull(revokeEndpoint, "revokeEndpoint");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
    }

    /**
     * Google's endpoints, {@link #DEFAULT_SCOPES} and {@link #DEFAULT_TIMEOUT}, for a client.
     *
     * @param clientId     the client id
     * @param clientSecret the client secret
     * @return the options
     */
    public static GoogleOAuthOptions of(String clientId, String clientSecret) {
        return new GoogleOAuthOptions(clientId, clientSecret, DEFAULT_SCOPES, GOOGLE_AUTHORIZATION, GOOGLE_TOKEN,
                GOOGLE_REVOKE, DEFAULT_TIMEOUT, DEFAULT_TIMEOUT);
    }

    /**
     * The same options with other endpoints (a fake on loopback in tests).
     *
     * @param authorization the authorization endpoint
     * @param token         the token endpoint
     * @param revoke        the revocation endpoint
     * @return the options
     */
    public GoogleOAuthOptions withEndpoints(URI authorization, URI token, URI revoke) {
        return new GoogleOAuthOptions(clientId, clientSecret, scopes, authorization, token, revoke, connectTimeout,
                readTimeout);
    }

    /**
     * The same options with other timeouts.
     *
     * @param connect how long connecting may take
     * @param read    how long an answer may take
     * @return the options
     */
    public GoogleOAuthOptions withTimeouts(Duration connect, Duration read) {
        return new GoogleOAuthOptions(clientId, clientSecret, scopes, authorizationEndpoint, tokenEndpoint, revokeEndpoint,
                connect, read);
    }

    /**
     * The same options with other scopes.
     *
     * @param value the scopes
     * @return the options
     */
    public GoogleOAuthOptions withScopes(Set<String> value) {
        return new GoogleOAuthOptions(clientId, clientSecret, value, authorizationEndpoint, tokenEndpoint, revokeEndpoint,
                connectTimeout, readTimeout);
    }

    @Override
    public String toString() {
        return "GoogleOAuthOptions[clientId=" + clientId + ", scopes=" + scopes + ", tokenEndpoint=" + tokenEndpoint + "]";
    }
}
