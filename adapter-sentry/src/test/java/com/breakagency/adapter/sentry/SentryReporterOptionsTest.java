package com.breakagency.adapter.sentry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class SentryReporterOptionsTest {

    private static final String DSN = "https://0123456789abcdef0123456789abcdef@o1.ingest.sentry.io/42";

    @Test
    void the_builder_starts_from_the_documented_defaults() {
        SentryReporterOptions options = SentryReporterOptions.builder().build();
        assertEquals(Optional.empty(), options.dsn());
        assertFalse(options.enabled());
        assertEquals(SentryReporterOptions.DEFAULT_ENVIRONMENT, options.environment());
        assertEquals(Optional.empty(), options.release());
        assertEquals(SentryReporterOptions.DEFAULT_SAMPLE_RATE, options.sampleRate());
        assertEquals(SentryReporterOptions.DEFAULT_FLUSH_TIMEOUT, options.flushTimeout());
        assertEquals(SentryReporterOptions.DEFAULT_CONNECT_TIMEOUT, options.connectTimeout());
        assertEquals(SentryReporterOptions.DEFAULT_READ_TIMEOUT, options.readTimeout());
        assertEquals(SentryReporterOptions.DEFAULT_QUEUE_CAPACITY, options.queueCapacity());
    }

    @Test
    void a_blank_dsn_or_release_means_none() {
        SentryReporterOptions options = SentryReporterOptions.builder().dsn("  ").release(" ").build();
        assertEquals(Optional.empty(), options.dsn());
        assertEquals(Optional.empty(), options.release());
    }

    @Test
    void to_string_shows_the_dsns_host_but_never_its_key() {
        SentryReporterOptions options = SentryReporterOptions.builder().dsn(DSN).build();
        assertTrue(options.toString().contains("o1.ingest.sentry.io"), options.toString());
        assertFalse(options.toString().contains("0123456789abcdef"), options.toString());
    }

    @Test
    void a_malformed_dsn_is_refused_without_echoing_it() {
        for (String dsn : new String[] {"not a dsn 0123456789abcdef", "ftp://0123456789abcdef@host/1",
                "https://o1.ingest.sentry.io/42", "https://0123456789abcdef@o1.ingest.sentry.io/",
                "https://0123456789abcdef@/42"}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> SentryReporterOptions.builder().dsn(dsn).build(), dsn);
            assertTrue(refused.getMessage().startsWith("dsn must look like https://<public key>@<host>/<project id>"),
                    refused.getMessage());
            assertFalse(refused.getMessage().contains("0123456789abcdef"), refused.getMessage());
        }
    }

    @Test
    void out_of_range_options_are_refused_with_the_options_name() {
        assertRefused("sampleRate must be between 0.0 and 1.0, was 1.5", b -> b.sampleRate(1.5));
        assertRefused("sampleRate must be between 0.0 and 1.0, was NaN", b -> b.sampleRate(Double.NaN));
        assertRefused("flushTimeout must be between 1 ms and 60 s, was PT0S", b -> b.flushTimeout(Duration.ZERO));
        assertRefused("connectTimeout must be between 1 ms and 60 s, was PT-1S", b -> b.connectTimeout(Duration.ofSeconds(-1)));
        assertRefused("readTimeout must be between 1 ms and 60 s, was PT2M", b -> b.readTimeout(Duration.ofMinutes(2)));
        assertRefused("queueCapacity must be between 1 and 10000, was 0", b -> b.queueCapacity(0));
        assertRefused("environment must be 1 to 64 characters", b -> b.environment(" "));
        assertRefused("environment must not contain '/' or control characters", b -> b.environment("eu/prod"));
        assertRefused("release must not contain '/' or control characters", b -> b.release("1.0\tbeta"));
    }

    private static void assertRefused(String message, UnaryOperator<SentryReporterOptions.Builder> setting) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> setting.apply(SentryReporterOptions.builder().dsn(DSN)).build());
        assertEquals(message, refused.getMessage());
    }
}
