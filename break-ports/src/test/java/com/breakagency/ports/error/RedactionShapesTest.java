package com.breakagency.ports.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every shape of secret Break removes, each by name, and what it keeps. */
class RedactionShapesTest {

    /** Secret key names, each of which must lose its value in every quoting. */
    static final List<String> KEY_NAMES = List.of("refresh_token", "access_token", "id_token", "client_secret",
            "password", "passwd", "token", "api_key", "apikey", "x-api-key", "X-Api-Key", "secret", "authorization",
            "accessToken", "clientSecret", "db_password");

    /** How a key and its value are written: a format with the key and the value. */
    static final List<String> QUOTINGS = List.of("%s=%s", "%s: %s", "%s = %s", "%s='%s'", "%s = '%s'",
            "\"%s\": \"%s\"", "\"%s\":\"%s\"", "%s=\\\"%s\\\"", "{\\\"%s\\\": \\\"%s\\\"}", "'%s': '%s'", "%s=\"%s\"");

    static Stream<Arguments> keysInEveryQuoting() {
        List<Arguments> all = new ArrayList<>();
        for (String key : KEY_NAMES) {
            for (String quoting : QUOTINGS) {
                all.add(Arguments.of(String.format(quoting, key, "v4lu3-0f-th3-k3y")));
            }
        }
        return all.stream();
    }

