package com.breakagency.adapter.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.adapter.gmail.GoogleOAuthOptions;
import com.breakagency.adapter.gmail.GoogleOAuthProvider;
import com.breakagency.core.BreakAgency;
import com.breakagency.core.integration.AesGcmSecretCipher;
import com.breakagency.ports.api.integration.AuthorizationStart;
import com.breakagency.ports.api.integration.CompleteConnect;
import com.breakagency.ports.api.integration.StartConnect;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.model.integration.Ciphertext;
import com.breakagency.ports.model.integration.Connection;
import com.breakagency.ports.model.integration.Provider;
import com.breakagency.testkit.CapturingErrorReporter;
import com.breakagency.testkit.TestClock;
import com.breakagency.testkit.oauth.FakeGoogle;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whole integration flows through break-core on a real database: Google's own client library
 * ({@link GoogleOAuthProvider}) talking to {@link FakeGoogle} on loopback, each {@link BreakAgency} on a
 * connection pool of its own, standing in for a service instance. What the database holds is read on a
 * separate connection, as bytes, never through Break.
 */
abstract class IntegrationChecks {

    static final String REDIRECT = "https://app.northwind.example/oauth/callback";
    static final OperationContext JO = OperationContext.of(Actor.staff("u-jo", Role.AGENT));
    static final OperationContext KIM = OperationContext.of(Actor.staff("u-kim", Role.AGENT));
    static final OperationContext SYSTEM = OperationContext.system();
    static final byte[] KEY_A = key(1);
    static final byte[] KEY_B = key(2);
    static final int THREADS_PER_INSTANCE = 20;
    static final int CONNECTIONS_PER_INSTANCE = 8;
    static final long WAIT_SECONDS = 60;

    private final List<BreakAgency> agencies = new ArrayList<>();
    FakeGoogle google;
    TestClock clock;
    CapturingErrorReporter reports;
    String schema;

    /** The database of the test class run. */
    abstract TestDatabase database();

    @BeforeEach
    void startTheWorld() {
        schema = database().freshPersistence().schema();
        google = FakeGoogle.start();
        clock = new TestClock();
        reports = new CapturingErrorReporter();
    }

    @AfterEach
    void stopTheWorld() {
        agencies.forEach(BreakAgency::close);
        google.close();
    }

    // ---- done-point 3: one refresh across two instances ------------------------------------------------

    @Test
    void forty_threads_in_two_instances_on_separate_pools_inside_the_skew_cause_one_refresh_and_all_get_the_new_token()
            throws Exception {
        BreakAgency one = instance("instance-1", "k-a", Map.of("k-a", KEY_A));
        BreakAgency two = instance("instance-2", "k-a", Map.of("k-a", KEY_A));
        Connection connection = connect(one, JO, "jo@northwind.example");
        String before = one.integrations().accessToken(SYSTEM, connection.id()).token();
        clock.advance(Duration.ofMinutes(56));
        int refreshesBefore = google.refreshRequests();

        CyclicBarrier start = new CyclicBarrier(2 * THREADS_PER_INSTANCE);
        ExecutorService threads = Executors.newFixedThreadPool(2 * THREADS_PER_INSTANCE);
        List<Future<String>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 2 * THREADS_PER_INSTANCE; i++) {
                BreakAgency instance = i % 2 == 0 ? one : two;
                answers.add(threads.submit(() -> {
                    start.await(WAIT_SECONDS, TimeUnit.SECONDS);
                    return instance.integrations().accessToken(SYSTEM, connection.id()).token();
                }));
            }
            Set<String> tokens = new HashSet<>();
            for (Future<String> answer : answers) {
                tokens.add(answer.get(WAIT_SECONDS, TimeUnit.SECONDS));
            }

