package com.breakagency.adapter.gmail;

import com.breakagency.ports.model.integration.Provider;
import com.breakagency.ports.spi.OAuthProvider;
import com.breakagency.ports.spi.oauth.AuthorizationRequest;
import com.breakagency.ports.spi.oauth.CodeExchange;
import com.breakagency.ports.spi.oauth.OAuthFailure;
import com.breakagency.ports.spi.oauth.RevokeResult;
import com.breakagency.ports.spi.oauth.TokenGrant;
import com.breakagency.ports.spi.oauth.TokenResult;
import com.google.api.client.auth.oauth2.AuthorizationCodeRequestUrl;
import com.google.api.client.auth.oauth2.AuthorizationCodeTokenRequest;
import com.google.api.client.auth.oauth2.ClientParametersAuthentication;
import com.google.api.client.auth.oauth2.RefreshTokenRequest;
import com.google.api.client.auth.oauth2.TokenRequest;
import com.google.api.client.auth.oauth2.TokenResponse;
import com.google.api.client.auth.oauth2.TokenResponseException;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpResponse;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.UrlEncodedContent;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.client.json.webtoken.JsonWebSignature;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Google as an {@link OAuthProvider}, on Google's own Java OAuth client ({@code google-oauth-client}) over
 * the JDK's {@code HttpURLConnection}. Every answer is classified as the port says: Google's OAuth error
 * code decides (see {@link OAuthFailure#classify}); a 5xx or 429 without one, a timeout, a connection
 * failure or a body that is not JSON is transient. Nothing Google or the library says in words leaves the
 * adapter: a failure carries the OAuth error code, the HTTP status and the exception's class name only.
 * The account's address comes from the exchange's ID token, read from the token endpoint's own TLS answer.
 * Thread-safe.
 */
public final class GoogleOAuthProvider implements OAuthProvider {

    private final GoogleOAuthOptions options;
    private final HttpTransport transport = new NetHttpTransport();
    private final JsonFactory json = GsonFactory.getDefaultInstance();

    private GoogleOAuthProvider(GoogleOAuthOptions options) {
        this.options = options;
    }

    /**
     * A provider for the host's OAuth client.
     *
     * @param options client, scopes, endpoints and timeouts
     * @return the provider
     */
    public static GoogleOAuthProvider create(GoogleOAuthOptions options) {
        return new GoogleOAuthProvider(Objects.requireNonNull(options, "options"));
    }

    @Override
    public Provider provider() {
        return Provider.GOOGLE;
    }

    @Override
    public Set<String> scopes() {
        return options.scopes();
    }

    @Override
    public URI authorizationUrl(AuthorizationRequest request) {
        AuthorizationCodeRequestUrl url = new AuthorizationCodeRequestUrl(options.authorizationEndpoint().toString(),
                options.clientId()).setRedirectUri(request.redirectUri()).setScopes(request.scopes().stream().sorted().toList())
                .setState(request.state());
        url.set("code_challenge", request.codeChallenge());
        url.set("code_challenge_method", "S256");
        url.set("access_type", "offline");
        url.set("prompt", "consent");
        url.set("include_granted_scopes", "true");
        return URI.create(url.build());
    }

    @Override
    public TokenResult exchange(CodeExchange exchange) {
        AuthorizationCodeTokenRequest request = new AuthorizationCodeTokenRequest(transport, json,
                new GenericUrl(options.tokenEndpoint()), exchange.code()).setRedirectUri(exchange.redirectUri());
        request.set("code_verifier", exchange.codeVerifier());
        return grant(request);
    }

    @Override
    public TokenResult refresh(String refreshToken) {
        return grant(new RefreshTokenRequest(transport, json, new GenericUrl(options.tokenEndpoint()), refreshToken));
    }

    private TokenResult grant(TokenRequest request) {
        request.setClientAuthentication(new ClientParametersAuthentication(options.clientId(), options.clientSecret()));
        request.setRequestInitializer(this::timeouts);
        TokenResponse response;
        try {
            response = request.executeUnparsed().parseAs(TokenResponse.class);
        } catch (TokenResponseException refused) {
            return refused(refused);
        } catch (IOException | RuntimeException e) {
            return failed(e);
        }
        if (response.getAccessToken() == null || response.getExpiresInSeconds() == null) {
            return OAuthFailure.transientFailure("malformed_response", 200, Optional.empty(), Optional.empty());
        }
        Set<String> scopes = response.getScope() == null || response.getScope().isBlank() ? Set.of()
                : Set.of(response.getScope().trim().split("\\s+"));
        return new TokenGrant(response.getAccessToken(), Duration.ofSeconds(response.getExpiresInSeconds()),
                Optional.ofNullable(response.getRefreshToken()), scopes, address(response.get("id_token")));
    }

    private Optional<String> address(Object idToken) {
        if (!(idToken instanceof String text)) {
            return Optional.empty();
        }
        try {
            Object email = JsonWebSignature.parse(json, text).getPayload().get("email");
            return email instanceof String address ? Optional.of(address) : Optional.empty();
        } catch (IOException | RuntimeException malformed) {
            return Optional.empty();
        }
    }

    @Override
    public RevokeResult revoke(String token) {
        try {
            HttpRequest request = transport.createRequestFactory(this::timeouts).buildPostRequest(
                    new GenericUrl(options.revokeEndpoint()), new UrlEncodedContent(Map.of("token", token)));
            request.setThrowExceptionOnExecuteError(false);
            HttpResponse response = request.execute();
            try {
                int status = response.getStatusCode();
                if (status == 200) {
                    return new RevokeResult.Revoked();
                }
                Optional<String> code = errorCode(response.parseAsString());
                return code.map(c -> OAuthFailure.fromErrorCode(c, status))
                        .orElseGet(() -> new OAuthFailure(OAuthFailure.classify("", status), "http_" + status, status,
                                Optional.empty(), Optional.empty()));
            } finally {
                response.disconnect();
            }
        } catch (IOException | RuntimeException e) {
            return failed(e);
        }
    }

    private Optional<String> errorCode(String body) {
        try {
            Object error = json.fromString(body, com.google.api.client.json.GenericJson.class).get("error");
            return error instanceof String code ? Optional.of(code) : Optional.empty();
        } catch (IOException | RuntimeException notJson) {
            return Optional.empty();
        }
    }

    private void timeouts(HttpRequest request) {
        request.setConnectTimeout((int) options.connectTimeout().toMillis());
        request.setReadTimeout((int) options.readTimeout().toMillis());
    }

    private static OAuthFailure refused(TokenResponseException refused) {
        int status = refused.getStatusCode();
        Optional<Duration> retryAfter = Optional.ofNullable(refused.getHeaders().getRetryAfter())
                .filter(v -> v.matches("\\d{1,6}")).map(v -> Duration.ofSeconds(Long.parseLong(v)));
        String code = refused.getDetails() == null ? null : refused.getDetails().getError();
        if (code == null && status == 401) {
            // RFC 6749 5.2: a 401 from the token endpoint is a failed client authentication (the JDK's
            // connection does not always hand over a 401's body)
            code = "invalid_client";
        }
        if (code == null) {
            return new OAuthFailure(OAuthFailure.classify("", status), "http_" + status, status,
                    Optional.of(refused.getClass().getName()), retryAfter);
        }
        return new OAuthFailure(OAuthFailure.classify(code, status), code, status,
                Optional.of(refused.getClass().getName()), retryAfter);
    }

    private static OAuthFailure failed(Exception e) {
        String code = e instanceof SocketTimeoutException ? "timeout"
                : e instanceof IOException && !(e instanceof com.google.api.client.http.HttpResponseException)
                        && !isParse(e) ? "connection_failed" : "malformed_response";
        return OAuthFailure.transientFailure(code, 0, Optional.of(e.getClass().getName()), Optional.empty());
    }

    private static boolean isParse(Exception e) {
        return e instanceof IllegalArgumentException || e.getClass().getName().contains("Json")
                || e.getClass().getName().contains("Malformed") || e instanceof java.io.EOFException;
    }

    @Override
    public String toString() {
        return "GoogleOAuthProvider[" + options + "]";
    }
}
