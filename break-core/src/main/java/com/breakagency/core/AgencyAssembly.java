package com.breakagency.core;

import com.breakagency.ports.error.Severity;
import com.breakagency.core.finance.FinanceService;
import com.breakagency.core.internal.MicrosecondClock;
import com.breakagency.core.internal.UuidV7Ids;
import com.breakagency.core.recovery.RecoverySettings;
import com.breakagency.ports.spi.ErrorReporter;
import com.breakagency.ports.spi.IdGenerator;
import com.breakagency.ports.spi.Persistence;
import com.breakagency.ports.spi.Telemetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * What {@link BreakAgencyBuilder#build()} does with the builder's values: checks them, fills in the
 * defaults that depend on other values (the error reporter, ids, worker id, random source), and wires the
 * agency. Stateless.
 */
final class AgencyAssembly {

    private static final Pattern WORKER_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private AgencyAssembly() {
    }

    /** Checks the settings and wires the agency; {@code null} means "the default" where a default applies. */
    static BreakAgency assemble(Persistence persistence, ErrorReporter errorReporter, Clock clock, IdGenerator ids,
                                FinanceService.Settings finance, int workerThreads, Duration pollInterval,
                                Duration lease, Backoff backoff, Duration janitorInterval,
                                Duration janitorGracePeriod, Duration shutdownTimeout, String workerId,
                                RandomGenerator random, Severity clientErrorLogLevel,
                                Optional<IntegrationWiring> integrationWiring, Telemetry telemetry) {
        if (persistence == null) {
            throw new IllegalStateException("BreakAgency.builder(): persistence(...) is required");
        }
        Duration retention = finance.idempotencyRetention();
        if (retention.compareTo(Duration.ofHours(1)) < 0 || retention.compareTo(BreakAgencyBuilder.MAX_RETENTION) > 0) {
            throw new IllegalStateException("BreakAgency.builder(): idempotencyRetention must be one hour to ten years");
        }
        Period terms = finance.paymentTerms();
        if (terms.isNegative() || terms.toTotalMonths() > 120 || terms.getDays() > 3650) {
            throw new IllegalStateException("BreakAgency.builder(): paymentTerms must be zero to ten years, none of its parts negative");
        }
        if (workerThreads < 1 || workerThreads > 64) {
            throw new IllegalStateException("BreakAgency.builder(): workerThreads must be 1 to 64");
        }
        requireWithin(pollInterval, Duration.ofMillis(10), "pollInterval", "10 milliseconds");
        requireWithin(lease, Duration.ofSeconds(1), "lease", "one second");
        requireWithin(janitorInterval, Duration.ofSeconds(1), "janitorInterval", "one second");
        requireWithin(janitorGracePeriod, Duration.ZERO, "janitorGracePeriod", "zero");
        requireWithin(shutdownTimeout, Duration.ZERO, "shutdownTimeout", "zero");
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
        Clock micros = new MicrosecondClock(clock);
        return new DefaultBreakAgency(persistence,
                errorReporter == null ? new Slf4jErrorReporter() : errorReporter, micros,
                ids == null ? new UuidV7Ids(micros) : ids, finance,
                new RecoverySettings(workerThreads, pollInterval, lease, backoff, janitorInterval,
                        janitorGracePeriod, worker, shutdownTimeout),
                random == null ? new Random() : random, clientErrorLogLevel, integrationWiring, telemetry);
    }

    private static void requireWithin(Duration value, Duration least, String name, String leastInWords) {
        if (value.compareTo(least) < 0 || value.compareTo(BreakAgencyBuilder.MAX_DURATION) > 0) {
            throw new IllegalStateException("BreakAgency.builder(): " + name + " must be " + leastInWords
                    + " to 365 days");
        }
    }
}
