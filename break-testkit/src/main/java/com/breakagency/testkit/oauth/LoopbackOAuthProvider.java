package com.breakagency.testkit.oauth;

import com.breakagency.ports.model.integration.Provider;
import com.breakagency.ports.spi.OAuthProvider;
import com.breakagency.ports.spi.oauth.AuthorizationRequest;
import com.breakagency.ports.spi.oauth.CodeExchange;
import com.breakagency.ports.spi.oauth.OAuthFailure;
import com.breakagency.ports.spi.oauth.RevokeResult;
import com.breakagency.ports.spi.oauth.TokenGrant;
import com.breakagency.ports.spi.oauth.TokenResult;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@link OAuthProvider} for a {@link FakeGoogle}, on the JDK's HTTP client, classifying as the port says. */
final class LoopbackOAuthProvider implements OAuthProvider {

    static final Set<String> SCOPES = Set.of("https://www.googleapis.com/auth/gmail.readonly", "openid", "email");

    private final FakeGoogle fake;
    private final Duration timeout;
    private final HttpClient http;

    LoopbackOAuthProvider(FakeGoogle fake, Duration timeout) {
        this.fake = fake;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    @Override
    public Provider provider() {
        return Provider.GOOGLE;
    }

    @Override
    public Set<String> scopes() {
        return SCOPES;
    }

    @Override
    public URI authorizationUrl(AuthorizationRequest request) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", FakeGoogle.CLIENT_ID);
        query.put("redirect_uri", request.redirectUri());
        query.put("response_type", "code");
        query.put("scope", String.join(" ", request.scopes()));
        query.put("state", request.state());
        query.put("code_challenge", request.codeChallenge());
        query.put("code_challenge_method", "S256");
        query.put("access_type", "offline");
        query.put("prompt", "consent");
        return URI.create(fake.authorizationEndpoint() + "?" + encode(query));
    }

    @Override
    public TokenResult exchange(CodeExchange exchange) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", exchange.code());
        form.put("code_verifier", exchange.codeVerifier());
        form.put("redirect_uri", exchange.redirectUri());
        return tokenRequest(form);
    }

    @Override
    public TokenResult refresh(String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return tokenRequest(form);
    }

    @Override
    public RevokeResult revoke(String token) {
        try {
            HttpResponse<String> response = http.send(post(fake.revokeEndpoint(), Map.of("token", token)),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return new RevokeResult.Revoked();
            }
            return failure(response);
        } catch (IOException e) {
            return network(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OAuthFailure.transientFailure("interrupted", 0, Optional.of(e.getClass().getName()), Optional.empty());
        }
    }

    private TokenResult tokenRequest(Map<String, String> form) {
        form.put("client_id", FakeGoogle.CLIENT_ID);
        form.put("client_secret", FakeGoogle.CLIENT_SECRET);
        try {
            HttpResponse<String> response = http.send(post(fake.tokenEndpoint(), form), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return failure(response);
            }
            Map<String, Object> body;
            try {
                body = Json.read(response.body());
            } catch (IllegalArgumentException notJson) {
                return OAuthFailure.transientFailure("malformed_response", 200, Optional.empty(), Optional.empty());
            }
            if (!(body.get("access_token") instanceof String access) || !(body.get("expires_in") instanceof Long seconds)) {
                return OAuthFailure.transientFailure("malformed_response", 200, Optional.empty(), Optional.empty());
            }
            Set<String> scopes = body.get("scope") instanceof String s && !s.isBlank() ? Set.of(s.split(" ")) : Set.of();
            return new TokenGrant(access, Duration.ofSeconds(seconds),
                    Optional.ofNullable(body.get("refresh_token")).map(Object::toString), scopes,
                    Optional.ofNullable(body.get("id_token")).map(Object::toString).flatMap(LoopbackOAuthProvider::email));
        } catch (IOException e) {
            return network(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OAuthFailure.transientFailure("interrupted", 0, Optional.of(e.getClass().getName()), Optional.empty());
        }
    }

    private static Optional<String> email(String idToken) {
        String[] parts = idToken.split("\\.");
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            Map<String, Object> claims = Json.read(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            return Optional.ofNullable(claims.get("email")).map(Object::toString);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static OAuthFailure failure(HttpResponse<String> response) {
        int status = response.statusCode();
        Optional<Duration> retryAfter = response.headers().firstValue("Retry-After")
                .filter(v -> v.matches("\\d{1,6}")).map(v -> Duration.ofSeconds(Long.parseLong(v)));
        try {
            if (Json.read(response.body()).get("error") instanceof String code) {
                OAuthFailure classified = OAuthFailure.fromErrorCode(code, status);
                return new OAuthFailure(classified.kind(), classified.errorCode(), status, Optional.empty(), retryAfter);
            }
        } catch (IllegalArgumentException notJson) {
            // a body that is not JSON: classified by the status alone
        }
        return new OAuthFailure(OAuthFailure.classify("", status), "http_" + status, status, Optional.empty(), retryAfter);
    }

    private static OAuthFailure network(IOException e) {
        String code = e instanceof HttpTimeoutException ? "timeout" : "connection_failed";
        return OAuthFailure.transientFailure(code, 0, Optional.of(e.getClass().getName()), Optional.empty());
    }

    private HttpRequest post(URI uri, Map<String, String> form) {
        return HttpRequest.newBuilder(uri).timeout(timeout).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build();
    }

    private static String encode(Map<String, String> values) {
        return values.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    @Override
    public String toString() {
        return "LoopbackOAuthProvider[" + fake.tokenEndpoint() + "]";
    }
}
