package com.breakagency.testkit.oauth;

import com.breakagency.ports.spi.OAuthProvider;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stateful Google OAuth 2.0 server on a JDK {@link HttpServer} on loopback, for tests that must not leave
 * the machine: the authorization-code grant with PKCE S256 (the verifier and the redirect URI are checked),
 * the refresh grant (with refresh-token rotation on demand), revocation, a bearer-protected profile
 * endpoint that answers 401 to a token that is no longer valid, token lifetimes the test sets, failure
 * modes for the token endpoint, and counters of every call. {@link #oauthProvider()} is an
 * {@link OAuthProvider} for it on the JDK's HTTP client; Break's own tests also point Google's client
 * library at it. Tokens look like Google's ({@code ya29.…}, {@code 1//…}). Thread-safe; close it after use.
 */
public final class FakeGoogle implements AutoCloseable {

    /** The client id the fake accepts. */
    public static final String CLIENT_ID = "fake-client-id.apps.googleusercontent.example";
    /** The client secret the fake accepts. */
    public static final String CLIENT_SECRET = "fake-client-secret";

    /** What the token endpoint does instead of answering, once per queued failure. */
    public enum Failure {
        /** 400 {@code invalid_grant}. */
        INVALID_GRANT,
        /** 401 {@code invalid_client}. */
        INVALID_CLIENT,
        /** 503 with an HTML body. */
        UNAVAILABLE,
        /** 429 with {@code Retry-After: 30}. */
        RATE_LIMITED,
        /** No answer until {@link #slowResponse(Duration)} has passed (or the fake closes). */
        SLOW,
        /** 200 with a body that is not JSON. */
        MALFORMED_BODY
    }

    /** What the consent screen sends back to the redirect URI. */
    public record Callback(String state, String code) {
        @Override
        public String toString() {
            return "Callback[…]";
        }
    }

    private record PendingCode(String challenge, String redirectUri, String address, Set<String> scopes) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final SecureRandom random = new SecureRandom();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Map<String, PendingCode> codes = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>(); // token -> address
    private final Map<String, String> accessTokens = new ConcurrentHashMap<>(); // token -> address
    private final List<String> issued = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Deque<Failure> failures = new ArrayDeque<>();
    private final AtomicInteger authorizations = new AtomicInteger();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicInteger codeExchanges = new AtomicInteger();
    private final AtomicInteger refreshRequests = new AtomicInteger();
    private final AtomicInteger revokeRequests = new AtomicInteger();
    private final AtomicInteger profileRequests = new AtomicInteger();
    private volatile Duration accessTokenLifetime = Duration.ofHours(1);
    private volatile boolean rotateRefreshTokens;
    private volatile boolean rejectClient;
    private volatile Duration slowFor = Duration.ofSeconds(5);

    private FakeGoogle() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/token", this::token);
        server.createContext("/revoke", this::revoke);
        server.createContext("/gmail/v1/users/me/profile", this::profile);
        server.setExecutor(executor);
        server.start();
    }

    /**
     * Starts a fake on a free loopback port.
     *
     * @return the running fake
     */
    public static FakeGoogle start() {
        try {
            return new FakeGoogle();
        } catch (IOException e) {
            throw new IllegalStateException("could not start the fake Google on loopback", e);
        }
    }

    /**
     * The authorization endpoint's URI (never served: {@link #approve} plays the consent screen).
     *
     * @return the URI
     */
    public URI authorizationEndpoint() {
        return base().resolve("/o/oauth2/v2/auth");
    }

    /**
     * The token endpoint.
     *
     * @return the URI
     */
    public URI tokenEndpoint() {
        return base().resolve("/token");
    }

    /**
     * The revocation endpoint.
     *
     * @return the URI
     */
    public URI revokeEndpoint() {
        return base().resolve("/revoke");
    }

    /**
     * A bearer-protected resource, like Gmail's profile: 200 for a valid access token, 401 otherwise.
     *
     * @return the URI
     */
    public URI profileEndpoint() {
        return base().resolve("/gmail/v1/users/me/profile");
    }

    private URI base() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
    }

    /**
     * An {@link OAuthProvider} for this fake on the JDK's HTTP client, with a two-second timeout.
     *
     * @return the provider
     */
    public OAuthProvider oauthProvider() {
        return oauthProvider(Duration.ofSeconds(2));
    }

    /**
     * An {@link OAuthProvider} for this fake on the JDK's HTTP client.
     *
     * @param timeout how long a call may take
     * @return the provider
     */
    public OAuthProvider oauthProvider(Duration timeout) {
        return new LoopbackOAuthProvider(this, timeout);
    }

    /**
     * Plays the consent screen: checks the authorization URL (client id, {@code response_type=code}, PKCE
     * S256, offline access, consent prompt, a redirect URI, a state) and grants a code for the account.
     *
     * @param authorizationUrl the URL Break made
     * @param accountAddress   the account the user signs in with
     * @return what the browser brings back to the redirect URI
     * @throws IllegalArgumentException if the URL lacks something Google would require
     */
    public Callback approve(URI authorizationUrl, String accountAddress) {
        authorizations.incrementAndGet();
        Map<String, String> query = form(authorizationUrl.getRawQuery());
        require(CLIENT_ID.equals(query.get("client_id")), "client_id");
        require("code".equals(query.get("response_type")), "response_type=code");
        require("S256".equals(query.get("code_challenge_method")), "code_challenge_method=S256");
        require("offline".equals(query.get("access_type")), "access_type=offline");
        require("consent".equals(query.get("prompt")), "prompt=consent");
        require(query.get("code_challenge") != null && query.get("redirect_uri") != null && query.get("state") != null,
                "code_challenge, redirect_uri and state");
        String code = "4/fake-" + random(24);
        Set<String> scopes = Set.of(query.getOrDefault("scope", "").split(" "));
        codes.put(code, new PendingCode(query.get("code_challenge"), query.get("redirect_uri"), accountAddress, scopes));
        return new Callback(query.get("state"), code);
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalArgumentException("the authorization URL lacks " + what);
        }
    }

    /**
     * How long access tokens issued from now on are valid ({@code expires_in}). Defaults to one hour.
     *
     * @param lifetime the lifetime
     */
    public void accessTokenLifetime(Duration lifetime) {
        this.accessTokenLifetime = Objects.requireNonNull(lifetime);
    }

    /**
     * Whether refresh grants answer with a new refresh token (and the old one stops working). Defaults to no.
     *
     * @param rotate true to rotate
     */
    public void rotateRefreshTokens(boolean rotate) {
        this.rotateRefreshTokens = rotate;
    }

    /**
     * Whether every token request is refused with 401 {@code invalid_client} (the host's secret is wrong)
     * until set back. Defaults to no.
     *
     * @param reject true to refuse
     */
    public void rejectClient(boolean reject) {
        this.rejectClient = reject;
    }

    /**
     * How long a {@link Failure#SLOW} answer waits. Defaults to five seconds.
     *
     * @param delay the wait
     */
    public void slowResponse(Duration delay) {
        this.slowFor = Objects.requireNonNull(delay);
    }

    /**
     * Queues failures: the next token requests fail this way, one each, in order.
     *
     * @param failure how
     * @param times   how many requests
     */
    public void failNext(Failure failure, int times) {
        synchronized (failures) {
            for (int i = 0; i < times; i++) {
                failures.add(failure);
            }
        }
    }

    /**
     * Kills the grant of an account, as a user revoking access in their Google account does: its refresh
     * tokens answer {@code invalid_grant} from now on, its access tokens 401.
     *
     * @param accountAddress the account
     */
    public void revokeGrant(String accountAddress) {
        refreshTokens.values().removeIf(accountAddress::equals);
        accessTokens.values().removeIf(accountAddress::equals);
    }

    /** Makes every access token issued so far invalid (401 at the profile endpoint), keeping refresh tokens. */
    public void expireAccessTokens() {
        accessTokens.clear();
    }

    /**
     * Every token the fake issued (access, refresh, codes), for tests that look for them where they must not be.
     *
     * @return a snapshot
     */
    public List<String> issuedTokens() {
        synchronized (issued) {
            return List.copyOf(issued);
        }
    }

    /**
     * Consent screens played.
     *
     * @return the count
     */
    public int authorizations() {
        return authorizations.get();
    }

    /**
     * Requests to the token endpoint, of any grant, failed ones included.
     *
     * @return the count
     */
    public int tokenRequests() {
        return tokenRequests.get();
    }

    /**
     * Authorization-code grants asked for.
     *
     * @return the count
     */
    public int codeExchanges() {
        return codeExchanges.get();
    }

    /**
     * Refresh grants asked for.
     *
     * @return the count
     */
    public int refreshRequests() {
        return refreshRequests.get();
    }

    /**
     * Requests to the revocation endpoint.
     *
     * @return the count
     */
    public int revokeRequests() {
        return revokeRequests.get();
    }

    /**
     * The account an access token of this fake was issued for, while it is valid (not revoked, not expired
     * by {@link #expireAccessTokens()}): how {@link FakeGmail} knows whose mailbox a request reads.
     *
     * @param accessToken the token
     * @return the account's address, if the token is valid
     */
    public java.util.Optional<String> accountOf(String accessToken) {
        return java.util.Optional.ofNullable(accessToken == null ? null : accessTokens.get(accessToken));
    }

    /**
     * Requests to the profile endpoint.
     *
     * @return the count
     */
    public int profileRequests() {
        return profileRequests.get();
    }

    private void token(HttpExchange exchange) throws IOException {
        tokenRequests.incrementAndGet();
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String grantType = form.getOrDefault("grant_type", "");
        if ("authorization_code".equals(grantType)) {
            codeExchanges.incrementAndGet();
        } else if ("refresh_token".equals(grantType)) {
            refreshRequests.incrementAndGet();
        }
        Failure failure;
        synchronized (failures) {
            failure = failures.poll();
        }
        if (failure != null) {
            fail(exchange, failure);
            return;
        }
        if (rejectClient || !clientAuthenticated(exchange, form)) {
            error(exchange, 401, "invalid_client");
            return;
        }
        switch (grantType) {
            case "authorization_code" -> exchangeCode(exchange, form);
            case "refresh_token" -> refresh(exchange, form);
            default -> error(exchange, 400, "unsupported_grant_type");
        }
    }

    private static boolean clientAuthenticated(HttpExchange exchange, Map<String, String> form) {
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        if (basic != null && basic.startsWith("Basic ")) {
            String pair = new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8);
            return pair.equals(enc(CLIENT_ID) + ":" + enc(CLIENT_SECRET));
        }
        return CLIENT_ID.equals(form.get("client_id")) && CLIENT_SECRET.equals(form.get("client_secret"));
    }

    private void exchangeCode(HttpExchange exchange, Map<String, String> form) throws IOException {
        PendingCode pending = form.get("code") == null ? null : codes.remove(form.get("code"));
        if (pending == null || !pending.redirectUri().equals(form.get("redirect_uri"))
                || form.get("code_verifier") == null || !pending.challenge().equals(challenge(form.get("code_verifier")))) {
            error(exchange, 400, "invalid_grant");
            return;
        }
        String refreshToken = newToken("1//fake-", refreshTokens, pending.address());
        Map<String, Object> body = grant(pending.address(), String.join(" ", pending.scopes()));
        body.put("refresh_token", refreshToken);
        body.put("id_token", idToken(pending.address()));
        answer(exchange, 200, Json.write(body), Map.of());
    }

    private void refresh(HttpExchange exchange, Map<String, String> form) throws IOException {
        String old = form.getOrDefault("refresh_token", "");
        String address = rotateRefreshTokens ? refreshTokens.remove(old) : refreshTokens.get(old);
        if (address == null) {
            error(exchange, 400, "invalid_grant");
            return;
        }
        Map<String, Object> body = grant(address, "https://www.googleapis.com/auth/gmail.readonly openid email");
        if (rotateRefreshTokens) {
            body.put("refresh_token", newToken("1//fake-", refreshTokens, address));
        }
        answer(exchange, 200, Json.write(body), Map.of());
    }

    private Map<String, Object> grant(String address, String scope) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", newToken("ya29.fake-", accessTokens, address));
        body.put("expires_in", accessTokenLifetime.toSeconds());
        body.put("scope", scope);
        body.put("token_type", "Bearer");
        return body;
    }

    private String newToken(String prefix, Map<String, String> into, String address) {
        String token = prefix + random(32);
        into.put(token, address);
        issued.add(token);
        return token;
    }

    private String idToken(String address) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = Json.write(Map.of("alg", "RS256", "typ", "JWT"));
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "https://accounts.google.com");
        claims.put("aud", CLIENT_ID);
        claims.put("sub", "fake-" + Math.abs(address.hashCode()));
        claims.put("email", address);
        claims.put("email_verified", true);
        claims.put("iat", 1_700_000_000L);
        claims.put("exp", 4_100_000_000L);
        return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString("fake-signature".getBytes(StandardCharsets.UTF_8));
    }

    private void revoke(HttpExchange exchange) throws IOException {
        revokeRequests.incrementAndGet();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = form(body);
        form.putAll(form(exchange.getRequestURI().getRawQuery()));
        String token = form.getOrDefault("token", "");
        String address = refreshTokens.containsKey(token) ? refreshTokens.get(token) : accessTokens.get(token);
        if (address == null) {
            error(exchange, 400, "invalid_token");
            return;
        }
        revokeGrant(address);
        answer(exchange, 200, "{}", Map.of());
    }

    private void profile(HttpExchange exchange) throws IOException {
        profileRequests.incrementAndGet();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String address = authorization != null && authorization.startsWith("Bearer ")
                ? accessTokens.get(authorization.substring(7)) : null;
        if (address == null) {
            answer(exchange, 401, Json.write(Map.of("error", "unauthenticated")), Map.of());
            return;
        }
        answer(exchange, 200, Json.write(Map.of("emailAddress", address)), Map.of());
    }

    private void fail(HttpExchange exchange, Failure failure) throws IOException {
        switch (failure) {
            case INVALID_GRANT -> error(exchange, 400, "invalid_grant");
            case INVALID_CLIENT -> error(exchange, 401, "invalid_client");
            case UNAVAILABLE -> answer(exchange, 503, "<html>Service Unavailable</html>", Map.of());
            case RATE_LIMITED -> answer(exchange, 429, Json.write(Map.of("error", "rate_limit_exceeded")),
                    Map.of("Retry-After", "30"));
            case SLOW -> {
                try {
                    // holds the answer back like a slow server; released at once when the fake closes
                    closed.await(slowFor.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
                answer(exchange, 503, "<html>slow</html>", Map.of());
            }
            case MALFORMED_BODY -> answer(exchange, 200, "<html>not json</html>", Map.of());
        }
    }

    private static void error(HttpExchange exchange, int status, String code) throws IOException {
        answer(exchange, status, Json.write(Map.of("error", code, "error_description",
                "Fake Google says " + code + " about a token it will not repeat")), Map.of());
    }

    private static void answer(HttpExchange exchange, int status, String body, Map<String, String> headers) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", body.startsWith("{") ? "application/json; charset=UTF-8" : "text/html");
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException clientGone) {
            // the client gave up (a timeout): nothing to answer
        } finally {
            exchange.close();
        }
    }

    static Map<String, String> form(String encoded) {
        Map<String, String> out = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return out;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            out.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private String random(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
