package com.breakagency.adapter.jdbc;

import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.crm.Activity;
import com.breakagency.ports.model.crm.ActivityKind;
import com.breakagency.ports.model.crm.Visibility;
import com.breakagency.ports.spi.Activities;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link Activities} in the append-only table {@code activities}, read newest id first; a portal user's
 * timeline filters on column {@code visibility} in the query, so its pages are full. Thread-safe.
 */
final class JdbcActivities implements Activities {

    /** The unique constraints of the table, and the field each one protects. */
    static final Map<String, SqlFailures.UniqueKey> UNIQUE_KEYS = Map.of(
            "activities_pk", new SqlFailures.UniqueKey("activity", "id"));

    private static final String COLUMNS = "id, subject_type, subject_id, kind, author_user_id, occurred_at, body,"
            + " visibility";

    private final Sql sql;
    private final String activities;

    JdbcActivities(Sql sql) {
        this.sql = sql;
        this.activities = sql.table("activities");
    }

    @Override
    public void append(Activity activity) {
        sql.update("INSERT INTO " + activities + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                activity.id(), activity.subject().type(), activity.subject().id(), activity.kind(),
                activity.authorUserId(), activity.at(), activity.text(), activity.visibility());
    }

    @Override
    public List<Activity> timeline(EntityRef subject, Set<Visibility> visibilities, Optional<String> beforeId,
                                   int limit) {
        Paging.requireLimit(limit);
        Where where = new Where()
                .and("subject_type = ?", subject.type())
                .and("subject_id = ?", subject.id())
                .andIf(beforeId, "id < ?");
        if (!visibilities.isEmpty() && visibilities.size() < Visibility.values().length) {
            where.andIn("visibility", visibilities.stream().sorted().toList());
        }
        return sql.list("SELECT " + COLUMNS + " FROM " + activities + where.sql()
                + " ORDER BY id DESC FETCH FIRST ? ROWS ONLY", JdbcActivities::row, where.params(limit));
    }

    private static Activity row(Sql.Row row) throws SQLException {
        return new Activity(row.string("id"),
                EntityRef.of(row.enumValue("subject_type", EntityType.class), row.string("subject_id")),
                row.enumValue("kind", ActivityKind.class), row.string("author_user_id"), row.instant("occurred_at"),
                row.string("body"), row.enumValue("visibility", Visibility.class));
    }
}
