package com.breakagency.spring.boot;

import com.breakagency.core.BreakAgencyBuilder;
import com.breakagency.adapter.jdbc.Dialect;
import com.breakagency.adapter.jdbc.JdbcPersistence;
import com.breakagency.core.BreakAgency;
import com.breakagency.core.PendingCommissionsPolicy;
import com.breakagency.core.Backoff;
import com.breakagency.micrometer.MicrometerTelemetry;
import com.breakagency.ports.error.Severity;
import com.breakagency.ports.validation.Patterns;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Every option of {@code BreakAgency.builder()} and {@code JdbcPersistence.builder(...)} as a {@code break.*}
 * property, each defaulting to the builder's {@code DEFAULT_*} constant. Values outside a builder's documented
 * range fail the start-up, naming the property. Instances are mutable beans that Spring binds; read them only
 * after binding.
 */
@ConfigurationProperties(prefix = "break")
public class BreakProperties implements Validator {

    private static final Pattern WORKER_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern SCHEMA = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    /** The length of an AES-256 key, in bytes. */
    private static final int KEY_BYTES = 32;

    /** The level client errors (VALIDATION_FAILED, UNAUTHENTICATED, NOT_FOUND, CONFLICT, RATE_LIMITED) are logged at: DEBUG, INFO or WARN. */
    private Severity clientErrorLogLevel = BreakAgencyBuilder.DEFAULT_CLIENT_ERROR_LOG_LEVEL;

    private final Worker worker = new Worker();
    private final Retry backoff = new Retry();
    private final Janitor janitor = new Janitor();
    private final Finance finance = new Finance();
    private final Jdbc jdbc = new Jdbc();
    private final Web web = new Web();
    private final Metrics metrics = new Metrics();
    private final Integrations integrations = new Integrations();

    /** Creates the defaults. */
    public BreakProperties() {
    }

    /**
     * The level client errors are logged at.
     *
     * @return DEBUG, INFO or WARN
     */
    public Severity getClientErrorLogLevel() {
        return clientErrorLogLevel;
    }

    /**
     * Sets the level client errors are logged at.
     *
     * @param value DEBUG, INFO or WARN
     */
    public void setClientErrorLogLevel(Severity value) {
        this.clientErrorLogLevel = value;
    }

    /**
     * The background worker's options ({@code break.worker.*}).
     *
     * @return the options
     */
    public Worker getWorker() {
        return worker;
    }

    /**
     * The retry policy of failed steps ({@code break.backoff.*}).
     *
     * @return the options
     */
    public Retry getBackoff() {
        return backoff;
    }

    /**
     * The janitor's options ({@code break.janitor.*}).
     *
     * @return the options
     */
    public Janitor getJanitor() {
        return janitor;
    }

    /**
     * The finance options ({@code break.finance.*}).
     *
     * @return the options
     */
    public Finance getFinance() {
        return finance;
    }

    /**
     * The JDBC persistence options ({@code break.jdbc.*}).
     *
     * @return the options
     */
    public Jdbc getJdbc() {
        return jdbc;
    }

    /**
     * The web options ({@code break.web.*}).
     *
     * @return the options
     */
    public Web getWeb() {
        return web;
    }

    /**
     * The metrics options ({@code break.metrics.*}).
     *
     * @return the options
     */
    public Metrics getMetrics() {
        return metrics;
    }

    /**
     * The integration options ({@code break.integrations.*}): the keys tokens are sealed with.
     *
     * @return the options
     */
    public Integrations getIntegrations() {
        return integrations;
    }

    @Override
    public boolean supports(Class<?> type) {
        return BreakProperties.class.isAssignableFrom(type);
    }

