package com.breakagency.adapter.jdbc;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.mail.MailSyncStage;
import com.breakagency.ports.model.mail.MailSyncState;
import com.breakagency.ports.model.mail.MailSyncStatus;
import com.breakagency.ports.spi.MailSyncStates;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link MailSyncStates} in table {@code mail_sync_states}, one row per connection. {@link #lock(String)} is
 * {@code SELECT ... FOR UPDATE}: held to the end of the unit of work, so one worker at a time takes or
 * renews a connection's sync lease, on any number of instances. Thread-safe.
 */
final class JdbcMailSyncStates implements MailSyncStates {

    /** The unique constraints of the table, and the field each one protects. */
    static final Map<String, SqlFailures.UniqueKey> UNIQUE_KEYS = Map.of(
            "mail_sync_states_pk", new SqlFailures.UniqueKey("mailSyncState", "connectionId"));

    private static final String COLUMNS = "connection_id, status, stage, sync_cursor, full_sync_cursor, page_token,"
            + " listed, stored, deleted, batches, full_syncs, rate_limits, failure_reason, last_progress_at,"
            + " last_sync_at, resync_requested_at, lease_owner, lease_expires_at, updated_at, version";

    private final Sql sql;
    private final String table;

    JdbcMailSyncStates(Sql sql) {
        this.sql = sql;
        this.table = sql.table("mail_sync_states");
    }

    @Override
    public void insert(MailSyncState s) {
        sql.update("INSERT INTO " + table + " (" + COLUMNS + ") VALUES (" + Sql.placeholders(20) + ")",
                s.connectionId(), s.status(), s.stage(), s.cursor().orElse(null), s.fullSyncCursor().orElse(null),
                s.pageToken().orElse(null), s.listed(), s.stored(), s.deleted(), s.batches(), s.fullSyncs(),
                s.rateLimits(), s.failureReason().orElse(null), s.lastProgressAt().orElse(null),
                s.lastSyncAt().orElse(null), s.resyncRequestedAt().orElse(null), s.leaseOwner().orElse(null),
                s.leaseExpiresAt().orElse(null), s.updatedAt(), s.version());
    }

    @Override
    public void update(MailSyncState s) {
        sql.transactions().inTransaction(() -> {
            int updated = sql.update("UPDATE " + table + " SET status = ?, stage = ?, sync_cursor = ?,"
                            + " full_sync_cursor = ?, page_token = ?, listed = ?, stored = ?, deleted = ?, batches = ?,"
                            + " full_syncs = ?, rate_limits = ?, failure_reason = ?, last_progress_at = ?,"
                            + " last_sync_at = ?, resync_requested_at = ?, lease_owner = ?, lease_expires_at = ?,"
                            + " updated_at = ?, version = ? WHERE connection_id = ? AND version = ?",
                    s.status(), s.stage(), s.cursor().orElse(null), s.fullSyncCursor().orElse(null),
                    s.pageToken().orElse(null), s.listed(), s.stored(), s.deleted(), s.batches(), s.fullSyncs(),
                    s.rateLimits(), s.failureReason().orElse(null), s.lastProgressAt().orElse(null),
                    s.lastSyncAt().orElse(null), s.resyncRequestedAt().orElse(null), s.leaseOwner().orElse(null),
                    s.leaseExpiresAt().orElse(null), s.updatedAt(), s.version(), s.connectionId(), s.version() - 1);
            if (updated == 0) {
                throw sql.exists("SELECT 1 FROM " + table + " WHERE connection_id = ?", s.connectionId())
                        ? BreakException.versionMismatch("mailSyncState", s.connectionId())
                        : BreakException.notFound("connection", s.connectionId());
            }
            return null;
        });
    }

    @Override
    public Optional<MailSyncState> find(String connectionId) {
        return sql.one("SELECT " + COLUMNS + " FROM " + table + " WHERE connection_id = ?", JdbcMailSyncStates::row,
                connectionId);
    }

    @Override
    public Optional<MailSyncState> lock(String connectionId) {
        if (!sql.transactions().isActive()) {
            throw new IllegalStateException("call lock inside a unit of work: its lock lasts until the unit ends");
        }
        return sql.one("SELECT " + COLUMNS + " FROM " + table + " WHERE connection_id = ? FOR UPDATE",
                JdbcMailSyncStates::row, connectionId);
    }

    @Override
    public List<MailSyncState> list(Optional<String> afterConnectionId, int limit) {
        Paging.requireLimit(limit);
        Where where = new Where().andIf(afterConnectionId, "connection_id > ?");
        return sql.list("SELECT " + COLUMNS + " FROM " + table + where.sql()
                + " ORDER BY connection_id FETCH FIRST ? ROWS ONLY", JdbcMailSyncStates::row, where.params(limit));
    }

    private static MailSyncState row(Sql.Row row) throws SQLException {
        return new MailSyncState(row.string("connection_id"), row.enumValue("status", MailSyncStatus.class),
                row.enumValue("stage", MailSyncStage.class), row.optionalString("sync_cursor"),
                row.optionalString("full_sync_cursor"), row.optionalString("page_token"), row.longValue("listed"),
                row.longValue("stored"), row.longValue("deleted"), row.longValue("batches"),
                row.intValue("full_syncs"), row.intValue("rate_limits"), row.optionalString("failure_reason"),
                row.optionalInstant("last_progress_at"), row.optionalInstant("last_sync_at"),
                row.optionalInstant("resync_requested_at"), row.optionalString("lease_owner"),
                row.optionalInstant("lease_expires_at"), row.instant("updated_at"), row.longValue("version"));
    }
}
