package com.breakagency.adapter.jdbc;

import com.breakagency.ports.model.work.StepStatus;
import com.breakagency.ports.model.work.WorkStep;
import com.breakagency.ports.spi.WorkQueue;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link WorkQueue} in table {@code work_steps}; the payload is JSON text. One step per dedup key, whatever
 * its status, is the constraint {@code work_steps_dedup_key_uq}.
 *
 * <ul>
 *   <li>{@link #enqueue} never fails over a taken key, because it runs inside the caller's unit of work
 *       and on PostgreSQL a failed statement aborts the whole transaction (the payment that queued the step
 *       would be lost). It is the dialect's upsert ({@link Dialect#enqueueStep}), which inserts, re-arms a
 *       DONE step in place, or does nothing, in one statement: PostgreSQL's {@code INSERT ... ON CONFLICT
 *       (dedup_key) DO UPDATE ... WHERE status = 'DONE'} makes a concurrent enqueue of the same key wait
 *       for the first unit of work and take the path its outcome leaves; H2's {@code MERGE} can lose the
 *       race ({@link Dialect#upsertMayLoseInsertRace}): H2 refuses the insert as a statement, the
 *       transaction stays usable there, and the merge runs again, now finding the row.</li>
 *   <li>{@link #claimDue}: where the dialect can skip locked rows ({@link Dialect#claimDueSteps}, PostgreSQL)
 *       one statement, an {@code UPDATE} of the rows a sub-select picked with {@code FOR UPDATE SKIP
 *       LOCKED}, checked against the version it read, so concurrent workers on any number of instances
 *       never wait for each other nor claim a step twice. Elsewhere (H2) {@code SELECT ... FOR UPDATE} then
 *       one update per row conditional on the version it read: correct, and fine for a single instance.</li>
 *   <li>{@link #complete}, {@link #fail} and {@link #retry} are conditional updates ({@code WHERE id = ?
 *       AND lease_owner = ? AND version = ?}); a lost lease touches no row and returns false.</li>
 * </ul>
 * Thread-safe.
 */
final class JdbcWorkQueue implements WorkQueue {

    /** The unique constraints of the table, and the field each one protects. */
    static final Map<String, SqlFailures.UniqueKey> UNIQUE_KEYS = Map.of(
            "work_steps_pk", new SqlFailures.UniqueKey("work step", "id"),
            "work_steps_dedup_key_uq", new SqlFailures.UniqueKey("work step", "dedupKey"));

    private static final String COLUMNS = "id, type, dedup_key, payload, status, attempts, next_attempt_at,"
            + " lease_owner, lease_expires_at, last_error, created_at, updated_at, version";
    private static final String UNIQUE_VIOLATION = "23505";
    /** How often an upsert that lost an insert race runs again, before the failure is let through. */
    private static final int UPSERT_ATTEMPTS = 3;
    private static final String DUE = "((status = 'PENDING' AND next_attempt_at <= ?)"
            + " OR (status = 'RUNNING' AND (lease_expires_at IS NULL OR lease_expires_at <= ?)))";

    private final Sql sql;
    private final Dialect dialect;
    private final String steps;
    private final String enqueueSql;
    private final Optional<String> claimSql;

    JdbcWorkQueue(Sql sql, Dialect dialect) {
        this.sql = sql;
        this.dialect = dialect;
        this.steps = sql.table("work_steps");
        this.enqueueSql = dialect.enqueueStep(steps, COLUMNS);
        this.claimSql = dialect.claimDueSteps(steps, COLUMNS, DUE);
    }

    @Override
    public boolean enqueue(WorkStep step) {
        if (step.status() != StepStatus.PENDING) {
            throw new IllegalArgumentException("a step is queued PENDING");
        }
        String payload = JsonText.object(step.payload());
        Object[] params = {step.id(), step.type(), step.dedupKey(), payload, step.status(), step.attempts(),
                step.nextAttemptAt(), step.leaseOwner().orElse(null), step.leaseExpiresAt().orElse(null),
                step.lastError().orElse(null), step.createdAt(), step.updatedAt(), step.version()};
        if (!dialect.upsertMayLoseInsertRace()) {
            return sql.update(enqueueSql, params) > 0;
        }
        return sql.transactions().inTransaction(() -> {
            for (int attempt = 1; attempt < UPSERT_ATTEMPTS; attempt++) {
                int merged = sql.updateExpectingFailure(UNIQUE_VIOLATION, enqueueSql, params);
                if (merged >= 0) {
                    return merged > 0;
                }
            }
            return sql.update(enqueueSql, params) > 0;
        });
    }

    @Override
    public Optional<WorkStep> findByDedupKey(String dedupKey) {
        return sql.one("SELECT " + COLUMNS + " FROM " + steps + " WHERE dedup_key = ?", JdbcWorkQueue::row, dedupKey);
    }

    @Override
    public List<WorkStep> list(Optional<StepStatus> status, Optional<String> type, Optional<String> afterId, int limit) {
        Paging.requireLimit(limit);
        Where where = new Where()
                .andIf(status, "status = ?")
                .andIf(type, "type = ?")
                .andIf(afterId, "id > ?");
        return sql.list("SELECT " + COLUMNS + " FROM " + steps + where.sql() + " ORDER BY id FETCH FIRST ? ROWS ONLY",
                JdbcWorkQueue::row, where.params(limit));
    }

    @Override
    public Optional<WorkStep> findById(String id) {
        return sql.one("SELECT " + COLUMNS + " FROM " + steps + " WHERE id = ?", JdbcWorkQueue::row, id);
    }

    @Override
    public List<WorkStep> claimDue(String workerId, Instant now, Duration lease, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be 1 or more");
        }
        Instant leaseEnds = now.plus(lease);
        List<WorkStep> claimed = claimSql.isPresent()
                ? sql.list(claimSql.get(), JdbcWorkQueue::row, workerId, leaseEnds, now, now, now, max)
                : claimOneByOne(workerId, now, leaseEnds, max);
        List<WorkStep> ordered = new ArrayList<>(claimed);
        ordered.sort(Comparator.comparing(WorkStep::nextAttemptAt).thenComparing(WorkStep::id));
        return ordered;
    }

    private List<WorkStep> claimOneByOne(String workerId, Instant now, Instant leaseEnds, int max) {
        return sql.transactions().inTransaction(() -> {
            List<Object[]> due = sql.list("SELECT id, version FROM " + steps + " WHERE " + DUE
                            + " ORDER BY next_attempt_at, id FETCH FIRST ? ROWS ONLY FOR UPDATE",
                    row -> new Object[] {row.string("id"), row.longValue("version")}, now, now, max);
            List<WorkStep> claimed = new ArrayList<>();
            for (Object[] candidate : due) {
                int updated = sql.update("UPDATE " + steps + " SET status = 'RUNNING', attempts = attempts + 1,"
                                + " lease_owner = ?, lease_expires_at = ?, updated_at = ?, version = version + 1"
                                + " WHERE id = ? AND version = ? AND " + DUE,
                        workerId, leaseEnds, now, candidate[0], candidate[1], now, now);
                if (updated == 1) {
                    findById((String) candidate[0]).ifPresent(claimed::add);
                }
            }
            return claimed;
        });
    }

    @Override
    public boolean complete(String id, String workerId, long version) {
        return sql.update("UPDATE " + steps + " SET status = 'DONE', lease_owner = NULL, lease_expires_at = NULL,"
                + " version = version + 1 WHERE id = ? AND lease_owner = ? AND version = ? AND status = 'RUNNING'",
                id, workerId, version) > 0;
    }

    @Override
    public boolean fail(String id, String workerId, long version, String error, Instant nextAttemptAt, boolean dead) {
        String held = " WHERE id = ? AND lease_owner = ? AND version = ? AND status = 'RUNNING'";
        if (dead) {
            return sql.update("UPDATE " + steps + " SET status = 'DEAD', lease_owner = NULL, lease_expires_at = NULL,"
                    + " last_error = ?, version = version + 1" + held, error, id, workerId, version) > 0;
        }
        return sql.update("UPDATE " + steps + " SET status = 'PENDING', next_attempt_at = ?, lease_owner = NULL,"
                + " lease_expires_at = NULL, last_error = ?, version = version + 1" + held,
                nextAttemptAt, error, id, workerId, version) > 0;
    }

    @Override
    public boolean retry(String id, Instant now) {
        return sql.update("UPDATE " + steps + " SET status = 'PENDING', attempts = 0, next_attempt_at = ?,"
                + " lease_owner = NULL, lease_expires_at = NULL, updated_at = ?, version = version + 1"
                + " WHERE id = ? AND status = 'DEAD'", now, now, id) > 0;
    }

    @Override
    public Map<String, Map<StepStatus, Long>> counts() {
        Map<String, Map<StepStatus, Long>> counts = new TreeMap<>();
        sql.list("SELECT type, status, COUNT(*) AS n FROM " + steps + " GROUP BY type, status", row -> {
            counts.computeIfAbsent(row.string("type"), t -> new EnumMap<>(StepStatus.class))
                    .put(row.enumValue("status", StepStatus.class), row.longValue("n"));
            return null;
        });
        return counts;
    }

    @Override
    public Optional<WorkStep> oldestDue(Instant now) {
        return sql.one("SELECT " + COLUMNS + " FROM " + steps + " WHERE status = 'PENDING' AND next_attempt_at <= ?"
                + " ORDER BY next_attempt_at, id FETCH FIRST 1 ROWS ONLY", JdbcWorkQueue::row, now);
    }


    private static WorkStep row(Sql.Row row) throws SQLException {
        return new WorkStep(row.string("id"), row.string("type"), row.string("dedup_key"),
                JsonText.parseObject(row.string("payload")), row.enumValue("status", StepStatus.class),
                row.intValue("attempts"), row.instant("next_attempt_at"), row.optionalString("lease_owner"),
                row.optionalInstant("lease_expires_at"), row.optionalString("last_error"), row.instant("created_at"),
                row.instant("updated_at"), row.longValue("version"));
    }
}