    /**
     * The builders' documented ranges, checked at binding so that a value out of range fails the start-up
     * with the property's name.
     */
    @Override
    public void validate(Object target, Errors errors) {
        BreakProperties p = (BreakProperties) target;
        if (p.clientErrorLogLevel == Severity.ERROR) {
            reject(errors, "clientErrorLogLevel", "must be DEBUG, INFO or WARN; ERROR is for failures on Break's side");
        }
        if (p.worker.threads < 1 || p.worker.threads > 64) {
            reject(errors, "worker.threads", "must be 1 to 64");
        }
        atLeast(errors, "worker.pollInterval", p.worker.pollInterval, Duration.ofMillis(10));
        atLeast(errors, "worker.lease", p.worker.lease, Duration.ofSeconds(1));
        atLeast(errors, "worker.shutdownTimeout", p.worker.shutdownTimeout, Duration.ZERO);
        if (p.worker.id != null && !WORKER_ID.matcher(p.worker.id).matches()) {
            reject(errors, "worker.id", "must be 1 to 64 letters, digits, '.', '_', ':' or '-'");
        }
        if (p.backoff.base == null || p.backoff.base.isNegative() || p.backoff.base.isZero()) {
            reject(errors, "backoff.base", "must be more than zero");
        } else if (p.backoff.cap == null || p.backoff.cap.compareTo(p.backoff.base) < 0
                || p.backoff.cap.compareTo(Duration.ofDays(365)) > 0) {
            reject(errors, "backoff.cap", "must be at least break.backoff.base and at most 365 days");
        }
        if (p.backoff.maxAttempts < 1) {
            reject(errors, "backoff.maxAttempts", "must be 1 or more");
        }
        if (!(p.backoff.jitter >= 0 && p.backoff.jitter <= 0.5)) {
            reject(errors, "backoff.jitter", "must be between 0 and 0.5");
        }
        atLeast(errors, "janitor.interval", p.janitor.interval, Duration.ofSeconds(1));
        atLeast(errors, "janitor.gracePeriod", p.janitor.gracePeriod, Duration.ZERO);
        atLeast(errors, "finance.idempotencyRetention", p.finance.idempotencyRetention, Duration.ofHours(1));
        if (p.finance.paymentTerms == null || p.finance.paymentTerms.isNegative()) {
            reject(errors, "finance.paymentTerms", "must not be negative");
        }
        if (p.jdbc.schema == null || !SCHEMA.matcher(p.jdbc.schema).matches()) {
            reject(errors, "jdbc.schema", "must be a plain SQL name: a letter or underscore, then up to 62 letters, digits or underscores");
        }
        if (p.jdbc.serializationRetries < 0 || p.jdbc.serializationRetries > JdbcPersistence.MAX_SERIALIZATION_RETRIES) {
            reject(errors, "jdbc.serializationRetries", "must be 0 to " + JdbcPersistence.MAX_SERIALIZATION_RETRIES);
        }
        atLeast(errors, "metrics.queueRefresh", p.metrics.queueRefresh, Duration.ZERO);
        p.integrations.problems().forEach(problem -> errors.reject("keys", problem));
    }

    /** Rejects a field with a message that starts with the property's name, as a host writes it. */
    private static void reject(Errors errors, String field, String message) {
        String property = "break." + field.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
        errors.rejectValue(field, "range", property + " " + message);
    }

    private static void atLeast(Errors errors, String field, Duration value, Duration least) {
        if (value == null || value.compareTo(least) < 0) {
            reject(errors, field, "must be at least " + least);
        }
    }

    /** {@code break.worker.*}: the threads that run queued steps. */
    public static class Worker {

        /** Whether the worker threads and the janitor start once the context is refreshed. */
        private boolean enabled = true;
        /** How many threads run queued steps: 1 to 64. */
        private int threads = BreakAgencyBuilder.DEFAULT_WORKER_THREADS;
        /** How long a worker thread waits after finding nothing due: at least 10 ms. */
        private Duration pollInterval = BreakAgencyBuilder.DEFAULT_POLL_INTERVAL;
        /** How long a claim on a step holds: at least 1 s. */
        private Duration lease = BreakAgencyBuilder.DEFAULT_LEASE;
        /** How long closing the agency waits for running steps before it interrupts them. */
        private Duration shutdownTimeout = BreakAgencyBuilder.DEFAULT_SHUTDOWN_TIMEOUT;
        /** The id claims are made under: 1 to 64 letters, digits, '.', '_', ':' or '-'. Defaults to "break-" and a random UUID. */
        private String id;

