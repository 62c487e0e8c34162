package com.breakagency.adapter.jdbc;

import com.breakagency.ports.model.finance.CommissionPlan;
import com.breakagency.ports.spi.CommissionPlans;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * {@link CommissionPlans} in table {@code commission_plans}. {@link #save} is one upsert, the dialect's
 * ({@link Dialect#saveCommissionPlan}), so two units of work saving one new plan at once never collide. Thread-safe.
 */
final class JdbcCommissionPlans implements CommissionPlans {

    /** The unique constraints of the table, and the field each one protects. */
    static final Map<String, SqlFailures.UniqueKey> UNIQUE_KEYS = Map.of(
            "commission_plans_pk", new SqlFailures.UniqueKey("commission plan", "id"));

    private static final String COLUMNS = "id, agency_rate_bps, agent_share_bps, house_takes_unassigned_share";

    private final Sql sql;
    private final String plans;
    private final String saveSql;

    JdbcCommissionPlans(Sql sql, Dialect dialect) {
        this.sql = sql;
        this.plans = sql.table("commission_plans");
        this.saveSql = dialect.saveCommissionPlan(plans, COLUMNS);
    }

    @Override
    public void save(CommissionPlan plan) {
        sql.update(saveSql, plan.id(), plan.agencyRateBps(), plan.agentShareBps(), plan.houseTakesUnassignedAgentShare());
    }

    @Override
    public Optional<CommissionPlan> find(String id) {
        return sql.one("SELECT " + COLUMNS + " FROM " + plans + " WHERE id = ?", JdbcCommissionPlans::row, id);
    }

    private static CommissionPlan row(Sql.Row row) throws SQLException {
        return new CommissionPlan(row.string("id"), row.intValue("agency_rate_bps"), row.intValue("agent_share_bps"),
                row.bool("house_takes_unassigned_share"));
    }
}
