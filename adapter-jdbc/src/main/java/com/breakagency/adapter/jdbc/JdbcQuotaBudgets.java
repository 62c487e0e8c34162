package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.QuotaBudgets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * {@link QuotaBudgets} in table {@code quota_budgets}: one row per key holding its latest window and the
 * units spent in it. A spend is one conditional {@code UPDATE} (the row lock makes concurrent spends of a key
 * take turns, and the condition refuses what does not fit); a key's first spend inserts its row, and of two
 * first spends at once one fails with CONFLICT/ALREADY_EXISTS and is run again by the caller. Thread-safe.
 */
final class JdbcQuotaBudgets implements QuotaBudgets {

    /** The unique constraints of the table, and the field each one protects. */
    static final Map<String, SqlFailures.UniqueKey> UNIQUE_KEYS = Map.of(
            "quota_budgets_pk", new SqlFailures.UniqueKey("quotaBudget", "key"));

    private final Sql sql;
    private final String table;

    JdbcQuotaBudgets(Sql sql) {
        this.sql = sql;
        this.table = sql.table("quota_budgets");
    }

    @Override
    public boolean trySpend(String key, Instant windowStart, int units, int limit) {
        if (units < 1) {
            throw new IllegalArgumentException("units must be 1 or more");
        }
        return sql.transactions().inTransaction(() -> {
            int updated = sql.update("UPDATE " + table + " SET spent = CASE WHEN window_start = ? THEN spent + ?"
                            + " ELSE ? END, window_start = ? WHERE quota_key = ? AND ((window_start = ? AND spent + ? <= ?)"
                            + " OR (window_start < ? AND ? <= ?))",
                    windowStart, (long) units, (long) units, windowStart, key, windowStart, (long) units, (long) limit,
                    windowStart, (long) units, (long) limit);
            if (updated == 1) {
                return true;
            }
            if (sql.exists("SELECT 1 FROM " + table + " WHERE quota_key = ?", key) || units > limit) {
                return false;
            }
            sql.update("INSERT INTO " + table + " (quota_key, window_start, spent) VALUES (?, ?, ?)", key, windowStart,
                    (long) units);
            return true;
        });
    }

    @Override
    public int spent(String key, Instant windowStart) {
        Optional<Long> spent = sql.one("SELECT spent FROM " + table + " WHERE quota_key = ? AND window_start = ?",
                row -> row.longValue("spent"), key, windowStart);
        return spent.map(Long::intValue).orElse(0);
    }
}