        /** Creates the defaults. */
        public Worker() {
        }

        /** @return whether the worker starts with the context */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param value whether the worker starts with the context */
        public void setEnabled(boolean value) {
            this.enabled = value;
        }

        /** @return the worker threads */
        public int getThreads() {
            return threads;
        }

        /** @param value 1 to 64 */
        public void setThreads(int value) {
            this.threads = value;
        }

        /** @return the poll interval */
        public Duration getPollInterval() {
            return pollInterval;
        }

        /** @param value at least 10 ms */
        public void setPollInterval(Duration value) {
            this.pollInterval = value;
        }

        /** @return the lease */
        public Duration getLease() {
            return lease;
        }

        /** @param value at least 1 s */
        public void setLease(Duration value) {
            this.lease = value;
        }

        /** @return the shutdown timeout */
        public Duration getShutdownTimeout() {
            return shutdownTimeout;
        }

        /** @param value zero or more */
        public void setShutdownTimeout(Duration value) {
            this.shutdownTimeout = value;
        }

        /** @return the worker id, null for a random one */
        public String getId() {
            return id;
        }

        /** @param value the worker id */
        public void setId(String value) {
            this.id = value;
        }
    }

    /** {@code break.backoff.*}: delays between the attempts of a failed step. */
    public static class Retry {

        /** The delay after the first failed attempt. */
        private Duration base = Backoff.DEFAULT_BASE;
        /** The longest delay: at least the base, at most 365 days. */
        private Duration cap = Backoff.DEFAULT_CAP;
        /** How many attempts a step gets before it is DEAD. */
        private int maxAttempts = Backoff.DEFAULT_MAX_ATTEMPTS;
        /** The random spread of each delay, as a fraction: 0 to 0.5. */
        private double jitter = Backoff.DEFAULT_JITTER;

        /** Creates the defaults. */
        public Retry() {
        }

        /** @return the base delay */
        public Duration getBase() {
            return base;
        }

        /** @param value more than zero */
        public void setBase(Duration value) {
            this.base = value;
        }

        /** @return the cap */
        public Duration getCap() {
            return cap;
        }

        /** @param value at least the base */
        public void setCap(Duration value) {
            this.cap = value;
        }

        /** @return the attempts */
        public int getMaxAttempts() {
            return maxAttempts;
        }

        /** @param value 1 or more */
        public void setMaxAttempts(int value) {
            this.maxAttempts = value;
        }

        /** @return the jitter */
        public double getJitter() {
            return jitter;
        }

        /** @param value 0 to 0.5 */
        public void setJitter(double value) {
            this.jitter = value;
        }

        Backoff toBackoff() {
            return new Backoff(base, cap, maxAttempts, jitter);
        }
    }

    /** {@code break.janitor.*}: the sweep for broken states. */
    public static class Janitor {

        /** How often the janitor sweeps once the worker has started: at least 1 s. */
        private Duration interval = BreakAgencyBuilder.DEFAULT_JANITOR_INTERVAL;
        /** How old a broken state must be before the janitor repairs it. */
        private Duration gracePeriod = BreakAgencyBuilder.DEFAULT_JANITOR_GRACE_PERIOD;

        /** Creates the defaults. */
        public Janitor() {
        }

        /** @return the interval */
        public Duration getInterval() {
            return interval;
        }

        /** @param value at least 1 s */
        public void setInterval(Duration value) {
            this.interval = value;
        }

        /** @return the grace period */
        public Duration getGracePeriod() {
            return gracePeriod;
        }

        /** @param value zero or more */
        public void setGracePeriod(Duration value) {
            this.gracePeriod = value;
        }
    }

    /** {@code break.finance.*}: payments and commissions. */
    public static class Finance {

