package com.breakagency.adapter.jdbc;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.crm.SocialHandle;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.spi.Talents;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Talents} in table {@code talents}; the social handles are JSON text, in their order. Thread-safe.
 */
final class JdbcTalents implements Talents {

    /** The unique constraints of the table, and the field each one protects. */
    static final Map<String, SqlFailures.UniqueKey> UNIQUE_KEYS = Map.of(
            "talents_pk", new SqlFailures.UniqueKey("talent", "id"));

    private static final String COLUMNS = "id, name, handles, email, managing_agent_id, commission_plan_id,"
            + " home_currency, archived, version, created_at, updated_at";

    private final Sql sql;
    private final String talents;

    JdbcTalents(Sql sql) {
        this.sql = sql;
        this.talents = sql.table("talents");
    }

    @Override
    public void insert(Talent talent) {
        sql.update("INSERT INTO " + talents + " (id, name, name_folded, handles, email, managing_agent_id,"
                        + " commission_plan_id, home_currency, archived, version, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                talent.id(), talent.name(), Where.fold(talent.name()), handles(talent), talent.email().orElse(null),
                talent.managingAgentId().orElse(null), talent.commissionPlanId().orElse(null),
                talent.homeCurrency().getCurrencyCode(), talent.archived(), talent.version(), talent.createdAt(),
                talent.updatedAt());
    }

    @Override
    public void update(Talent talent) {
        sql.transactions().inTransaction(() -> {
            int updated = sql.update("UPDATE " + talents + " SET name = ?, name_folded = ?, handles = ?, email = ?,"
                            + " managing_agent_id = ?, commission_plan_id = ?, home_currency = ?, archived = ?,"
                            + " version = ?, created_at = ?, updated_at = ? WHERE id = ? AND version = ?",
                    talent.name(), Where.fold(talent.name()), handles(talent), talent.email().orElse(null),
                    talent.managingAgentId().orElse(null), talent.commissionPlanId().orElse(null),
                    talent.homeCurrency().getCurrencyCode(), talent.archived(), talent.version(),
                    talent.createdAt(), talent.updatedAt(), talent.id(), talent.version() - 1);
            if (updated == 0) {
                throw sql.exists("SELECT 1 FROM " + talents + " WHERE id = ?", talent.id())
                        ? BreakException.versionMismatch("talent", talent.id())
                        : BreakException.notFound("talent", talent.id());
            }
            return null;
        });
    }

    @Override
    public Optional<Talent> findById(String id) {
        return sql.one("SELECT " + COLUMNS + " FROM " + talents + " WHERE id = ?", JdbcTalents::row, id);
    }

    @Override
    public List<Talent> list(Query query, Optional<String> afterId, int limit) {
        Paging.requireLimit(limit);
        Where where = new Where()
                .andStartsWith("name_folded", query.namePrefix())
                .andIf(query.managingAgentId(), "managing_agent_id = ?")
                .andIf(afterId, "id > ?");
        if (!query.includeArchived()) {
            where.and("archived = ?", false);
        }
        return sql.list("SELECT " + COLUMNS + " FROM " + talents + where.sql() + " ORDER BY id FETCH FIRST ? ROWS ONLY",
                JdbcTalents::row, where.params(limit));
    }

    private static Talent row(Sql.Row row) throws SQLException {
        List<SocialHandle> handles = new ArrayList<>();
        for (Map<String, String> handle : JsonText.parseObjects(row.string("handles"))) {
            handles.add(new SocialHandle(handle.get("platform"), handle.get("handle")));
        }
        return new Talent(row.string("id"), row.string("name"), handles, row.optionalString("email"),
                row.optionalString("managing_agent_id"), row.optionalString("commission_plan_id"),
                Currency.getInstance(row.string("home_currency").strip()), row.bool("archived"),
                row.longValue("version"), row.instant("created_at"), row.instant("updated_at"));
    }

    private static String handles(Talent talent) {
        List<Map<String, String>> handles = new ArrayList<>();
        for (SocialHandle handle : talent.handles()) {
            Map<String, String> object = new LinkedHashMap<>();
            object.put("platform", handle.platform());
            object.put("handle", handle.handle());
            handles.add(object);
        }
        return JsonText.objects(handles);
    }
}
