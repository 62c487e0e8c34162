package com.breakagency.core.integration;

import com.breakagency.core.MailSyncSettings;
import com.breakagency.core.recovery.StepHandler;
import com.breakagency.core.recovery.StepOutcome;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.integration.Connection;
import com.breakagency.ports.model.integration.ConnectionStatus;
import com.breakagency.ports.model.mail.MailSyncStage;
import com.breakagency.ports.model.mail.MailSyncState;
import com.breakagency.ports.model.mail.MailSyncStatus;
import com.breakagency.ports.model.work.StepStatus;
import com.breakagency.ports.model.work.WorkStep;
import com.breakagency.ports.spi.Connections;
import com.breakagency.ports.spi.IdGenerator;
import com.breakagency.ports.spi.MailSource;
import com.breakagency.ports.spi.MailSyncStates;
import com.breakagency.ports.spi.Transactions;
import com.breakagency.ports.spi.WorkQueue;
import com.breakagency.ports.spi.mail.MailSourceException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;

/**
 * The mail sync as work-queue steps: the initial sync queued on connect, a resync a user asks for, and the
 * incremental sync each connection runs again every interval. One worker at a time syncs a connection: a
 * step first takes the connection's sync state under its row lock and writes its lease into it; a step that
 * finds another worker's lease comes back when that lease ends (its holder may have died). Each batch is
 * stored with the progress in one unit of work that checks the lease is still this worker's, so a worker
 * that lost it writes nothing. Waits are steps due later ({@link StepOutcome.Later}): for the quota's next
 * window, a provider's retry-after, the next incremental run. Thread-safe.
 */
final class MailSync {

    /** The step type of resyncs and of the periodic incremental sync. */
    static final String MAIL_SYNC_STEP = "MAIL_SYNC";
    /** The dedup key prefix of a resync a user asked for. */
    static final String RESYNC_KEY = MAIL_SYNC_STEP + ":";
    /** The dedup key prefix of the periodic incremental sync. */
    static final String NEXT_KEY = MAIL_SYNC_STEP + "_NEXT:";
    /** The most participants one run looks up again. */
    static final int RELINK_MAX = 1_000;

    private final Connections connections;
    private final MailSyncStates states;
    private final com.breakagency.ports.spi.Emails emails;
    private final WorkQueue queue;
    private final Transactions transactions;
    private final MailSource source;
    private final BiFunction<String, Optional<String>, String> tokens;
    private final Function<OperationContext, MailStore> stores;
    private final QuotaPacer pacer;
    private final IdGenerator ids;
    private final Clock clock;
    private final MailSyncSettings settings;
    private final RandomGenerator jitter;

    MailSync(Connections connections, MailSyncStates states, com.breakagency.ports.spi.Emails emails, WorkQueue queue, Transactions transactions,
             MailSource source, BiFunction<String, Optional<String>, String> tokens,
             Function<OperationContext, MailStore> stores,
             QuotaPacer pacer, IdGenerator ids, Clock clock, MailSyncSettings settings, RandomGenerator jitter) {
        this.connections = connections;
        this.states = states;
        this.emails = emails;
        this.queue = queue;
        this.transactions = transactions;
        this.source = source;
        this.tokens = tokens;
        this.stores = stores;
        this.pacer = pacer;
        this.ids = ids;
        this.clock = clock;
        this.settings = settings;
        this.jitter = jitter;
    }

    StepHandler handler() {
        return this::run;
    }

    /** A step of the periodic incremental sync (rather than an initial sync or a resync). */
    private static boolean periodic(WorkStep step) {
        return step.dedupKey().startsWith(NEXT_KEY);
    }

    /** The periodic step of a connection, due at an instant. */
    WorkStep nextStep(String connectionId, Instant at) {
        Instant now = clock.instant();
        return new WorkStep(ids.nextId(), MAIL_SYNC_STEP, NEXT_KEY + connectionId, Map.of("connectionId", connectionId),
                StepStatus.PENDING, 0, at.truncatedTo(ChronoUnit.MICROS), Optional.empty(), Optional.empty(),
                Optional.empty(), now, now, 1);
    }

    private StepOutcome run(OperationContext context, WorkStep step) {
        String id = step.payload().getOrDefault("connectionId", "");
        Optional<Connection> found = connections.find(id);
        if (found.isEmpty() || found.get().status() == ConnectionStatus.DISCONNECTED) {
            return new StepOutcome.Done("connection " + id + " is gone or disconnected; nothing to sync");
        }
        if (found.get().status() == ConnectionStatus.NEEDS_REAUTH) {
            failed(id, Reason.REFRESH_TOKEN_REVOKED);
            return new StepOutcome.Done("connection " + id + " waits for its owner to connect again; not synced");
        }
        // one claim of one step: a step reclaimed after its queue lease ran out is another owner
        String owner = step.id() + ":" + step.version() + "@" + step.leaseOwner().orElse("worker");
        Optional<MailSyncState> held = acquire(id, owner);
        if (held.isEmpty()) {
            Instant end = states.find(id).flatMap(MailSyncState::leaseExpiresAt).orElse(clock.instant());
            // the holder may have died: this step comes back when its lease ends, and takes over then
            return new StepOutcome.Later(end, "another worker syncs connection " + id + "; back when its lease ends");
        }
        return new SyncRun(this, found.get(), owner, held.get(), step, context).go();
    }

