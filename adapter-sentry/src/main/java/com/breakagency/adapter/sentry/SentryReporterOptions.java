package com.breakagency.adapter.sentry;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What {@link SentryErrorReporter#create(SentryReporterOptions)} needs to run its own Sentry client.
 * Start from {@link #builder()}; every option has a default in a {@code DEFAULT_*} constant.
 *
 * <p>Without a DSN the reporter is a no-op: it opens no connection and starts no thread.
 * {@link #toString()} never shows the DSN's key.
 *
 * @param dsn            the Sentry DSN, such as {@code https://<public key>@o1.ingest.sentry.io/42}; empty
 *                       turns reporting off
 * @param environment    the environment events are filed under
 * @param release        the release events are filed under, if any
 * @param sampleRate     the share of reports sent, from 0.0 (none) to 1.0 (all)
 * @param flushTimeout   how long {@code close()} waits for queued reports to be sent
 * @param connectTimeout how long one send waits to connect
 * @param readTimeout    how long one send waits for Sentry's answer
 * @param queueCapacity  how many reports may wait to be sent; past that, new ones are dropped and counted
 */
public record SentryReporterOptions(Optional<String> dsn, String environment, Optional<String> release,
                                    double sampleRate, Duration flushTimeout, Duration connectTimeout,
                                    Duration readTimeout, int queueCapacity) {

    /** The environment when none is given: {@value}. */
    public static final String DEFAULT_ENVIRONMENT = "production";
    /** The sample rate when none is given: every report is sent. */
    public static final double DEFAULT_SAMPLE_RATE = 1.0;
    /** How long {@code close()} waits for queued reports when not told: 2 seconds. */
    public static final Duration DEFAULT_FLUSH_TIMEOUT = Duration.ofSeconds(2);
    /** The connect timeout when none is given: 2 seconds. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** The read timeout when none is given: 5 seconds. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(5);
    /** How many reports may wait to be sent when not told: {@value} (the Sentry SDK's own default). */
    public static final int DEFAULT_QUEUE_CAPACITY = 30;

    /** The longest timeout accepted, for any of the three. */
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(1);
    /** The largest queue accepted. */
    public static final int MAX_QUEUE_CAPACITY = 10_000;

    private static final Pattern PROJECT_ID = Pattern.compile(".*/\\d+/?");

    /**
     * Validates and normalizes: a blank DSN or release becomes empty.
     *
     * @throws IllegalArgumentException if an option is out of range or the DSN is not a Sentry DSN; the
     *                                  message names the option, never the DSN's key
     */
    public SentryReporterOptions {
        Objects.requireNonNull(dsn, "dsn");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(flushTimeout, "flushTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        dsn = dsn.map(String::strip).filter(s -> !s.isEmpty());
        release = release.map(String::strip).filter(s -> !s.isEmpty());
        dsn.ifPresent(SentryReporterOptions::checkDsn);
        checkName("environment", environment, 64);
        release.ifPresent(r -> checkName("release", r, 200));
        if (!(sampleRate >= 0.0 && sampleRate <= 1.0)) {
            throw new IllegalArgumentException("sampleRate must be between 0.0 and 1.0, was " + sampleRate);
        }
        checkTimeout("flushTimeout", flushTimeout);
        checkTimeout("connectTimeout", connectTimeout);
        checkTimeout("readTimeout", readTimeout);
        if (queueCapacity < 1 || queueCapacity > MAX_QUEUE_CAPACITY) {
            throw new IllegalArgumentException("queueCapacity must be between 1 and " + MAX_QUEUE_CAPACITY
                    + ", was " + queueCapacity);
        }
    }

    /**
     * Starts a builder with every default set and no DSN.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether a DSN is set, so that reports are sent.
     *
     * @return true with a DSN
     */
    public boolean enabled() {
        return dsn.isPresent();
    }

    /**
     * The host part of the DSN, safe to show: the DSN without its key.
     *
     * @return such as {@code o1.ingest.sentry.io}, or {@code "none"} without a DSN
     */
    public String dsnHost() {
        return dsn.map(d -> URI.create(d).getHost()).orElse("none");
    }

    /** Shows every option; the DSN only as its host. */
    @Override
    public String toString() {
        return "SentryReporterOptions[dsnHost=" + dsnHost() + ", environment=" + environment
                + ", release=" + release.orElse("none") + ", sampleRate=" + sampleRate
                + ", flushTimeout=" + flushTimeout + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + ", queueCapacity=" + queueCapacity + "]";
    }

    private static void checkDsn(String dsn) {
        String expected = "dsn must look like https://<public key>@<host>/<project id>";
        URI uri;
        try {
            uri = new URI(dsn);
        } catch (URISyntaxException notAUri) {
            throw new IllegalArgumentException(expected + "; it is not a URI");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))) {
            throw new IllegalArgumentException(expected + "; its scheme must be https or http");
        }
        if (uri.getRawUserInfo() == null || uri.getRawUserInfo().isEmpty()) {
            throw new IllegalArgumentException(expected + "; the public key is missing");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(expected + "; the host is missing");
        }
        if (uri.getPath() == null || !PROJECT_ID.matcher(uri.getPath()).matches()) {
            throw new IllegalArgumentException(expected + "; the project id is missing");
        }
    }

    private static void checkName(String option, String value, int maxLength) {
        if (value.isBlank() || value.length() > maxLength) {
            throw new IllegalArgumentException(option + " must be 1 to " + maxLength + " characters");
        }
        if (value.contains("/") || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(option + " must not contain '/' or control characters");
        }
    }

    private static void checkTimeout(String option, Duration value) {
        if (value.toMillis() < 1 || value.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException(option + " must be between 1 ms and " + MAX_TIMEOUT.toSeconds()
                    + " s, was " + value);
        }
    }

    /** Collects options; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private String dsn;
        private String environment = DEFAULT_ENVIRONMENT;
        private String release;
        private double sampleRate = DEFAULT_SAMPLE_RATE;
        private Duration flushTimeout = DEFAULT_FLUSH_TIMEOUT;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private int queueCapacity = DEFAULT_QUEUE_CAPACITY;

        private Builder() {
        }

        /**
         * Sets the DSN. Defaults to none, which turns reporting off; null or blank means none.
         *
         * @param value the project's DSN
         * @return this builder
         */
        public Builder dsn(String value) {
            this.dsn = value;
            return this;
        }

        /**
         * Sets the environment. Defaults to {@link #DEFAULT_ENVIRONMENT}.
         *
         * @param value such as {@code staging}
         * @return this builder
         */
        public Builder environment(String value) {
            this.environment = Objects.requireNonNull(value, "environment");
            return this;
        }

        /**
         * Sets the release. Defaults to none; null or blank means none.
         *
         * @param value such as {@code back-office@1.4.2}
         * @return this builder
         */
        public Builder release(String value) {
            this.release = value;
            return this;
        }

        /**
         * Sets the share of reports sent. Defaults to {@link #DEFAULT_SAMPLE_RATE}.
         *
         * @param value from 0.0 to 1.0
         * @return this builder
         */
        public Builder sampleRate(double value) {
            this.sampleRate = value;
            return this;
        }

        /**
         * Sets how long {@code close()} waits for queued reports. Defaults to {@link #DEFAULT_FLUSH_TIMEOUT}.
         *
         * @param value from 1 ms to {@link #MAX_TIMEOUT}
         * @return this builder
         */
        public Builder flushTimeout(Duration value) {
            this.flushTimeout = Objects.requireNonNull(value, "flushTimeout");
            return this;
        }

        /**
         * Sets the connect timeout of one send. Defaults to {@link #DEFAULT_CONNECT_TIMEOUT}.
         *
         * @param value from 1 ms to {@link #MAX_TIMEOUT}
         * @return this builder
         */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = Objects.requireNonNull(value, "connectTimeout");
            return this;
        }

        /**
         * Sets the read timeout of one send. Defaults to {@link #DEFAULT_READ_TIMEOUT}.
         *
         * @param value from 1 ms to {@link #MAX_TIMEOUT}
         * @return this builder
         */
        public Builder readTimeout(Duration value) {
            this.readTimeout = Objects.requireNonNull(value, "readTimeout");
            return this;
        }

        /**
         * Sets how many reports may wait to be sent. Defaults to {@link #DEFAULT_QUEUE_CAPACITY}.
         *
         * @param value from 1 to {@link #MAX_QUEUE_CAPACITY}
         * @return this builder
         */
        public Builder queueCapacity(int value) {
            this.queueCapacity = value;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the options
         * @throws IllegalArgumentException if an option is out of range or the DSN is malformed
         */
        public SentryReporterOptions build() {
            return new SentryReporterOptions(Optional.ofNullable(dsn), environment, Optional.ofNullable(release),
                    sampleRate, flushTimeout, connectTimeout, readTimeout, queueCapacity);
        }
    }
}
