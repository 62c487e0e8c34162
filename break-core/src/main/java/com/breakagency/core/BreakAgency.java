package com.breakagency.core;

import com.breakagency.core.finance.FinanceService;
import com.breakagency.core.finance.PendingCommissionsPolicy;
import com.breakagency.core.recovery.Backoff;
import com.breakagency.core.recovery.RecoverySettings;
import com.breakagency.core.recovery.StepsRun;
import com.breakagency.ports.api.Crm;
import com.breakagency.ports.api.Diagnostics;
import com.breakagency.ports.api.Finance;
import com.breakagency.ports.api.Recovery;
import com.breakagency.ports.api.recovery.JanitorReport;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Severity;
import com.breakagency.ports.spi.ErrorReporter;
import com.breakagency.ports.spi.IdGenerator;
import com.breakagency.ports.spi.Persistence;
import com.breakagency.ports.spi.Telemetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The composition root: the one object a host builds and keeps. It hands out the driving ports, and
 * owns the validator and the background work Break runs (the worker that runs queued steps, the janitor);
 * {@link #close()} releases them.
 *
 * <pre>{@code
 * try (BreakAgency agency = BreakAgency.builder()
 *         .persistence(persistence)           // InMemoryPersistence, JdbcPersistence, or your own
 *         .build()) {
 *     ...
 * }
 * }</pre>
 *
 * <p>Every driving-port call passes Break's boundary: validation, authorization, a unit of work, error
 * mapping, one log line and (for reportable codes) one report. An agency is thread-safe; build one per
 * database and share it.
 */
public interface BreakAgency extends AutoCloseable {

    /**
     * Starts a builder.
     *
     * @return a builder with the documented defaults
     */
    static Builder builder() {
        return new Builder();
    }

    /**
     * The CRM: brands, contacts, talent, deals, timelines.
     *
     * @return the CRM driving port
     */
    Crm crm();

    /**
     * Finance: invoices, payments, commissions.
     *
     * @return the finance driving port
     */
    Finance finance();

    /**
     * Repairs of broken workflows (ADMIN, SYSTEM).
     *
     * @return the recovery driving port
     */
    Recovery recovery();

    /**
     * Break's health, for an operator's dashboard or a health endpoint (ADMIN, SYSTEM).
     *
     * @return the diagnostics driving port
     */
    Diagnostics diagnostics();

    /**
     * Starts the background work: {@link Builder#workerThreads(int)} threads that claim due steps from the
     * work queue and run them (polling every {@link Builder#pollInterval(Duration)} while nothing is due),
     * and the janitor every {@link Builder#janitorInterval(Duration)}, the first time at once. The threads
     * are not daemon threads: {@link #close()} stops them. Idempotent; a host that schedules work itself
     * calls {@link #runDueSteps()} and {@link #runJanitor()} instead.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    void start();

    /**
     * Claims and runs the steps due now, one at a time on the calling thread, and returns: for hosts that
     * drive the worker themselves (a scheduler of their own, a test with a {@code TestClock}). Safe beside
     * {@link #start()}'s threads and other instances: a step is run by one worker at a time. A failed
     * attempt is logged once at WARN and retried after the backoff; a step out of attempts is DEAD and
     * reported once as WORKFLOW_BREAK/RETRIES_EXHAUSTED.
     *
     * @return how many steps ran, completed, failed and went DEAD
     * @throws com.breakagency.ports.error.BreakException if the work queue cannot be reached
     * @throws IllegalStateException after {@link #close()}
     */
    StepsRun runDueSteps();

    /**
     * Runs the janitor once on the calling thread, as the system: it queues the repair of broken states no
     * step covers and records what it found. Safe beside other instances' janitors.
     *
     * @return what it found
     * @throws com.breakagency.ports.error.BreakException if the stores cannot be reached
     * @throws IllegalStateException after {@link #close()}
     */
    JanitorReport runJanitor();

    /**
     * Stops the background work (a running step finishes, within {@link Builder#shutdownTimeout(Duration)}),
     * then closes the error reporter and releases the validator. Idempotent.
     */
    @Override
    void close();

    /**
     * Configures a {@link BreakAgency}. Not thread-safe; {@link #build()} hands the agency a copy of the
     * configuration, so a builder may be reused.
     */
    final class Builder {

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
        /** What the agency tells about its calls, steps and janitor runs, by default: nothing ({@link Telemetry#NOOP}). */
        public static final Telemetry DEFAULT_TELEMETRY = Telemetry.NOOP;

        private static final Pattern WORKER_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

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
        private Telemetry telemetry = DEFAULT_TELEMETRY;

        Builder() {
        }

        /**
         * The storage every port uses. Required; there is no default, so a host never loses data to a
         * store it did not choose.
         *
         * @param value the persistence bundle
         * @return this builder
         */
        public Builder persistence(Persistence value) {
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
        public Builder errorReporter(ErrorReporter value) {
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
        public Builder clock(Clock value) {
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
        public Builder ids(IdGenerator value) {
            this.ids = Objects.requireNonNull(value, "ids");
            return this;
        }

        /**
         * How long an idempotency key is remembered at least: a retry within it replays the first result.
         * Defaults to {@link #DEFAULT_IDEMPOTENCY_RETENTION}.
         *
         * @param value at least one hour
         * @return this builder
         */
        public Builder idempotencyRetention(Duration value) {
            this.idempotencyRetention = Objects.requireNonNull(value, "idempotencyRetention");
            return this;
        }

        /**
         * The due date of an invoice issued without one: this long after the issue day. Defaults to
         * {@link #DEFAULT_PAYMENT_TERMS}.
         *
         * @param value zero or more days
         * @return this builder
         */
        public Builder paymentTerms(Period value) {
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
        public Builder pendingCommissions(PendingCommissionsPolicy value) {
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
        public Builder workerThreads(int value) {
            this.workerThreads = value;
            return this;
        }

        /**
         * How long a worker thread waits after finding nothing due before it looks again. Steps are claimed
         * one after another without waiting while any is due. Defaults to {@link #DEFAULT_POLL_INTERVAL}.
         *
         * @param value at least 10 milliseconds
         * @return this builder
         */
        public Builder pollInterval(Duration value) {
            this.pollInterval = Objects.requireNonNull(value, "pollInterval");
            return this;
        }

        /**
         * How long a worker's claim on a step holds. A step whose worker died (a crashed instance) is taken
         * over by another worker once its lease ends; a step that runs longer than its lease may run twice,
         * which handlers are written for. Diagnostics also calls a due step that waited longer than this
         * stalled. Defaults to {@link #DEFAULT_LEASE}.
         *
         * @param value at least one second
         * @return this builder
         */
        public Builder lease(Duration value) {
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
        public Builder backoff(Backoff value) {
            this.backoff = Objects.requireNonNull(value, "backoff");
            return this;
        }

        /**
         * Where the backoff's jitter comes from. Defaults to a new {@link Random}; tests pass a seeded one.
         *
         * @param value a thread-safe generator
         * @return this builder
         */
        public Builder random(RandomGenerator value) {
            this.random = Objects.requireNonNull(value, "random");
            return this;
        }

        /**
         * How often the janitor sweeps for broken states after {@link BreakAgency#start()}. Diagnostics
         * calls the janitor overdue when its last run (on any instance) is older than three intervals.
         * Defaults to {@link #DEFAULT_JANITOR_INTERVAL}.
         *
         * @param value at least one second
         * @return this builder
         */
        public Builder janitorInterval(Duration value) {
            this.janitorInterval = Objects.requireNonNull(value, "janitorInterval");
            return this;
        }

        /**
         * How old a broken state must be before the janitor repairs it: younger ones may still be work in
         * flight. Defaults to {@link #DEFAULT_JANITOR_GRACE_PERIOD}.
         *
         * @param value zero or more
         * @return this builder
         */
        public Builder janitorGracePeriod(Duration value) {
            this.janitorGracePeriod = Objects.requireNonNull(value, "janitorGracePeriod");
            return this;
        }

        /**
         * How long {@link BreakAgency#close()} waits for running steps to finish before it interrupts them.
         * Defaults to {@link #DEFAULT_SHUTDOWN_TIMEOUT}.
         *
         * @param value zero or more
         * @return this builder
         */
        public Builder shutdownTimeout(Duration value) {
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
        public Builder clientErrorLogLevel(Severity value) {
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
        public Builder workerId(String value) {
            this.workerId = Objects.requireNonNull(value, "workerId");
            return this;
        }

        /**
         * Where the agency reports what it does, for metrics: each call's operation, outcome and duration,
         * each step attempt's outcome, each janitor run and finding, and a read of the work queue on demand
         * ({@code break-micrometer}'s {@code MicrometerTelemetry} makes Micrometer meters of them). What it
         * throws is logged once and never changes a call's outcome. Defaults to {@link #DEFAULT_TELEMETRY}.
         *
         * @param value the telemetry
         * @return this builder
         */
        public Builder telemetry(Telemetry value) {
            this.telemetry = Objects.requireNonNull(value, "telemetry");
            return this;
        }

        /**
         * Validates the configuration and builds the agency. Nothing runs in the background until
         * {@link BreakAgency#start()}.
         *
         * @return the agency
         * @throws IllegalStateException if persistence was not set, the idempotency retention is under an
         *                               hour, the payment terms are negative, a worker setting is outside
         *                               its documented range, or client errors are to be logged at ERROR
         */
        public BreakAgency build() {
            if (persistence == null) {
                throw new IllegalStateException("BreakAgency.builder(): persistence(...) is required");
            }
            if (idempotencyRetention.compareTo(Duration.ofHours(1)) < 0) {
                throw new IllegalStateException("BreakAgency.builder(): idempotencyRetention must be at least one hour");
            }
            if (paymentTerms.isNegative()) {
                throw new IllegalStateException("BreakAgency.builder(): paymentTerms must not be negative");
            }
            if (workerThreads < 1 || workerThreads > 64) {
                throw new IllegalStateException("BreakAgency.builder(): workerThreads must be 1 to 64");
            }
            requireAtLeast(pollInterval, Duration.ofMillis(10), "pollInterval");
            requireAtLeast(lease, Duration.ofSeconds(1), "lease");
            requireAtLeast(janitorInterval, Duration.ofSeconds(1), "janitorInterval");
            requireAtLeast(janitorGracePeriod, Duration.ZERO, "janitorGracePeriod");
            requireAtLeast(shutdownTimeout, Duration.ZERO, "shutdownTimeout");
            if (clientErrorLogLevel == Severity.ERROR) {
                throw new IllegalStateException(
                        "BreakAgency.builder(): clientErrorLogLevel must be DEBUG, INFO or WARN; ERROR is for failures on Break's side");
            }
            String worker = workerId == null ? "break-" + UUID.randomUUID() : workerId;
            if (!WORKER_ID.matcher(worker).matches()) {
                throw new IllegalStateException(
                        "BreakAgency.builder(): workerId must be 1 to 64 letters, digits, '.', '_', ':' or '-'");
            }
            // instants are kept to the microsecond, as databases store them, so what a call returns is what a
            // later read (or an idempotent replay) returns
            Clock micros = new com.breakagency.core.internal.MicrosecondClock(clock);
            return new DefaultBreakAgency(persistence,
                    errorReporter == null ? new Slf4jErrorReporter() : errorReporter, micros,
                    ids == null ? new com.breakagency.core.internal.UuidV7Ids(micros) : ids,
                    new FinanceService.Settings(idempotencyRetention, paymentTerms, pendingCommissions),
                    new RecoverySettings(workerThreads, pollInterval, lease, backoff, janitorInterval,
                            janitorGracePeriod, worker, shutdownTimeout),
                    random == null ? new Random() : random, clientErrorLogLevel, telemetry);
        }

        private static void requireAtLeast(Duration value, Duration least, String name) {
            if (value.compareTo(least) < 0) {
                throw new IllegalStateException("BreakAgency.builder(): " + name + " must be at least " + least);
            }
        }
    }
}