        /** How long an idempotency key is remembered at least: one hour or more. */
        private Duration idempotencyRetention = BreakAgencyBuilder.DEFAULT_IDEMPOTENCY_RETENTION;
        /** The due date of an invoice issued without one, after its issue day. */
        private Period paymentTerms = BreakAgencyBuilder.DEFAULT_PAYMENT_TERMS;
        /** What happens to a payment whose commissions cannot be computed. */
        private PendingCommissionsPolicy pendingCommissions = BreakAgencyBuilder.DEFAULT_PENDING_COMMISSIONS;

        /** Creates the defaults. */
        public Finance() {
        }

        /** @return the retention */
        public Duration getIdempotencyRetention() {
            return idempotencyRetention;
        }

        /** @param value one hour or more */
        public void setIdempotencyRetention(Duration value) {
            this.idempotencyRetention = value;
        }

        /** @return the payment terms */
        public Period getPaymentTerms() {
            return paymentTerms;
        }

        /** @param value zero or more days */
        public void setPaymentTerms(Period value) {
            this.paymentTerms = value;
        }

        /** @return the policy */
        public PendingCommissionsPolicy getPendingCommissions() {
            return pendingCommissions;
        }

        /** @param value the policy */
        public void setPendingCommissions(PendingCommissionsPolicy value) {
            this.pendingCommissions = value;
        }
    }

    /** {@code break.jdbc.*}: the stores on the host's DataSource. */
    public static class Jdbc {

        /** The schema Break's tables live in, created by the migration when missing. */
        private String schema = JdbcPersistence.DEFAULT_SCHEMA;
        /** Whether pending schema migrations run when the agency is created. */
        private boolean migrateOnStart = JdbcPersistence.DEFAULT_MIGRATE_ON_START;
        /** How many times a unit of work is rerun after a deadlock or serialization failure: 0 to 20. */
        private int serializationRetries = JdbcPersistence.DEFAULT_SERIALIZATION_RETRIES;
        /** The database's dialect; detected from the database when not set. */
        private Dialect dialect;

        /** Creates the defaults. */
        public Jdbc() {
        }

        /** @return the schema */
        public String getSchema() {
            return schema;
        }

        /** @param value a plain SQL name */
        public void setSchema(String value) {
            this.schema = value;
        }

        /** @return whether to migrate on start */
        public boolean isMigrateOnStart() {
            return migrateOnStart;
        }

        /** @param value whether to migrate on start */
        public void setMigrateOnStart(boolean value) {
            this.migrateOnStart = value;
        }

        /** @return the retries */
        public int getSerializationRetries() {
            return serializationRetries;
        }

        /** @param value 0 to 20 */
        public void setSerializationRetries(int value) {
            this.serializationRetries = value;
        }

        /** @return the dialect, null when detected */
        public Dialect getDialect() {
            return dialect;
        }

        /** @param value the dialect */
        public void setDialect(Dialect value) {
            this.dialect = value;
        }
    }

    /** {@code break.web.*}: Spring MVC support. */
    public static class Web {

        /** Whether BreakExceptions render as problem+json and controllers can take an OperationContext. */
        private boolean enabled = true;

        /** Creates the defaults. */
        public Web() {
        }

        /** @return whether web support is on */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param value whether web support is on */
        public void setEnabled(boolean value) {
            this.enabled = value;
        }
    }

    /** {@code break.metrics.*}: the Micrometer meters. */
    public static class Metrics {

        /** Whether Break's meters go to the host's MeterRegistry when there is one. */
        private boolean enabled = true;
        /** How long one read of the work queue serves the queue gauges. */
        private Duration queueRefresh = MicrometerTelemetry.DEFAULT_QUEUE_REFRESH;

        /** Creates the defaults. */
        public Metrics() {
        }

        /** @return whether the meters are on */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param value whether the meters are on */
        public void setEnabled(boolean value) {
            this.enabled = value;
        }

        /** @return the refresh interval */
        public Duration getQueueRefresh() {
            return queueRefresh;
        }

        /** @param value zero or more */
        public void setQueueRefresh(Duration value) {
            this.queueRefresh = value;
        }
    }

