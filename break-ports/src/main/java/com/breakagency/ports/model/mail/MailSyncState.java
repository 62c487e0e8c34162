package com.breakagency.ports.model.mail;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The mail sync of one connection: where it is, where it resumes, what it has done, and which worker holds
 * it. A store keeps one per connection and writes it optimistically ({@link #version()}); the sync writes it
 * after every batch, so a worker that dies leaves the page it was on and the counts so far. It holds no
 * address and no token.
 *
 * @param connectionId     the connection
 * @param status           where the sync is
 * @param stage            what it does next
 * @param cursor           the provider's history id the incremental sync reads changes from, once a full
 *                         sync has finished
 * @param fullSyncCursor   the history id a full sync under way took at its start; it becomes the cursor
 *                         when the full sync ends
 * @param pageToken        the page of the full sync under way (empty: its first page)
 * @param listed           message ids listed by the full sync under way
 * @param stored           emails stored, in all
 * @param deleted          emails marked deleted, in all
 * @param batches          batches fetched, in all
 * @param fullSyncs        full syncs started, in all (the first and every resync after an expired cursor)
 * @param rateLimits       rate limits in a row, for the backoff without a retry-after
 * @param failureReason    why a FAILED sync stopped (a {@code Reason} constant)
 * @param lastProgressAt   when the sync last stored a batch or finished a run
 * @param lastSyncAt       when the last sync run finished with everything stored
 * @param resyncRequestedAt when a user last asked for a sync now
 * @param leaseOwner       the worker that runs the sync, while it runs
 * @param leaseExpiresAt   when that worker's hold ends unless it renews it
 * @param updatedAt        when the state last changed
 * @param version          optimistic-locking version, 1 for a new state
 */
public record MailSyncState(String connectionId, MailSyncStatus status, MailSyncStage stage, Optional<String> cursor,
                            Optional<String> fullSyncCursor, Optional<String> pageToken, long listed, long stored,
                            long deleted, long batches, int fullSyncs, int rateLimits, Optional<String> failureReason,
                            Optional<Instant> lastProgressAt, Optional<Instant> lastSyncAt,
                            Optional<Instant> resyncRequestedAt, Optional<String> leaseOwner,
                            Optional<Instant> leaseExpiresAt, Instant updatedAt, long version) {

    /**
     * Checks presence.
     *
     * @param connectionId the connection
     * @param status where the sync is
     * @param stage what it does next
     * @param cursor the history id the incremental sync reads changes from
     * @param fullSyncCursor the history id a full sync under way took at its start
     * @param pageToken the page of the full sync under way
     * @param listed message ids listed by the full sync under way
     * @param stored emails stored, in all
     * @param deleted emails marked deleted, in all
     * @param batches batches fetched, in all
     * @param fullSyncs full syncs started, in all
     * @param rateLimits rate limits in a row
     * @param failureReason why a FAILED sync stopped
     * @param lastProgressAt when the sync last stored a batch or finished a run
     * @param lastSyncAt when the last sync run finished with everything stored
     * @param resyncRequestedAt when a user last asked for a sync now
     * @param leaseOwner the worker that runs the sync, while it runs
     * @param leaseExpiresAt when that worker's hold ends
     * @param updatedAt when the state last changed
     * @param version optimistic-locking version
     * @throws NullPointerException naming the component, if one is null
     */
    public MailSyncState {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(cursor, "cursor");
        Objects.requireNonNull(fullSyncCursor, "fullSyncCursor");
        Objects.requireNonNull(pageToken, "pageToken");
        Objects.requireNonNull(failureReason, "failureReason");
        Objects.requireNonNull(lastProgressAt, "lastProgressAt");
        Objects.requireNonNull(lastSyncAt, "lastSyncAt");
        Objects.requireNonNull(resyncRequestedAt, "resyncRequestedAt");
        Objects.requireNonNull(leaseOwner, "leaseOwner");
        Objects.requireNonNull(leaseExpiresAt, "leaseExpiresAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /**
     * The state of a connection that has never synced: NOT_SYNCED, a full sync next, version 1.
     *
     * @param connectionId the connection
     * @param at           now
     * @return the state
     */
    public static MailSyncState notSynced(String connectionId, Instant at) {
        return new MailSyncState(connectionId, MailSyncStatus.NOT_SYNCED, MailSyncStage.FULL, Optional.empty(),
                Optional.empty(), Optional.empty(), 0, 0, 0, 0, 0, 0, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), at, 1);
    }

    /**
     * A copy with other values; the version one up and {@code updatedAt} set.
     *
     * @param change what changes
     * @param at     now
     * @return the next state
     */
    public MailSyncState next(java.util.function.UnaryOperator<Builder> change, Instant at) {
        Builder b = change.apply(new Builder(this));
        return new MailSyncState(connectionId, b.status, b.stage, b.cursor, b.fullSyncCursor, b.pageToken, b.listed,
                b.stored, b.deleted, b.batches, b.fullSyncs, b.rateLimits, b.failureReason, b.lastProgressAt,
                b.lastSyncAt, b.resyncRequestedAt, b.leaseOwner, b.leaseExpiresAt, at, version + 1);
    }

    /**
     * Whether a worker other than {@code worker} holds the sync at {@code now}.
     *
     * @param worker the asking worker
     * @param now    the time
     * @return true if another worker's hold has not expired
     */
    public boolean heldByAnother(String worker, Instant now) {
        return leaseOwner.isPresent() && !leaseOwner.get().equals(worker)
                && leaseExpiresAt.map(end -> end.isAfter(now)).orElse(false);
    }

    /** The mutable values of {@link #next}; public fields for brevity, used only inside {@code next}. */
    public static final class Builder {
        /** See {@link MailSyncState#status()}. */
        public MailSyncStatus status;
        /** See {@link MailSyncState#stage()}. */
        public MailSyncStage stage;
        /** See {@link MailSyncState#cursor()}. */
        public Optional<String> cursor;
        /** See {@link MailSyncState#fullSyncCursor()}. */
        public Optional<String> fullSyncCursor;
        /** See {@link MailSyncState#pageToken()}. */
        public Optional<String> pageToken;
        /** See {@link MailSyncState#listed()}. */
        public long listed;
        /** See {@link MailSyncState#stored()}. */
        public long stored;
        /** See {@link MailSyncState#deleted()}. */
        public long deleted;
        /** See {@link MailSyncState#batches()}. */
        public long batches;
        /** See {@link MailSyncState#fullSyncs()}. */
        public int fullSyncs;
        /** See {@link MailSyncState#rateLimits()}. */
        public int rateLimits;
        /** See {@link MailSyncState#failureReason()}. */
        public Optional<String> failureReason;
        /** See {@link MailSyncState#lastProgressAt()}. */
        public Optional<Instant> lastProgressAt;
        /** See {@link MailSyncState#lastSyncAt()}. */
        public Optional<Instant> lastSyncAt;
        /** See {@link MailSyncState#resyncRequestedAt()}. */
        public Optional<Instant> resyncRequestedAt;
        /** See {@link MailSyncState#leaseOwner()}. */
        public Optional<String> leaseOwner;
        /** See {@link MailSyncState#leaseExpiresAt()}. */
        public Optional<Instant> leaseExpiresAt;

        private Builder(MailSyncState s) {
            status = s.status;
            stage = s.stage;
            cursor = s.cursor;
            fullSyncCursor = s.fullSyncCursor;
            pageToken = s.pageToken;
            listed = s.listed;
            stored = s.stored;
            deleted = s.deleted;
            batches = s.batches;
            fullSyncs = s.fullSyncs;
            rateLimits = s.rateLimits;
            failureReason = s.failureReason;
            lastProgressAt = s.lastProgressAt;
            lastSyncAt = s.lastSyncAt;
            resyncRequestedAt = s.resyncRequestedAt;
            leaseOwner = s.leaseOwner;
            leaseExpiresAt = s.leaseExpiresAt;
        }
    }
}
