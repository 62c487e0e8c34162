package com.breakagency.adapter.jdbc;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Statements over many ids, sent in chunks so no statement carries more parameters than a driver takes: the
 * guarded move of commission lines and reversals to PAID_OUT, and look-ups by many ids. Stateless.
 */
final class Chunks {

    /** The most ids one statement names. */
    static final int SIZE = 500;

    private Chunks() {
    }

    /**
     * Splits ids into chunks.
     *
     * @param ids the ids, duplicates dropped
     * @return the chunks, in order
     */
    static List<List<String>> of(Collection<String> ids) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i += SIZE) {
            chunks.add(distinct.subList(i, Math.min(distinct.size(), i + SIZE)));
        }
        return chunks;
    }

    /**
     * Moves rows of a table with a {@code status} column from PENDING_PAYOUT to PAID_OUT, guarded by their status:
     * each statement moves only rows still owed, and a row that was missing or not owed fails the call (and so
     * the unit of work, which keeps none of the moves).
     *
     * @param sql   the statements
     * @param table the qualified table
     * @param ids   the rows
     * @throws BreakException CONFLICT/INVALID_STATE_TRANSITION when a row was not moved
     */
    static void requireAllMoved(Sql sql, String table, List<String> ids) {
        sql.transactions().inTransaction(() -> {
            for (List<String> chunk : of(ids)) {
                List<Object> params = new ArrayList<>(chunk);
                int moved = sql.update("UPDATE " + table + " SET status = 'PAID_OUT' WHERE status = 'PENDING_PAYOUT'"
                        + " AND id IN (" + Sql.placeholders(chunk.size()) + ")", params.toArray());
                if (moved != chunk.size()) {
                    throw BreakException.builder(ErrorCode.CONFLICT).reason(Reason.INVALID_STATE_TRANSITION)
                            .detail("An entry to pay out is missing or not owed any more.").build();
                }
            }
            return null;
        });
    }
}
