package com.breakagency.core;

import com.breakagency.core.integration.AesGcmSecretCipher;
import com.breakagency.core.integration.IntegrationSettings;
import com.breakagency.ports.model.integration.Provider;
import com.breakagency.ports.spi.IntegrationStores;
import com.breakagency.ports.spi.OAuthProvider;
import com.breakagency.ports.spi.SecretCipher;
import java.util.LinkedHashMap;
import java.util.Map;
import com.breakagency.core.finance.FinanceService;
import com.breakagency.core.finance.PendingCommissionsPolicy;
import com.breakagency.core.recovery.Backoff;
import com.breakagency.ports.api.Diagnostics;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Severity;
import com.breakagency.ports.spi.ErrorReporter;
import com.breakagency.ports.spi.IdGenerator;
import com.breakagency.ports.spi.Persistence;
import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Configures a {@link BreakAgency}. Not thread-safe; {@link #build()} hands the agency a copy of the
 * configuration, so a builder may be reused.
 *
 * <p>Every setter throws {@link NullPointerException} naming its parameter for a null argument; a value
 * outside its documented range is refused by {@link #build()} with an {@link IllegalStateException} that
 * names the setting and its range. Every duration is at most {@link #MAX_DURATION}, so no later
 * arithmetic on a time can overflow.
 */
public final class BreakAgencyBuilder {

    /** The default clock: {@link Clock#systemUTC()}. Break truncates every instant to the microsecond. */
    public static final Clock DEFAULT_CLOCK = Clock.systemUTC();
    /** How long idempotency keys are kept at least, by default: 24 hours. */
    public static final Duration DEFAULT_IDEMPOTENCY_RETENTION = Duration.ofHours(24);
    /** The payment terms of an invoice issued without a due date, by default: 30 days. */
    public static final Period DEFAULT_PAYMENT_TERMS = Period.ofDays(30);
    /** What happens to a payment whose commissions cannot be computed, by default: record and repair. */
    public static final PendingCommissionsPolicy DEFAULT_PENDING_COMMISSIONS = PendingCommissionsPolicy.RECORD_AND_REPAIR;
    /** How many threads run queued steps after {@link BreakAgency#start()}, by default: 2. */
    public static final int DEFAULT_WORKER_THREADS = 2;
    /** How long a worker thread waits after finding nothing due, by default: one second. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
    /** How long a claim on a step holds, by default: five minutes. */
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(5);
    /** Delays between attempts and how many a step gets, by default: {@link Backoff#DEFAULT}. */
    public static final Backoff DEFAULT_BACKOFF = Backoff.DEFAULT;
    /** How often the janitor sweeps after {@link BreakAgency#start()}, by default: every five minutes. */
    public static final Duration DEFAULT_JANITOR_INTERVAL = Duration.ofMinutes(5);
    /** How old a broken state must be before the janitor repairs it, by default: ten minutes. */
    public static final Duration DEFAULT_JANITOR_GRACE_PERIOD = Duration.ofMinutes(10);
    /** How long {@link BreakAgency#close()} waits for running steps, by default: 30 seconds. */
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);
    /** Client errors (VALIDATION_FAILED, UNAUTHENTICATED, NOT_FOUND, CONFLICT, RATE_LIMITED) log at DEBUG. */
    public static final Severity DEFAULT_CLIENT_ERROR_LOG_LEVEL = Severity.DEBUG;
    /** The longest duration any setting takes (idempotency retention and payment terms excepted): 365 days. */
    public static final Duration MAX_DURATION = Duration.ofDays(365);
    /** The longest idempotency retention and payment terms: ten years. */
    static final Duration MAX_RETENTION = Duration.ofDays(3650);

    private Persistence persistence;
    private ErrorReporter errorReporter;
    private Clock clock = DEFAULT_CLOCK;
    private IdGenerator ids;
    private Duration idempotencyRetention = DEFAULT_IDEMPOTENCY_RETENTION;
    private Period paymentTerms = DEFAULT_PAYMENT_TERMS;
    private PendingCommissionsPolicy pendingCommissions = DEFAULT_PENDING_COMMISSIONS;
    private int workerThreads = DEFAULT_WORKER_THREADS;
    private Duration pollInterval = DEFAULT_POLL_INTERVAL;
    private Duration lease = DEFAULT_LEASE;
    private Backoff backoff = DEFAULT_BACKOFF;
    private Duration janitorInterval = DEFAULT_JANITOR_INTERVAL;
    private Duration janitorGracePeriod = DEFAULT_JANITOR_GRACE_PERIOD;
    private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;
    private Severity clientErrorLogLevel = DEFAULT_CLIENT_ERROR_LOG_LEVEL;
    private String workerId;
    private RandomGenerator random;
    private IntegrationStores integrationStores;
    private final Map<Provider, OAuthProvider> oauthProviders = new LinkedHashMap<>();
    private SecretCipher secretCipher;
    private IntegrationSettings integrationSettings = IntegrationSettings.DEFAULT;
    private RandomGenerator stateRandom;

    BreakAgencyBuilder() {
    }

    /**
     * The storage every port uses. Required; there is no default, so a host never loses data to a
     * store it did not choose.
     *
     * @param value the persistence bundle
     * @return this builder
     */
    public BreakAgencyBuilder persistence(Persistence value) {
        this.persistence = Objects.requireNonNull(value, "persistence");
        return this;
    }

    /**
     * Where reportable errors go. Defaults to a {@link Slf4jErrorReporter}, one WARN line per report;
     * pass {@link ErrorReporter#NOOP} to drop them. The agency closes it in {@link BreakAgency#close()}.
     *
     * @param value the reporter
     * @return this builder
     */
    public BreakAgencyBuilder errorReporter(ErrorReporter value) {
        this.errorReporter = Objects.requireNonNull(value, "errorReporter");
        return this;
    }

    /**
     * The clock every timestamp comes from, truncated to the microsecond (what databases keep). Defaults
     * to {@link #DEFAULT_CLOCK}.
     *
     * @param value the clock
     * @return this builder
     */
    public BreakAgencyBuilder clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /**
     * Makes the ids of new records. Defaults to UUID version 7 strings stamped from {@link #clock(Clock)},
     * which sort in creation order.
     *
     * @param value the generator
     * @return this builder
     */
    public BreakAgencyBuilder ids(IdGenerator value) {
        this.ids = Objects.requireNonNull(value, "ids");
        return this;
    }

    /**
     * How long an idempotency key is remembered at least: a retry within it replays the first result.
     * Defaults to {@link #DEFAULT_IDEMPOTENCY_RETENTION}.
     *
     * @param value one hour to ten years
     * @return this builder
     */
    public BreakAgencyBuilder idempotencyRetention(Duration value) {
        this.idempotencyRetention = Objects.requireNonNull(value, "idempotencyRetention");
        return this;
    }

    /**
     * The due date of an invoice issued without one: this long after the issue day. Defaults to
     * {@link #DEFAULT_PAYMENT_TERMS}.
     *
     * @param value zero to ten years
     * @return this builder
     */
    public BreakAgencyBuilder paymentTerms(Period value) {
        this.paymentTerms = Objects.requireNonNull(value, "paymentTerms");
        return this;
    }

    /**
     * What happens to a payment whose commissions cannot be computed (for example the talent has no
     * managing agent). Defaults to {@link #DEFAULT_PENDING_COMMISSIONS}: the payment is recorded, the
     * commissions are PENDING, a repair step is queued and one WORKFLOW_BREAK is reported.
     *
     * @param value the policy
     * @return this builder
     */
    public BreakAgencyBuilder pendingCommissions(PendingCommissionsPolicy value) {
        this.pendingCommissions = Objects.requireNonNull(value, "pendingCommissions");
        return this;
    }

    /**
     * How many threads run queued steps after {@link BreakAgency#start()}. Defaults to
     * {@link #DEFAULT_WORKER_THREADS}.
     *
     * @param value 1 to 64
     * @return this builder
     */
    public BreakAgencyBuilder workerThreads(int value) {
        this.workerThreads = value;
        return this;
    }

    /**
     * How long a worker thread waits after finding nothing due before it looks again. Steps are claimed
     * one after another without waiting while any is due. Defaults to {@link #DEFAULT_POLL_INTERVAL}.
     *
     * @param value 10 milliseconds to 365 days
     * @return this builder
     */
    public BreakAgencyBuilder pollInterval(Duration value) {
        this.pollInterval = Objects.requireNonNull(value, "pollInterval");
        return this;
    }

    /**
     * How long a worker's claim on a step holds. A step whose worker died (a crashed instance) is taken
     * over by another worker once its lease ends; a step that runs longer than its lease may run twice,
     * which handlers are written for. Diagnostics also calls a due step that waited longer than this
     * stalled. Defaults to {@link #DEFAULT_LEASE}.
     *
     * @param value one second to 365 days
     * @return this builder
     */
    public BreakAgencyBuilder lease(Duration value) {
        this.lease = Objects.requireNonNull(value, "lease");
        return this;
    }

    /**
     * Delays between the attempts of a failed step (exponential, capped, with jitter) and how many
     * attempts it gets before it is DEAD. Defaults to {@link #DEFAULT_BACKOFF}: 10 s doubling up to
     * one hour, ±20%, 8 attempts.
     *
     * @param value the policy
     * @return this builder
     */
    public BreakAgencyBuilder backoff(Backoff value) {
        this.backoff = Objects.requireNonNull(value, "backoff");
        return this;
    }

    /**
     * Where the backoff's jitter comes from. Defaults to a new {@link java.util.Random}; tests pass a seeded one.
     *
     * @param value a thread-safe generator
     * @return this builder
     */
    public BreakAgencyBuilder random(RandomGenerator value) {
        this.random = Objects.requireNonNull(value, "random");
        return this;
    }

    /**
     * How often the janitor sweeps for broken states after {@link BreakAgency#start()}. Diagnostics
     * calls the janitor overdue when its last run (on any instance) is older than three intervals.
     * Defaults to {@link #DEFAULT_JANITOR_INTERVAL}.
     *
     * @param value one second to 365 days
     * @return this builder
     */
    public BreakAgencyBuilder janitorInterval(Duration value) {
        this.janitorInterval = Objects.requireNonNull(value, "janitorInterval");
        return this;
    }

    /**
     * How old a broken state must be before the janitor repairs it: younger ones may still be work in
     * flight. Defaults to {@link #DEFAULT_JANITOR_GRACE_PERIOD}.
     *
     * @param value zero to 365 days
     * @return this builder
     */
    public BreakAgencyBuilder janitorGracePeriod(Duration value) {
        this.janitorGracePeriod = Objects.requireNonNull(value, "janitorGracePeriod");
        return this;
    }

    /**
     * How long {@link BreakAgency#close()} waits for running steps to finish before it interrupts them.
     * Defaults to {@link #DEFAULT_SHUTDOWN_TIMEOUT}.
     *
     * @param value zero to 365 days
     * @return this builder
     */
    public BreakAgencyBuilder shutdownTimeout(Duration value) {
        this.shutdownTimeout = Objects.requireNonNull(value, "shutdownTimeout");
        return this;
    }

    /**
     * The level the boundary logs client errors at: the codes whose {@link ErrorCode#severity()} is
     * {@link Severity#DEBUG} (VALIDATION_FAILED, UNAUTHENTICATED, NOT_FOUND, CONFLICT, RATE_LIMITED).
     * FORBIDDEN stays WARN and server-side failures ERROR whatever this says. Defaults to
     * {@link #DEFAULT_CLIENT_ERROR_LOG_LEVEL}, so a client sending bad input does not fill the log.
     *
     * @param value DEBUG, INFO or WARN
     * @return this builder
     */
    public BreakAgencyBuilder clientErrorLogLevel(Severity value) {
        this.clientErrorLogLevel = Objects.requireNonNull(value, "clientErrorLogLevel");
        return this;
    }

    /**
     * The id this agency's claims on queued steps are made under, also in its thread names. Defaults
     * to {@code break-} and a random UUID (never the host's name); give each instance its own.
     *
     * @param value 1 to 64 letters, digits, {@code . _ : -}
     * @return this builder
     */
    public BreakAgencyBuilder workerId(String value) {
        this.workerId = Objects.requireNonNull(value, "workerId");
        return this;
    }

    /**
     * Turns integrations on, with their stores (for the in-memory bundle: the same
     * {@code InMemoryPersistence}). They must share the persistence bundle's {@code Transactions}.
     * Integrations also need {@link #oauthProvider(OAuthProvider)} and {@link #secretKeys(String, Map)}
     * (or {@link #secretCipher(SecretCipher)}). Defaults to none: {@link BreakAgency#integrations()} is
     * then unavailable.
     *
     * @param value the stores
     * @return this builder
     */
    public BreakAgencyBuilder integrations(IntegrationStores value) {
        this.integrationStores = Objects.requireNonNull(value, "integrations");
        return this;
    }

    /**
     * Adds the provider users connect accounts at, such as {@code GoogleOAuthProvider.create(options)}; one
     * per {@link Provider}, the last one given wins. Defaults to none.
     *
     * @param value the provider
     * @return this builder
     */
    public BreakAgencyBuilder oauthProvider(OAuthProvider value) {
        Objects.requireNonNull(value, "oauthProvider");
        oauthProviders.put(Objects.requireNonNull(value.provider(), "oauthProvider.provider()"), value);
        return this;
    }

    /**
     * The keys tokens are sealed with, for Break's AES-256-GCM cipher ({@link AesGcmSecretCipher}): new
     * secrets are sealed with the current key, old ones opened with whichever key they name. There is no
     * default and never a built-in key: integrations without keys fail {@link #build()}.
     *
     * @param currentKeyId the id of the key to seal with; one of {@code keys}
     * @param keys         key id → 32 random bytes (keep older keys until nothing sealed with them is left)
     * @return this builder
     * @throws IllegalArgumentException if a key is not 32 bytes or the current key is missing
     */
    public BreakAgencyBuilder secretKeys(String currentKeyId, Map<String, byte[]> keys) {
        this.secretCipher = AesGcmSecretCipher.withKeys(currentKeyId, keys);
        return this;
    }

    /**
     * A cipher of the host's own (a key service) in place of {@link #secretKeys(String, Map)}. Defaults to none.
     *
     * @param value the cipher
     * @return this builder
     */
    public BreakAgencyBuilder secretCipher(SecretCipher value) {
        this.secretCipher = Objects.requireNonNull(value, "secretCipher");
        return this;
    }

    /**
     * State lifetime, refresh skew, report threshold and backoff of integrations. Defaults to
     * {@link IntegrationSettings#DEFAULT}: 10 minutes, 5 minutes, 3 silent transient failures, 30 s
     * doubling up to 15 minutes.
     *
     * @param value the settings
     * @return this builder
     */
    public BreakAgencyBuilder integrationSettings(IntegrationSettings value) {
        this.integrationSettings = Objects.requireNonNull(value, "integrationSettings");
        return this;
    }

    /**
     * Where OAuth states and PKCE verifiers get their randomness. Defaults to a new SecureRandom.
     *
     * @param value a thread-safe generator
     * @return this builder
     */
    public BreakAgencyBuilder stateRandom(RandomGenerator value) {
        this.stateRandom = Objects.requireNonNull(value, "stateRandom");
        return this;
    }

    /**
     * Validates the configuration and builds the agency. Nothing runs in the background until
     * {@link BreakAgency#start()}.
     *
     * @return the agency
     * @throws IllegalStateException if persistence was not set, the idempotency retention is under an
     *                               hour or over ten years, the payment terms are negative or over ten
     *                               years, a worker setting is outside its documented range, a duration
     *                               is over {@link #MAX_DURATION}, client errors are to be logged at
     *                               ERROR, or integrations are configured without keys or providers (or
     *                               keys and providers without integrations)
     */
    public BreakAgency build() {
        return AgencyAssembly.assemble(persistence, errorReporter, clock, ids,
                new FinanceService.Settings(idempotencyRetention, paymentTerms, pendingCommissions), workerThreads,
                pollInterval, lease, backoff, janitorInterval, janitorGracePeriod, shutdownTimeout, workerId, random,
                clientErrorLogLevel, IntegrationWiring.of(integrationStores, oauthProviders, secretCipher,
                integrationSettings, stateRandom, persistence));
    }
}