    /** Takes the connection's sync for a worker, unless another holds it; creates the state on first use. */
    private Optional<MailSyncState> acquire(String id, String owner) {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Optional<MailSyncState> current = states.lock(id);
            if (current.isEmpty()) {
                states.insert(MailSyncState.notSynced(id, now));
                current = states.lock(id);
            }
            MailSyncState s = current.orElseThrow();
            if (s.heldByAnother(owner, now)) {
                return Optional.empty();
            }
            MailSyncState taken = s.next(b -> {
                b.leaseOwner = Optional.of(owner);
                b.leaseExpiresAt = Optional.of(now.plus(settings.lease()).truncatedTo(ChronoUnit.MICROS));
                if (s.stage() == MailSyncStage.FULL || s.status() != MailSyncStatus.ACTIVE) {
                    b.status = MailSyncStatus.SYNCING;
                }
                b.failureReason = Optional.empty();
                if (b.lastProgressAt.isEmpty()) {
                    b.lastProgressAt = Optional.of(now.truncatedTo(ChronoUnit.MICROS));
                }
                return b;
            }, now.truncatedTo(ChronoUnit.MICROS));
            states.update(taken);
            return Optional.of(taken);
        });
    }

    /** Marks a connection's sync FAILED with a reason, lease released. */
    private void failed(String id, String reason) {
        transactions.inTransaction(() -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Optional<MailSyncState> s = states.lock(id);
            if (s.isEmpty()) {
                states.insert(MailSyncState.notSynced(id, now).next(b -> {
                    b.status = MailSyncStatus.FAILED;
                    b.failureReason = Optional.of(reason);
                    return b;
                }, now));
            } else if (s.get().status() != MailSyncStatus.FAILED || s.get().leaseOwner().isPresent()) {
                states.update(s.get().next(b -> {
                    b.status = MailSyncStatus.FAILED;
                    b.failureReason = Optional.of(reason);
                    b.leaseOwner = Optional.empty();
                    b.leaseExpiresAt = Optional.empty();
                    return b;
                }, now));
            }
            return null;
        });
    }

    /** Thrown inside a run's unit of work when another worker holds the sync now. */
    static final class LeaseLost extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LeaseLost() {
            super("the sync's lease passed to another worker", null, false, false);
        }
    }

    // accessors for SyncRun, which is this class's run of one step

    MailSyncStates states() {
        return states;
    }

    com.breakagency.ports.spi.Emails emails() {
        return emails;
    }

    Transactions transactions() {
        return transactions;
    }

    MailSource source() {
        return source;
    }

    QuotaPacer pacer() {
        return pacer;
    }

    Clock clock() {
        return clock;
    }

    MailSyncSettings settings() {
        return settings;
    }

    MailStore newStore(OperationContext context) {
        return stores.apply(context);
    }

    String token(String connectionId, Optional<String> refused) {
        return tokens.apply(connectionId, refused);
    }

    /** After the run: the periodic step goes on; an initial sync or resync ends and makes sure one exists. */
    StepOutcome schedule(WorkStep step, String connectionId, String summary) {
        Instant next = clock.instant().plus(settings.interval());
        if (periodic(step)) {
            return new StepOutcome.Later(next, summary);
        }
        transactions.inTransaction(() -> queue.enqueue(nextStep(connectionId, next)));
        return new StepOutcome.Done(summary);
    }

    /** The wait after a rate limit: the provider's retry-after, else the backoff for this many in a row. */
    Instant rateLimitWait(MailSourceException e, int inARow) {
        Instant now = clock.instant();
        return e.retryAt().filter(at -> at.isAfter(now))
                .orElseGet(() -> now.plus(settings.rateLimitBackoff().delay(Math.max(1, inARow), jitter)));
    }

    /** How a failure of the token ends the run: FAILED for a dead grant, a wait for an unreachable endpoint. */
    StepOutcome tokenFailure(String connectionId, BreakException e, Runnable release) {
        if (Reason.REFRESH_TOKEN_REVOKED.equals(e.reason())) {
            failed(connectionId, Reason.REFRESH_TOKEN_REVOKED);
            return new StepOutcome.Done("connection " + connectionId + " needs its owner to connect again; sync stopped");
        }
        release.run();
        if (e.code() == ErrorCode.CONFLICT) {
            return new StepOutcome.Done("connection " + connectionId + " is disconnected; sync stopped");
        }
        if (e.retryable()) {
            return new StepOutcome.Later(clock.instant().plus(e.retryAfter().orElse(java.time.Duration.ofMinutes(1))),
                    "no access token for connection " + connectionId + " yet (" + e.reason() + "); trying later");
        }
        throw e;
    }
}