    private static void assertGone(String text, String secret) {
        String redacted = Redaction.redact(text);
        assertFalse(redacted.contains(secret), () -> text + " -> " + redacted);
        assertTrue(Redaction.containsSensitive(text), text);
        assertEquals(redacted, Redaction.redact(redacted), "redacting twice changes nothing");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keysInEveryQuoting")
    void a_secret_key_loses_its_value_in_any_quoting(String text) {
        assertGone("failed: " + text + " was refused", "v4lu3");
    }

    @Test
    void a_quoted_client_secret_from_the_issue() {
        assertEquals("client_secret='[redacted]'", Redaction.redact("client_secret='GOCSPX-abc def'"));
    }

    @Test
    void a_spaced_quoted_refresh_token_from_the_issue() {
        assertEquals("refresh_token = '[redacted]'", Redaction.redact("refresh_token = '1//0gAbC-dEf'"));
    }

    @Test
    void an_x_api_key_header() {
        assertEquals("X-Api-Key: [redacted]", Redaction.redact("X-Api-Key: 9f8e7d6c5b4a"));
    }

    @Test
    void an_oauth_code_in_a_query_string_but_not_a_code_in_prose() {
        assertEquals("cb?code=[redacted]&state=x", Redaction.redact("cb?code=4/0AbC-dEf&state=x"));
        assertEquals("error code: WORKFLOW_BREAK", Redaction.redact("error code: WORKFLOW_BREAK"));
    }

    @Test
    void an_internationalized_email_address() {
        assertEquals("from [email] today", Redaction.redact("from jäne@bücher.example today"));
    }

    @Test
    void a_url_encoded_email_address() {
        assertEquals("?to=[email]&x=1", Redaction.redact("?to=jane.doe%40northwind.example&x=1"));
    }

    @Test
    void bearer_and_basic_credentials() {
        assertEquals("Authorization: Bearer [redacted]", Redaction.redact("Authorization: Bearer abc.DEF-123"));
        assertEquals("Authorization: Basic [redacted]", Redaction.redact("Authorization: Basic dXNlcjpwYXNz"));
        assertEquals("sent Bearer [redacted] twice", Redaction.redact("sent Bearer abc.DEF-123 twice"));
        assertEquals("sent Basic [redacted]", Redaction.redact("sent Basic dXNlcjpwYXNzd29yZA=="));
        assertEquals("a basic check failed", Redaction.redact("a basic check failed"));
    }

    @Test
    void a_json_web_token() {
        assertEquals("id [redacted] ok", Redaction.redact(
                "id eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJqYW5lIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U ok"));
    }

    @Test
    void google_access_and_refresh_tokens() {
        assertEquals("[redacted] then [redacted]", Redaction.redact("ya29.a0AfH6SMBx3-yZ_w9 then 1//0gAbCdEfGh-IjK"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sk_live_4eC39HqLyjWDarjtT1zdp7dc", "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
            "rk_live_51HqLyjWDarjtT1zd", "pk_live_51HqLyjWDarjtT1zd", "whsec_5WbX5kEWLlfzsGNjH64I8lOOqUB6e8FH"})
    void stripe_style_keys(String key) {
        assertEquals("key [redacted] leaked", Redaction.redact("key " + key + " leaked"));
        assertEquals("getBrand([redacted])", Redaction.redact("getBrand(" + key + ")"));
    }

    @Test
    void a_spaced_iban() {
        assertEquals("pay to [redacted] now", Redaction.redact("pay to GB82 WEST 1234 5698 7654 32 now"));
    }

    @Test
    void a_compact_iban() {
        assertEquals("iban=[redacted].", Redaction.redact("iban=DE89370400440532013000."));
        assertEquals("pay [redacted]", Redaction.redact("pay GB82WEST12345698765432"));
    }

    @Test
    void an_opaque_run_of_32_or_more_letters_and_digits() {
        assertEquals("key [redacted] leaked", Redaction.redact("key sk9f8a7s6d5f4g3h2j1k0l9z8x7c6v5b4n leaked"));
        assertEquals("b64 [redacted] end", Redaction.redact("b64 QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0MjQy== end"));
    }

    @Test
    void control_characters_are_escaped_so_no_line_can_be_forged() {
        String forged = "x\n19:00:00.000 ERROR com.breakagency.boundary FAKE LINE\r\tend\u2028\u2029\u0000\u0085\u007f";

        String redacted = Redaction.redact(forged);

        assertEquals("x\\n19:00:00.000 ERROR com.breakagency.boundary FAKE LINE\\r\\tend\\u2028\\u2029\\u0000\\u0085"
                + "\\u007f", redacted);
        assertTrue(redacted.chars().noneMatch(c -> Character.getType(c) == Character.CONTROL));
        assertTrue(Redaction.containsSensitive(forged));
    }

    @Test
    void a_long_text_is_cut_with_a_marker_and_stays_cut() {
        String longText = "word ".repeat(5_000) + "password=hunter2";

        String redacted = Redaction.redact(longText);

        assertEquals(Redaction.MAX_LENGTH, redacted.length());
        assertTrue(redacted.endsWith(" " + Redaction.TRUNCATED), redacted);
        assertEquals(redacted, Redaction.redact(redacted));
        assertFalse(redacted.contains("hunter2"));
    }

    @Test
    void a_cut_never_leaves_half_a_placeholder_that_redacts_differently_next_time() {
        for (int offset = 0; offset < 24; offset++) {
            String text = "x".repeat(Redaction.MAX_LENGTH - 20 + offset) + " password=hunter2 token=[redacted] more";
            String once = Redaction.redact(text);
            assertTrue(once.length() <= Redaction.MAX_LENGTH, once::toString);
            assertEquals(once, Redaction.redact(once), "offset " + offset);
            assertFalse(once.contains("hunter2"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "brand 123e4567-e89b-12d3-a456-426614174000 was archived",
            "trace 4bf92f3577b34da6a3ce929d0e0e4736 sampled",
            "java.lang.IllegalStateException: no unit of work is running on this thread",
            "com.breakagency.adapter.jdbc.JdbcCommissionLines",
            "CONFLICT/ALREADY_EXISTS: Another brand already uses the same domains.",
            "Invoice INV-2026-0042 was paid twice; 3 commissions pending.",
            "GB82 was the first group; DE89 the second",
            "the token type is opaque",
            "a basic check failed",
            "C:\\temp\\file.txt is a path",
            "user@localhost is not an address"})
    void identifiers_and_prose_are_kept(String text) {
        assertEquals(text, Redaction.redact(text));
    }
}