    /**
     * {@code break.integrations.*}: the AES-256-GCM keys connections' tokens are sealed with. The keys are secrets:
     * they never appear in a log line, an error message or an Actuator endpoint (the starter masks
     * {@code break.integrations.keys.*} in {@code /actuator/env} and {@code /actuator/configprops}).
     */
    public static class Integrations {

        /** Whether an OAuthProvider bean turns integrations on: with keys or a SecretCipher bean, else the start-up fails. */
        private boolean enabled = true;
        /** The id of the key new tokens are sealed with; one of break.integrations.keys. */
        private String currentKey;
        /** Key id to the key, as base64 of 32 random bytes (AES-256); keep older keys until nothing sealed with them is left. Secret. */
        private Map<String, String> keys = new LinkedHashMap<>();

        /** Creates the defaults. */
        public Integrations() {
        }

        /** @return whether integrations are wired when the host has an OAuthProvider bean */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param value whether integrations are wired when the host has an OAuthProvider bean */
        public void setEnabled(boolean value) {
            this.enabled = value;
        }

        /** @return the id of the key to seal with, null when none is set */
        public String getCurrentKey() {
            return currentKey;
        }

        /** @param value the id of the key to seal with */
        public void setCurrentKey(String value) {
            this.currentKey = value;
        }

        /** @return key id to base64 key; the values are secrets */
        public Map<String, String> getKeys() {
            return keys;
        }

        /** @param value key id to base64 key */
        public void setKeys(Map<String, String> value) {
            this.keys = value == null ? new LinkedHashMap<>() : value;
        }

        /**
         * Whether keys are configured at all: a current key or any key.
         *
         * @return true when {@code break.integrations.current-key} or a {@code break.integrations.keys.*} is set
         */
        public boolean hasKeys() {
            return currentKey != null || !keys.isEmpty();
        }

        /**
         * What is wrong with the keys, each naming the property and never a key's value; empty when they are
         * absent or usable.
         *
         * @return the problems
         */
        List<String> problems() {
            List<String> problems = new ArrayList<>();
            if (!hasKeys()) {
                return problems;
            }
            if (currentKey == null || currentKey.isBlank()) {
                problems.add("break.integrations.current-key must name the key new tokens are sealed with, one of "
                        + "break.integrations.keys");
            } else if (!keys.containsKey(currentKey)) {
                problems.add("break.integrations.current-key names a key that break.integrations.keys does not hold: "
                        + "set break.integrations.keys." + (Patterns.isId(currentKey) ? currentKey : "<id>"));
            }
            keys.forEach((id, value) -> {
                String property = "break.integrations.keys." + (Patterns.isId(id) ? id : "<id>");
                if (!Patterns.isId(id)) {
                    problems.add(property + ": a key id is 1 to 64 letters, digits, '.', '_' or '-'");
                } else if (decode(value) == null) {
                    problems.add(property + " must be base64 of " + KEY_BYTES + " random bytes (AES-256)");
                }
            });
            return problems;
        }

        /**
         * The keys as bytes, for {@code BreakAgency.builder().secretKeys(...)}; call only when {@link #problems()}
         * is empty.
         *
         * @return key id to 32 bytes, a new map
         */
        Map<String, byte[]> decodedKeys() {
            Map<String, byte[]> decoded = new LinkedHashMap<>();
            keys.forEach((id, value) -> decoded.put(id, decode(value)));
            return decoded;
        }

        /** The key's bytes, or null when the text is not base64 (plain or URL-safe) of exactly 32 bytes. */
        private static byte[] decode(String value) {
            if (value == null) {
                return null;
            }
            String text = value.strip();
            for (Base64.Decoder decoder : List.of(Base64.getDecoder(), Base64.getUrlDecoder())) {
                try {
                    byte[] bytes = decoder.decode(text);
                    if (bytes.length == KEY_BYTES) {
                        return bytes;
                    }
                } catch (IllegalArgumentException notThisAlphabet) {
                    // try the other alphabet; the value itself is never part of a message
                }
            }
            return null;
        }
    }
}
