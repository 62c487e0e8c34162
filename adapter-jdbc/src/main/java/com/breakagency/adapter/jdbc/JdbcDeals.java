package com.breakagency.adapter.jdbc;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.DealStage;
import com.breakagency.ports.spi.Deals;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Deals} in table {@code deals}; the value is minor units plus an ISO currency code. Two units of
 * work updating one deal from the same version: the row lock makes the second wait, and its
 * {@code WHERE version = ?} then finds no row, so it gets VERSION_MISMATCH. Thread-safe.
 */
final class JdbcDeals implements Deals {

    /** The unique constraints of the table, and the field each one protects. */
    static final Map<String, SqlFailures.UniqueKey> UNIQUE_KEYS = Map.of(
            "deals_pk", new SqlFailures.UniqueKey("deal", "id"));

    private static final String COLUMNS = "id, brand_id, talent_id, owner_agent_id, title, value_minor, currency,"
            + " stage, commission_plan_id, version, created_at, updated_at";

    private final Sql sql;
    private final String deals;

    JdbcDeals(Sql sql) {
        this.sql = sql;
        this.deals = sql.table("deals");
    }

    @Override
    public void insert(Deal deal) {
        sql.update("INSERT INTO " + deals + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                deal.id(), deal.brandId(), deal.talentId(), deal.ownerAgentId(), deal.title(),
                deal.value().minorUnits(), deal.value().currency().getCurrencyCode(), deal.stage(),
                deal.commissionPlanId().orElse(null), deal.version(), deal.createdAt(), deal.updatedAt());
    }

    @Override
    public void update(Deal deal) {
        // held with the unit's other writes; the row count is checked when they are sent
        sql.defer("UPDATE " + deals + " SET brand_id = ?, talent_id = ?, owner_agent_id = ?,"
                        + " title = ?, value_minor = ?, currency = ?, stage = ?, commission_plan_id = ?, version = ?,"
                        + " created_at = ?, updated_at = ? WHERE id = ? AND version = ?",
                updated -> requireOne(updated, deal.id()),
                deal.brandId(), deal.talentId(), deal.ownerAgentId(), deal.title(), deal.value().minorUnits(),
                deal.value().currency().getCurrencyCode(), deal.stage(), deal.commissionPlanId().orElse(null),
                deal.version(), deal.createdAt(), deal.updatedAt(), deal.id(), deal.version() - 1);
    }

    private void requireOne(int updated, String id) {
        if (updated == 0) {
            throw sql.exists("SELECT 1 FROM " + deals + " WHERE id = ?", id)
                    ? BreakException.versionMismatch("deal", id)
                    : BreakException.notFound("deal", id);
        }
    }

    @Override
    public Optional<Deal> findById(String id) {
        return sql.one("SELECT " + COLUMNS + " FROM " + deals + " WHERE id = ?", JdbcDeals::row, id);
    }

    @Override
    public List<Deal> list(Query query, Optional<String> afterId, int limit) {
        Paging.requireLimit(limit);
        Where where = new Where()
                .andIf(query.brandId(), "brand_id = ?")
                .andIf(query.talentId(), "talent_id = ?")
                .andIf(query.ownerAgentId(), "owner_agent_id = ?")
                .andIf(query.stage().map(DealStage::name), "stage = ?")
                .andIf(afterId, "id > ?");
        return sql.list("SELECT " + COLUMNS + " FROM " + deals + where.sql() + " ORDER BY id FETCH FIRST ? ROWS ONLY",
                JdbcDeals::row, where.params(limit));
    }

    private static Deal row(Sql.Row row) throws SQLException {
        return new Deal(row.string("id"), row.string("brand_id"), row.string("talent_id"),
                row.string("owner_agent_id"), row.string("title"),
                Money.of(row.longValue("value_minor"), row.string("currency").strip()),
                row.enumValue("stage", DealStage.class), row.optionalString("commission_plan_id"),
                row.longValue("version"), row.instant("created_at"), row.instant("updated_at"));
    }
}
