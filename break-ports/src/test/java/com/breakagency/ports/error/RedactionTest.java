package com.breakagency.ports.error;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedactionTest {

    /** A text, and the part of it that must not survive redaction. */
    static Stream<Arguments> sensitive() {
        return Stream.of(
                Arguments.of("plain email", "mail jane@brand.com about it", "jane@brand.com"),
                Arguments.of("email with plus and subdomain", "to jane.doe+deals@mail.brand.co.uk now",
                        "jane.doe+deals@mail.brand.co.uk"),
                Arguments.of("bearer credential", "Authorization: Bearer xyz", "xyz"),
                Arguments.of("bearer credential, lower case", "sent bearer abc.DEF-123_456", "abc.DEF-123_456"),
                Arguments.of("refresh_token in a form body", "grant_type=refresh_token&refresh_token=1//0gAbCdEfGh-IjK",
                        "1//0gAbCdEfGh-IjK"),
                Arguments.of("refresh_token, short value", "refresh_token=abc123secret failed", "abc123secret"),
                Arguments.of("access_token in a query", "GET /me?access_token=tok3nValue&fields=id", "tok3nValue"),
                Arguments.of("client_secret", "client_id=app&client_secret=GOCSPX-s3cr3t", "GOCSPX-s3cr3t"),
                Arguments.of("OAuth code in a query", "callback?state=s1&code=4/0AbCdEf-gh&scope=mail", "4/0AbCdEf-gh"),
                Arguments.of("access_token in JSON", "{\"access_token\": \"opaque-v4lue\", \"expires_in\": 3599}",
                        "opaque-v4lue"),
                Arguments.of("refresh_token in compact JSON", "{\"refresh_token\":\"r3fresh-value\"}", "r3fresh-value"),
                Arguments.of("JSON web token",
                        "id eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
                        "eyJhbGciOiJIUzI1NiJ9"),
                Arguments.of("Google access token", "token ya29.a0AfH6SMBx3-yZ_w9 expired", "ya29.a0AfH6SMBx3-yZ_w9"),
                Arguments.of("opaque 32+ character string", "key sk9f8a7s6d5f4g3h2j1k0l9z8x7c6v5b4n leaked",
                        "sk9f8a7s6d5f4g3h2j1k0l9z8x7c6v5b4n"),
                Arguments.of("hex secret longer than a trace id", "key 4bf92f3577b34da6a3ce929d0e0e4736ff leaked",
                        "4bf92f3577b34da6a3ce929d0e0e4736ff"),
                Arguments.of("password", "login failed for password: hunter2", "hunter2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sensitive")
    void sensitive_values_are_removed(String name, String text, String secret) {
        String redacted = Redaction.redact(text);

        assertFalse(redacted.contains(secret), redacted);
        assertTrue(Redaction.containsSensitive(text));
    }

    @Test
    void an_email_becomes_a_placeholder_and_the_words_around_it_stay() {
        assertEquals("mail [email] about it", Redaction.redact("mail jane@brand.com about it"));
        assertEquals("Authorization: Bearer [redacted]", Redaction.redact("Authorization: Bearer xyz"));
        assertEquals("callback?state=s1&code=[redacted]&scope=mail",
                Redaction.redact("callback?state=s1&code=4/0AbCdEf-gh&scope=mail"));
        assertEquals("{\"access_token\": \"[redacted]\", \"expires_in\": 3599}",
                Redaction.redact("{\"access_token\": \"opaque-v4lue\", \"expires_in\": 3599}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "123e4567-e89b-12d3-a456-426614174000",
            "brand 123e4567-e89b-12d3-a456-426614174000 was archived",
            "com.breakagency.core.boundary.Boundary",
            "java.lang.IllegalStateException: no unit of work is running on this thread",
            "correlationId=req-2026-01-05-0001",
            "urn:break:correlation:7c9e6679-7425-40de-944b-e07fc1f90ae7",
            "trace 4bf92f3577b34da6a3ce929d0e0e4736 sampled",
            "error code: WORKFLOW_BREAK",
            "CONFLICT/VERSION_MISMATCH: The brand was changed by someone else. Reload it and try again.",
            "Invoice INV-2026-0042 was paid twice; 3 commissions pending.",
            "AbstractBrandStoreContractTestSupport",
            ""})
    void identifiers_class_names_and_prose_are_kept(String text) {
        assertEquals(text, Redaction.redact(text));
        assertFalse(Redaction.containsSensitive(text));
    }

    @Test
    void null_text_stays_null() {
        assertNull(Redaction.redact((String) null));
        assertNull(Redaction.redact((Throwable) null));
        assertFalse(Redaction.containsSensitive(null));
    }

    @Test
    void a_redacted_throwable_keeps_the_class_name_and_the_stack_trace() {
        RuntimeException original = new IllegalArgumentException("bad input from jane@brand.com");

        RedactedThrowable redacted = Redaction.redact(original);

        assertEquals("java.lang.IllegalArgumentException", redacted.originalClassName());
        assertEquals("java.lang.IllegalArgumentException: bad input from [email]", redacted.toString());
        assertArrayEquals(original.getStackTrace(), redacted.getStackTrace());
        assertTrue(redacted.getStackTrace().length > 0);
    }

    @Test
    void the_message_names_the_original_class_because_loggers_print_the_runtime_class_and_the_message() {
        RedactedThrowable redacted = Redaction.redact(
                new IllegalStateException("outer", new NullPointerException()));

        assertEquals("java.lang.IllegalStateException: outer", redacted.getMessage());
        assertEquals("outer", redacted.redactedMessage());
        RedactedThrowable cause = (RedactedThrowable) redacted.getCause();
        assertEquals("java.lang.NullPointerException", cause.getMessage());
        assertNull(cause.redactedMessage());
        assertEquals("java.lang.NullPointerException", cause.toString());
    }

    @Test
    void a_redacted_throwable_inside_a_chain_is_not_prefixed_twice() {
        RedactedThrowable inner = Redaction.redact(new IllegalStateException("inner for jane@brand.com"));
        RuntimeException outer = new RuntimeException("outer", inner);

        RedactedThrowable redacted = Redaction.redact(outer);

        assertEquals("java.lang.IllegalStateException: inner for [email]", redacted.getCause().getMessage());
    }

    @Test
    void the_whole_cause_chain_and_the_suppressed_exceptions_are_redacted() {
        IOException root = new IOException("connect to db failed, password=hunter2");
        IllegalStateException middle = new IllegalStateException("refresh for jane@brand.com", root);
        RuntimeException top = new RuntimeException("sync failed: access_token=abc123secret", middle);
        top.addSuppressed(new IllegalArgumentException("close failed, client_secret=abc123secret"));
        middle.addSuppressed(new UnsupportedOperationException("nested suppressed for bob@brand.com"));

        RedactedThrowable redacted = Redaction.redact(top);
        String printed = printed(redacted);

        for (String secret : new String[] {"hunter2", "jane@brand.com", "abc123secret", "bob@brand.com"}) {
            assertFalse(printed.contains(secret), () -> secret + " in\n" + printed);
        }
        for (String className : new String[] {"java.lang.RuntimeException", "java.lang.IllegalStateException",
                "java.io.IOException", "java.lang.IllegalArgumentException",
                "java.lang.UnsupportedOperationException"}) {
            assertTrue(printed.contains(className), () -> className + " missing from\n" + printed);
        }
        assertTrue(printed.contains("Caused by: java.lang.IllegalStateException: refresh for [email]"), printed);
        assertTrue(printed.contains("Suppressed: java.lang.IllegalArgumentException"), printed);
        assertTrue(printed.contains("\tat " + RedactionTest.class.getName()), printed);
        RedactedThrowable cause = (RedactedThrowable) redacted.getCause();
        assertEquals("java.io.IOException", ((RedactedThrowable) cause.getCause()).originalClassName());
        assertEquals(1, cause.getSuppressed().length);
        assertArrayEquals(root.getStackTrace(), cause.getCause().getStackTrace());
    }

    @Test
    void a_cause_cycle_is_cut_instead_of_followed_forever() {
        RuntimeException first = new RuntimeException("first, token=abc123secret");
        IllegalStateException second = new IllegalStateException("second, jane@brand.com");
        first.initCause(second);
        second.initCause(first);

        RedactedThrowable redacted = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Redaction.redact(first));

        assertEquals("java.lang.IllegalStateException", ((RedactedThrowable) redacted.getCause()).originalClassName());
        assertNull(redacted.getCause().getCause());
        String printed = printed(redacted);
        assertFalse(printed.contains("abc123secret"), printed);
        assertFalse(printed.contains("jane@brand.com"), printed);
    }

    @Test
    void a_throwable_suppressing_its_own_cause_is_redacted_once() {
        IllegalStateException cause = new IllegalStateException("cause for jane@brand.com");
        RuntimeException top = new RuntimeException("top", cause);
        top.addSuppressed(cause);

        RedactedThrowable redacted = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Redaction.redact(top));

        assertFalse(printed(redacted).contains("jane@brand.com"));
    }

    @Test
    void an_already_redacted_throwable_is_returned_as_it_is() {
        RedactedThrowable once = Redaction.redact(new RuntimeException("x jane@brand.com"));

        assertSame(once, Redaction.redact(once));
    }

    private static String printed(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
