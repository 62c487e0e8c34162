package com.breakagency.adapter.jdbc;

import com.breakagency.ports.context.Role;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.audit.AuditEvent;
import com.breakagency.ports.spi.AuditLog;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link AuditLog} in the append-only table {@code audit_events}; the actor's roles and the changes are
 * JSON text. The events a unit of work appends are sent after its other writes, as one multi-row insert
 * ({@link PendingWrites}), before the unit next reads or commits. {@link #latest} reads one row from the end of the index {@code audit_events_action_idx}
 * ({@code action, id}). Thread-safe.
 */
final class JdbcAuditLog implements AuditLog {

    /** The unique constraints of the table, and the field each one protects. */
    static final Map<String, SqlFailures.UniqueKey> UNIQUE_KEYS = Map.of(
            "audit_events_pk", new SqlFailures.UniqueKey("audit event", "id"));

    private static final String COLUMNS = "id, action, entity_type, entity_id, actor_user_id, actor_roles,"
            + " correlation_id, occurred_at, changes";

    private final Sql sql;
    private final String events;

    JdbcAuditLog(Sql sql) {
        this.sql = sql;
        this.events = sql.table("audit_events");
    }

    @Override
    public void append(AuditEvent event) {
        // nothing in a unit of work reads its own events back, and nothing references them: they go last,
        // all of the unit's events in one multi-row insert
        sql.appendLast(events, COLUMNS, event.id(), event.action(), event.entity().type(), event.entity().id(), event.actorUserId(),
                JsonText.strings(EnumSet.copyOf(event.actorRoles()).stream().map(Role::name).toList()),
                event.correlationId(), event.at(), JsonText.object(event.changes()));
    }

    @Override
    public List<AuditEvent> byEntity(EntityRef entity, Optional<String> afterId, int limit) {
        Paging.requireLimit(limit);
        Where where = new Where()
                .and("entity_type = ?", entity.type())
                .and("entity_id = ?", entity.id())
                .andIf(afterId, "id > ?");
        return sql.list("SELECT " + COLUMNS + " FROM " + events + where.sql() + " ORDER BY id FETCH FIRST ? ROWS ONLY",
                JdbcAuditLog::row, where.params(limit));
    }

    @Override
    public List<AuditEvent> byAction(AuditAction action, Instant from, Instant to, Optional<String> afterId,
                                     int limit) {
        Paging.requireLimit(limit);
        Where where = new Where()
                .and("action = ?", action)
                .and("occurred_at >= ?", from)
                .and("occurred_at < ?", to)
                .andIf(afterId, "id > ?");
        return sql.list("SELECT " + COLUMNS + " FROM " + events + where.sql() + " ORDER BY id FETCH FIRST ? ROWS ONLY",
                JdbcAuditLog::row, where.params(limit));
    }

    @Override
    public Optional<AuditEvent> latest(AuditAction action) {
        return sql.one("SELECT " + COLUMNS + " FROM " + events + " WHERE action = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY",
                JdbcAuditLog::row, action);
    }

    private static AuditEvent row(Sql.Row row) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : JsonText.parseStrings(row.string("actor_roles"))) {
            roles.add(Role.valueOf(role));
        }
        return new AuditEvent(row.string("id"), row.enumValue("action", AuditAction.class),
                EntityRef.of(row.enumValue("entity_type", EntityType.class), row.string("entity_id")),
                row.string("actor_user_id"), roles, row.string("correlation_id"), row.instant("occurred_at"),
                JsonText.parseObject(row.string("changes")));
    }
}
