package com.breakagency.core.integration;

import com.breakagency.core.MailSyncSettings;
import com.breakagency.core.recovery.StepOutcome;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.integration.Connection;
import com.breakagency.ports.model.mail.MailSyncStage;
import com.breakagency.ports.model.mail.MailSyncState;
import com.breakagency.ports.model.mail.MailSyncStatus;
import com.breakagency.ports.model.work.WorkStep;
import com.breakagency.ports.spi.mail.MailChanges;
import com.breakagency.ports.spi.mail.MailMessage;
import com.breakagency.ports.spi.mail.MailProfile;
import com.breakagency.ports.spi.mail.MailSourceException;
import com.breakagency.ports.spi.mail.MessagePage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One step's run of a connection's sync, holding its lease: batches until the sync is current, the quota
 * window is spent, the provider rate-limits, or the slice is used up. Full sync: the profile's history id
 * first (the cursor the full sync ends with), then each page of the window's message ids, the ids not
 * stored yet fetched in batches; every batch is stored with the progress (page, counts) in one unit of
 * work, so a run that dies re-fetches at most that batch. Incremental: each page of changes since the
 * cursor, deletions marked, additions fetched, the cursor moved once every page is read; an expired
 * cursor starts a full sync, the connection untouched. Not thread-safe: one run, one thread.
 */
final class SyncRun {

    private final MailSync sync;
    private final Connection connection;
    private final String owner;
    private final WorkStep step;
    private final MailSyncSettings settings;
    private final MailStore store;
    private final String quotaKey;
    private MailSyncState state;
    private String token;
    private boolean pageLoaded;
    private final Deque<String> pending = new ArrayDeque<>();
    private Optional<String> nextPage = Optional.empty();
    private int listedOnPage;
    private Optional<String> historyPage = Optional.empty();
    private String changesCursor;
    private int storedThisRun;

    /** What one unit of the loop came to. */
    private sealed interface Next permits Go, Current, Wait {
    }

    private record Go() implements Next {
    }

    private record Current() implements Next {
    }

    private record Wait(Instant at, String why) implements Next {
    }

    private static final Next GO = new Go();

    SyncRun(MailSync sync, Connection connection, String owner, MailSyncState state, WorkStep step,
            OperationContext context) {
        this.sync = sync;
        this.connection = connection;
        this.owner = owner;
        this.state = state;
        this.step = step;
        this.settings = sync.settings();
        this.store = sync.newStore(context);
        this.quotaKey = connection.provider().name() + ":" + connection.accountAddress();
    }

    StepOutcome go() {
        String id = connection.id();
        Instant deadline = sync.clock().instant().plus(settings.slice());
        try {
            token = sync.token(id, Optional.empty());
            while (true) {
                if (sync.clock().instant().isAfter(deadline)) {
                    release();
                    return new StepOutcome.Later(sync.clock().instant(), "connection " + id + ": slice used, "
                            + storedThisRun + " stored; continuing");
                }
                Next next = state.stage() == MailSyncStage.FULL || state.cursor().isEmpty() ? full() : incremental();
                if (next instanceof Wait wait) {
                    release();
                    return new StepOutcome.Later(wait.at(), "connection " + id + ": " + wait.why() + " after "
                            + storedThisRun + " stored");
                }
                if (next instanceof Current) {
                    finish();
                    return sync.schedule(step, id, "connection " + id + " synced: " + storedThisRun + " stored");
                }
            }
        } catch (MailSync.LeaseLost lost) {
            return new StepOutcome.Done("connection " + id + ": another worker took the sync over");
        } catch (MailSourceException e) {
            if (e.kind() == MailSourceException.Kind.RATE_LIMITED) {
                int inARow = state.rateLimits() + 1;
                commit(b -> {
                    b.rateLimits = inARow;
                    return released(b);
                });
                return new StepOutcome.Later(sync.rateLimitWait(e, inARow), "connection " + id
                        + " rate-limited by the provider (" + e.code() + ")");
            }
            release();
            return new StepOutcome.Retry("connection " + id + ": the provider failed (" + e.kind() + ", " + e.code()
                    + ", HTTP " + e.httpStatus() + ")");
        } catch (BreakException e) {
            return sync.tokenFailure(id, e, this::release);
        }
    }

