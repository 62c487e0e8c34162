package com.breakagency.adapter.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The writes of one unit of work whose outcome no store needs at once (inserts, and optimistic updates
 * whose row count is checked when they are sent), held until the unit reads, runs any other statement or
 * commits, and then sent in the order they were made, the appends to an append-only table nothing else
 * in the unit reads or references (the audit log) last, as one multi-row insert. On a database that takes
 * several statements in one round trip (PostgreSQL: one prepared statement of several commands, sent
 * with one sync), all of them go in one statement; otherwise one statement each. A failure of any of them
 * fails the statement that sent them, so the unit of work, exactly as if each had run on its own: the
 * database applies none of the unit's writes. Not thread-safe: one unit of work, one thread.
 */
final class PendingWrites {

    /** Checks the row count of one sent write, and throws what the store would have thrown at once. */
    @FunctionalInterface
    interface Check {
        void rows(int count);
    }

    /** Parameters PostgreSQL takes in one statement (its wire protocol counts them in 16 bits). */
    private static final int MAX_PARAMETERS = 32_767;
    /** Rows in one multi-row insert of the appends sent last. */
    private static final int ROWS_PER_INSERT = 500;

    private record Write(String sql, List<Object> params, Check check) {
    }

    private final List<Write> writes = new ArrayList<>();
    /** Rows to append last, by the insert's head ({@code INSERT INTO t (columns) VALUES }) and row tuple. */
    private final Map<String, List<List<Object>>> appends = new LinkedHashMap<>();
    private final Map<String, String> tuples = new LinkedHashMap<>();

    /** Holds one write; {@code check} (or null) is told the rows it touched once it is sent. */
    void add(String sql, List<Object> params, Check check) {
        writes.add(new Write(sql, params, check));
    }

    /** Holds rows of one insert into an append-only table nothing in the unit reads, sent after every other write. */
    void appendLast(String head, String tuple, List<Object> row) {
        appends.computeIfAbsent(head, h -> new ArrayList<>()).add(row);
        tuples.put(head, tuple);
    }

    boolean isEmpty() {
        return writes.isEmpty() && appends.isEmpty();
    }

    /**
     * Sends every held write and forgets them.
     *
     * @param together whether the database takes several statements in one prepared statement
     * @return the checks to run, with their counts bound, once the statement succeeded
     */
    List<Runnable> send(Connection connection, boolean together) throws SQLException {
        List<Write> all = new ArrayList<>(writes);
        appends.forEach((head, rows) -> {
            for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
                List<List<Object>> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
                all.add(new Write(head + String.join(", ", Collections.nCopies(chunk.size(), tuples.get(head))),
                        chunk.stream().flatMap(List::stream).toList(), null));
            }
        });
        writes.clear();
        appends.clear();
        tuples.clear();
        int parameters = all.stream().mapToInt(w -> w.params().size()).sum();
        int[] counts = together && all.size() > 1 && parameters <= MAX_PARAMETERS
                ? sendTogether(connection, all) : sendEach(connection, all);
        List<Runnable> checks = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Check check = all.get(i).check();
            int count = counts[i];
            if (check != null) {
                checks.add(() -> check.rows(count));
            }
        }
        return checks;
    }

    private static int[] sendTogether(Connection connection, List<Write> all) throws SQLException {
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (Write write : all) {
            sql.append(sql.length() == 0 ? "" : ";\n").append(write.sql());
            params.addAll(write.params());
        }
        int[] counts = new int[all.size()];
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            Sql.bind(statement, params);
            statement.execute();
            for (int i = 0; i < counts.length; i++) {
                counts[i] = statement.getUpdateCount();
                statement.getMoreResults();
            }
        }
        return counts;
    }

    private static int[] sendEach(Connection connection, List<Write> all) throws SQLException {
        int[] counts = new int[all.size()];
        for (int i = 0; i < counts.length; i++) {
            try (PreparedStatement statement = connection.prepareStatement(all.get(i).sql())) {
                Sql.bind(statement, all.get(i).params());
                counts[i] = statement.executeUpdate();
            }
        }
        return counts;
    }
}
