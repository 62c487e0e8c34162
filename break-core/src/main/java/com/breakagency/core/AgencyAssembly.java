package com.breakagency.core;

import com.breakagency.core.finance.FinanceService;
import com.breakagency.core.internal.MicrosecondClock;
import com.breakagency.core.internal.UuidV7Ids;
import com.breakagency.core.recovery.Backoff;
import com.breakagency.core.recovery.RecoverySettings;
import com.breakagency.ports.spi.ErrorReporter;
import com.breakagency.ports.spi.IdGenerator;
import com.breakagency.ports.spi.Persistence;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * What {@link BreakAgency.Builder#build()} does with the builder's values: checks them, fills in the
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
                                RandomGenerator random) {
        if (persistence == null) {
            throw new IllegalStateException("BreakAgency.builder(): persistence(...) is required");
        }
        if (finance.idempotencyRetention().compareTo(Duration.ofHours(1)) < 0) {
            throw new IllegalStateException("BreakAgency.builder(): idempotencyRetention must be at least one hour");
        }
        if (finance.paymentTerms().isNegative()) {
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
                random == null ? new Random() : random);
    }

    private static void requireAtLeast(Duration value, Duration least, String name) {
        if (value.compareTo(least) < 0) {
            throw new IllegalStateException("BreakAgency.builder(): " + name + " must be at least " + least);
        }
    }
}
