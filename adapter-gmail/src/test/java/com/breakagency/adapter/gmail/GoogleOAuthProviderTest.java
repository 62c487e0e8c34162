package com.breakagency.adapter.gmail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.ports.spi.oauth.AuthorizationRequest;
import com.breakagency.ports.spi.oauth.CodeExchange;
import com.breakagency.ports.spi.oauth.OAuthFailure;
import com.breakagency.ports.spi.oauth.RevokeResult;
import com.breakagency.ports.spi.oauth.TokenGrant;
import com.breakagency.testkit.oauth.FakeGoogle;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Google's own client library against the fake on loopback: the grants, revocation, and every failure classified. */
class GoogleOAuthProviderTest {

    private static final String REDIRECT = "https://app.northwind.example/oauth/callback";
    private static final String VERIFIER = "a-pkce-verifier-of-forty-three-characters-00";

    private final FakeGoogle google = FakeGoogle.start();
    private final GoogleOAuthProvider provider = GoogleOAuthProvider.create(forFake(google));

    static GoogleOAuthOptions forFake(FakeGoogle google) {
        return GoogleOAuthOptions.of(FakeGoogle.CLIENT_ID, FakeGoogle.CLIENT_SECRET)
                .withEndpoints(google.authorizationEndpoint(), google.tokenEndpoint(), google.revokeEndpoint())
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        google.close();
    }

    private FakeGoogle.Callback consent(String address) throws Exception {
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(VERIFIER.getBytes(StandardCharsets.US_ASCII)));
        return google.approve(provider.authorizationUrl(new AuthorizationRequest("state-123", challenge, REDIRECT,
                provider.scopes())), address);
    }

    @Test
    void the_code_exchange_checks_the_verifier_and_names_the_account_then_refresh_rotates_and_revoke_kills_the_grant()
            throws Exception {
        FakeGoogle.Callback wrong = consent("jo@northwind.example");
        OAuthFailure refused = assertInstanceOf(OAuthFailure.class,
                provider.exchange(new CodeExchange(wrong.code(), "not-the-verifier", REDIRECT)));
        assertEquals("invalid_grant", refused.errorCode());
        assertEquals(OAuthFailure.Kind.PERMANENT, refused.kind());

        FakeGoogle.Callback callback = consent("jo@northwind.example");
        assertEquals("state-123", callback.state());
        TokenGrant grant = assertInstanceOf(TokenGrant.class,
                provider.exchange(new CodeExchange(callback.code(), VERIFIER, REDIRECT)));
        assertEquals(Optional.of("jo@northwind.example"), grant.accountAddress());
        assertTrue(grant.refreshToken().isPresent());
        assertEquals(Duration.ofHours(1), grant.expiresIn());

        google.rotateRefreshTokens(true);
        TokenGrant refreshed = assertInstanceOf(TokenGrant.class, provider.refresh(grant.refreshToken().get()));
        assertNotEquals(grant.refreshToken(), refreshed.refreshToken());
        assertInstanceOf(OAuthFailure.class, provider.refresh(grant.refreshToken().get()), "the rotated-out token is dead");

        assertInstanceOf(RevokeResult.Revoked.class, provider.revoke(refreshed.refreshToken().orElseThrow()));
        assertEquals("invalid_grant", assertInstanceOf(OAuthFailure.class,
                provider.refresh(refreshed.refreshToken().get())).errorCode());
        assertInstanceOf(OAuthFailure.class, provider.revoke("unknown-token"));
    }

    @ParameterizedTest
    @EnumSource(FakeGoogle.Failure.class)
    void every_failure_mode_arrives_classified_without_the_providers_words(FakeGoogle.Failure mode) throws Exception {
        FakeGoogle.Callback callback = consent("jo@northwind.example");
        String refresh = ((TokenGrant) provider.exchange(new CodeExchange(callback.code(), VERIFIER, REDIRECT)))
                .refreshToken().orElseThrow();
        google.slowResponse(Duration.ofSeconds(10));
        google.failNext(mode, 1);

        OAuthFailure failure = assertInstanceOf(OAuthFailure.class, provider.refresh(refresh));

        OAuthFailure.Kind expected = switch (mode) {
            case INVALID_GRANT -> OAuthFailure.Kind.PERMANENT;
            case INVALID_CLIENT -> OAuthFailure.Kind.OPERATOR;
            default -> OAuthFailure.Kind.TRANSIENT;
        };
        assertEquals(expected, failure.kind(), failure.toString());
        String expectedCode = switch (mode) {
            case INVALID_GRANT -> "invalid_grant";
            case INVALID_CLIENT -> "invalid_client";
            case UNAVAILABLE -> "http_503";
            case RATE_LIMITED -> "rate_limit_exceeded";
            case SLOW -> "timeout";
            case MALFORMED_BODY -> "malformed_response";
        };
        assertEquals(expectedCode, failure.errorCode());
        if (mode == FakeGoogle.Failure.RATE_LIMITED) {
            assertEquals(Optional.of(Duration.ofSeconds(30)), failure.retryAfter());
        }
        assertFalse(failure.toString().contains("Fake Google says"));
        assertFalse(failure.toString().contains(refresh));
    }
}