            assertEquals(1, google.refreshRequests() - refreshesBefore, "one refresh request reached the provider");
            assertEquals(1, tokens.size(), () -> "all 40 callers got the same token, not " + tokens.size());
            String fresh = tokens.iterator().next();
            assertNotEquals(before, fresh, "the new token");
            assertTrue(google.issuedTokens().contains(fresh));
        } finally {
            threads.shutdownNow();
        }
        assertEquals(List.of(), reports.reports());
        assertEquals(connection.version() + 1, sealedColumns(connection.id()).version(),
                "one refresh written: the version went up by one");
    }

    // ---- done-point 5: sealed on disk, and a key rotation ----------------------------------------------

    @Test
    void no_token_column_holds_a_token_the_fake_issued_or_the_pkce_verifier_in_plain_text() throws Exception {
        google.rotateRefreshTokens(true);
        BreakAgency agency = instance("instance-1", "k-a", Map.of("k-a", KEY_A));
        Connection connection = connect(agency, JO, "jo@northwind.example");
        Sealed connected = sealedColumns(connection.id());
        clock.advance(Duration.ofMinutes(56));
        String refreshed = agency.integrations().accessToken(SYSTEM, connection.id()).token();
        Sealed afterRefresh = sealedColumns(connection.id());
        // a flow left pending: its verifier stays in the table, sealed
        AuthorizationStart pending = agency.integrations().startConnect(KIM, StartConnect.of(Provider.GOOGLE, REDIRECT));
        byte[] verifierColumn = verifierColumn();

        List<String> issued = google.issuedTokens();
        assertTrue(issued.contains(refreshed) && issued.size() >= 4, issued::toString);
        assertFalse(Arrays.equals(connected.refreshToken(), afterRefresh.refreshToken()),
                "the rotated refresh token was stored");
        for (byte[] column : List.of(connected.accessToken(), connected.refreshToken(), afterRefresh.accessToken(),
                afterRefresh.refreshToken(), verifierColumn)) {
            assertTrue(text(column).startsWith("k-a:"), "a ciphertext of key k-a");
            for (String token : issued) {
                assertFalse(contains(column, token.getBytes(StandardCharsets.UTF_8)), "a token in plain text");
            }
        }
        // the verifier column does hold the verifier, sealed: opened, it matches the URL's S256 challenge
        String verifier = AesGcmSecretCipher.withKeys("k-a", Map.of("k-a", KEY_A)).open(new Ciphertext(text(verifierColumn)));
        assertEquals(query(pending.authorizationUrl()).get("code_challenge"), s256(verifier));
        assertFalse(contains(verifierColumn, verifier.getBytes(StandardCharsets.UTF_8)), "the verifier in plain text");
        String state = query(pending.authorizationUrl()).get("state");
        String stateHash = java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(state.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(stateHash), database().strings("SELECT state_hash FROM " + schema
                + ".pending_authorizations"), "only the state's SHA-256 is kept, never the state");
        assertEquals(List.of(), database().strings("SELECT state_hash FROM " + schema + ".pending_authorizations"
                + " WHERE user_id = ? OR redirect_uri = ?", state, state));
    }

    @Test
    void after_rotating_to_key_b_rows_sealed_with_key_a_open_and_every_new_write_is_sealed_with_key_b()
            throws Exception {
        BreakAgency withA = instance("instance-a", "k-a", Map.of("k-a", KEY_A));
        Connection jo = connect(withA, JO, "jo@northwind.example");
        String tokenUnderA = withA.integrations().accessToken(SYSTEM, jo.id()).token();
        assertEquals(List.of("k-a", "k-a"), sealedColumns(jo.id()).keyIds());
        withA.close();
        agencies.remove(withA);

        BreakAgency rotated = instance("instance-ab", "k-b", Map.of("k-a", KEY_A, "k-b", KEY_B));

        assertEquals(tokenUnderA, rotated.integrations().accessToken(SYSTEM, jo.id()).token(),
                "the row written with key A opens after the rotation");
        assertEquals(List.of("k-a", "k-a"), sealedColumns(jo.id()).keyIds(), "reading rewrites nothing");
        clock.advance(Duration.ofMinutes(56));
        String refreshed = rotated.integrations().accessToken(SYSTEM, jo.id()).token();
        assertNotEquals(tokenUnderA, refreshed);
        assertEquals(List.of("k-b", "k-b"), sealedColumns(jo.id()).keyIds(),
                "the refresh sealed the new access token and the kept refresh token with key B");
        Connection kim = connect(rotated, KIM, "kim@northwind.example");
        assertEquals(List.of("k-b", "k-b"), sealedColumns(kim.id()).keyIds(), "a new connection is sealed with key B");
        rotated.integrations().startConnect(JO, StartConnect.of(Provider.GOOGLE, REDIRECT));
        assertEquals("k-b", keyId(verifierColumn()), "a new pending verifier is sealed with key B");
        assertEquals(refreshed, rotated.integrations().accessToken(SYSTEM, jo.id()).token());
    }

    // ---- the world -------------------------------------------------------------------------------------

    /** An agency on a pool of its own on the class's schema, with Google's client pointed at the fake. */
    BreakAgency instance(String name, String currentKeyId, Map<String, byte[]> keys) {
        JdbcPersistence persistence = JdbcPersistence.builder(database().newPool(name, CONNECTIONS_PER_INSTANCE))
                .schema(schema).migrateOnStart(false).build();
        GoogleOAuthOptions options = GoogleOAuthOptions.of(FakeGoogle.CLIENT_ID, FakeGoogle.CLIENT_SECRET)
                .withEndpoints(google.authorizationEndpoint(), google.tokenEndpoint(), google.revokeEndpoint())
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));
        BreakAgency agency = BreakAgency.builder().persistence(persistence).integrations(persistence)
                .errorReporter(reports).clock(clock).random(new Random(42))
                .oauthProvider(GoogleOAuthProvider.create(options)).secretKeys(currentKeyId, keys).build();
        agencies.add(agency);
        return agency;
    }

    /** The whole connect flow of a user: start, the consent screen, the callback. */
    Connection connect(BreakAgency agency, OperationContext user, String address) {
        AuthorizationStart start = agency.integrations().startConnect(user, StartConnect.of(Provider.GOOGLE, REDIRECT));
        FakeGoogle.Callback callback = google.approve(start.authorizationUrl(), address);
        return agency.integrations().completeConnect(user, CompleteConnect.of(callback.state(), callback.code()));
    }

    /** A connection's token columns as the database holds them, and its version. */
    record Sealed(byte[] accessToken, byte[] refreshToken, long version) {

        List<String> keyIds() {
            return List.of(keyId(accessToken), keyId(refreshToken));
        }
    }

    Sealed sealedColumns(String connectionId) throws SQLException {
        try (java.sql.Connection separate = database().separateConnection();
             PreparedStatement statement = separate.prepareStatement("SELECT access_token, refresh_token, version FROM "
                     + schema + ".connections WHERE id = ?")) {
            statement.setString(1, connectionId);
            try (ResultSet rows = statement.executeQuery()) {
                assertTrue(rows.next(), "the connection's row");
                return new Sealed(rows.getBytes(1), rows.getBytes(2), rows.getLong(3));
            }
        }
    }

    /** The one pending flow's verifier column, as bytes. */
    byte[] verifierColumn() throws SQLException {
        try (java.sql.Connection separate = database().separateConnection();
             PreparedStatement statement = separate.prepareStatement("SELECT code_verifier FROM " + schema
                     + ".pending_authorizations");
             ResultSet rows = statement.executeQuery()) {
            assertTrue(rows.next(), "a pending flow");
            byte[] bytes = rows.getBytes(1);
            assertFalse(rows.next(), "one pending flow");
            return bytes;
        }
    }

    static String keyId(byte[] sealed) {
        String text = text(sealed);
        return text.substring(0, text.indexOf(':'));
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    static String s256(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    static byte[] key(int seed) {
        byte[] key = new byte[32];
        new Random(seed).nextBytes(key);
        return key;
    }
}