    /** A provider call with the token; a 401 gets one new token and one replay. */
    private <T> T call(Function<String, T> request) {
        try {
            return request.apply(token);
        } catch (MailSourceException e) {
            if (e.kind() != MailSourceException.Kind.AUTH_FAILED) {
                throw e;
            }
            token = sync.token(connection.id(), Optional.of(token));
            try {
                return request.apply(token);
            } catch (MailSourceException again) {
                if (again.kind() == MailSourceException.Kind.AUTH_FAILED) {
                    throw new MailSourceException(MailSourceException.Kind.TRANSIENT, "unauthorized_after_refresh",
                            again.httpStatus(), Optional.empty());
                }
                throw again;
            }
        }
    }

    private Wait waitForQuota() {
        return new Wait(sync.pacer().nextWindow(), "quota window spent");
    }

    private Next full() {
        if (state.fullSyncCursor().isEmpty()) {
            if (!sync.pacer().spend(quotaKey, settings.profileCost())) {
                return waitForQuota();
            }
            MailProfile profile = call(t -> sync.source().profile(t));
            commit(b -> {
                b.status = MailSyncStatus.SYNCING;
                b.stage = MailSyncStage.FULL;
                b.fullSyncCursor = Optional.of(profile.historyId());
                b.pageToken = Optional.empty();
                b.listed = 0;
                b.fullSyncs = b.fullSyncs + 1;
                return b;
            });
            pageLoaded = false;
            return GO;
        }
        if (!pageLoaded) {
            if (!sync.pacer().spend(quotaKey, settings.listCost())) {
                return waitForQuota();
            }
            Instant after = sync.clock().instant().minus(settings.window());
            Optional<String> page = state.pageToken();
            MessagePage listed = call(t -> sync.source().listMessages(t, after, page, settings.pageSize()));
            load(listed.messageIds(), Set.of());
            nextPage = listed.nextPageToken();
            listedOnPage = listed.messageIds().size();
            return GO;
        }
        if (!pending.isEmpty()) {
            return fetchBatch();
        }
        Optional<String> next = nextPage;
        int listed = listedOnPage;
        commit(b -> {
            b.listed = b.listed + listed;
            b.pageToken = next;
            if (next.isEmpty()) {
                b.cursor = b.fullSyncCursor;
                b.fullSyncCursor = Optional.empty();
                b.stage = MailSyncStage.INCREMENTAL;
            }
            return b;
        });
        pageLoaded = false;
        return next.isEmpty() ? new Current() : GO;
    }

    private Next incremental() {
        if (!pageLoaded) {
            if (!sync.pacer().spend(quotaKey, settings.historyCost())) {
                return waitForQuota();
            }
            String cursor = state.cursor().orElseThrow();
            Optional<String> page = historyPage;
            MailChanges changes = call(t -> sync.source().changesSince(t, cursor, page));
            if (changes instanceof MailChanges.CursorExpired) {
                // Google's prescription for an expired history id: a full sync; the connection stays as it is
                commit(b -> {
                    b.stage = MailSyncStage.FULL;
                    b.status = MailSyncStatus.SYNCING;
                    b.fullSyncCursor = Optional.empty();
                    b.pageToken = Optional.empty();
                    return b;
                });
                historyPage = Optional.empty();
                return GO;
            }
            MailChanges.Page p = (MailChanges.Page) changes;
            Set<String> deleted = new HashSet<>(p.deleted());
            if (!deleted.isEmpty()) {
                commitWith(() -> {
                    int n = 0;
                    for (String messageId : deleted) {
                        n += storeMarkDeleted(messageId) ? 1 : 0;
                    }
                    return n;
                }, (b, n) -> {
                    b.deleted = b.deleted + n;
                    return b;
                });
            }
            load(p.added(), deleted);
            nextPage = p.nextPageToken();
            changesCursor = p.cursor();
            return GO;
        }
        if (!pending.isEmpty()) {
            return fetchBatch();
        }
        if (nextPage.isPresent()) {
            historyPage = nextPage;
            pageLoaded = false;
            return GO;
        }
        String cursor = changesCursor;
        commit(b -> {
            b.cursor = Optional.of(cursor);
            return b;
        });
        historyPage = Optional.empty();
        pageLoaded = false;
        return new Current();
    }

    private boolean storeMarkDeleted(String messageId) {
        return sync.emails().markDeleted(connection.id(), messageId, now());
    }

    /** The page's ids not stored yet (nor deleted on the same page), to fetch. */
    private void load(List<String> ids, Set<String> skip) {
        pending.clear();
        List<String> candidates = new ArrayList<>();
        for (String id : ids) {
            if (!skip.contains(id) && !candidates.contains(id)) {
                candidates.add(id);
            }
        }
        Set<String> stored = candidates.isEmpty() ? Set.of() : sync.emails().existing(connection.id(), candidates);
        for (String id : candidates) {
            if (!stored.contains(id)) {
                pending.add(id);
            }
        }
        pageLoaded = true;
    }

    private Next fetchBatch() {
        int n = sync.pacer().spendUpTo(quotaKey, settings.getCost(), Math.min(settings.batchSize(), pending.size()));
        if (n == 0) {
            return waitForQuota();
        }
        List<String> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            batch.add(pending.poll());
        }
        List<MailMessage> messages;
        try {
            messages = call(t -> sync.source().fetchMessages(t, batch));
        } catch (MailSourceException cutShort) {
            if (!cutShort.fetched().isEmpty()) {
                // what the batch fetched before the failure is stored: it is not fetched again
                storeBatch(cutShort.fetched());
            }
            throw cutShort;
        }
        storeBatch(messages);
        return GO;
    }

    /**
     * Stores a batch with its progress. A batch that meets an address another unit of work gave a contact
     * meanwhile (a contact from an unknown sender) wrote nothing, and is stored once more, linking that contact.
     */
    private void storeBatch(List<MailMessage> messages) {
        for (int attempt = 1; ; attempt++) {
            try {
                commitWith(() -> store.store(connection, messages), (b, stored) -> {
                    b.stored = b.stored + stored;
                    b.batches = b.batches + 1;
                    b.rateLimits = 0;
                    return b;
                });
                return;
            } catch (BreakException e) {
                if (e.code() != ErrorCode.CONFLICT || !Reason.ALREADY_EXISTS.equals(e.reason())) {
                    throw e;
                }
                if (attempt > 1) {
                    throw new IllegalStateException("a batch of connection " + connection.id() + " conflicted twice", e);
                }
                store.forget();
            }
        }
    }

    private void finish() {
        commit(b -> {
            b.status = MailSyncStatus.ACTIVE;
            b.lastSyncAt = Optional.of(now());
            b.rateLimits = 0;
            return released(b);
        });
        sync.transactions().inTransaction(() -> store.relink(connection, MailSync.RELINK_MAX));
    }

    private Instant now() {
        return sync.clock().instant().truncatedTo(ChronoUnit.MICROS);
    }

    private MailSyncState.Builder released(MailSyncState.Builder b) {
        b.leaseOwner = Optional.empty();
        b.leaseExpiresAt = Optional.empty();
        return b;
    }

    private void release() {
        try {
            commit(this::released);
        } catch (MailSync.LeaseLost lost) {
            // nothing of ours to release
        }
    }

    private void commit(UnaryOperator<MailSyncState.Builder> change) {
        commitWith(() -> 0, (b, n) -> change.apply(b));
    }

    /**
     * Runs work and writes the state in one unit of work, if this worker still holds the lease; the lease is
     * renewed unless the change releases it.
     */
    private void commitWith(java.util.function.Supplier<Integer> work,
                            java.util.function.BiFunction<MailSyncState.Builder, Integer, MailSyncState.Builder> change) {
        state = sync.transactions().inTransaction(() -> {
            MailSyncState current = sync.states().lock(connection.id()).orElseThrow(MailSync.LeaseLost::new);
            if (!current.leaseOwner().equals(Optional.of(owner))) {
                throw new MailSync.LeaseLost();
            }
            int n = work.get();
            Instant now = now();
            MailSyncState next = current.next(b -> {
                b.leaseExpiresAt = Optional.of(now.plus(settings.lease()));
                MailSyncState.Builder changed = change.apply(b, n);
                if (changed.leaseOwner.isPresent()) {
                    // a unit of work that keeps the lease did work: progress (a release is not)
                    changed.lastProgressAt = Optional.of(now);
                }
                return changed;
            }, now);
            sync.states().update(next);
            return next;
        });
    }
}
