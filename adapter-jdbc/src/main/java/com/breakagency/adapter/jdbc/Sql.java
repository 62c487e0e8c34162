package com.breakagency.adapter.jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The little JDBC the stores need: run a statement with parameters on the connection of the calling
 * thread's unit of work (or in a short unit of its own), map rows, translate failures. Parameters are
 * {@code String}, {@code Long}, {@code Integer}, {@code Boolean}, {@link BigDecimal}, {@link LocalDate} (a
 * {@code DATE}), {@link Instant} (written as a UTC {@code TIMESTAMP WITH TIME ZONE}, truncated to the
 * microsecond), an enum (its name), {@code byte[]} (a binary column) or null.
 * Thread-safe.
 */
final class Sql {

    /** Reads one row. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(Row row) throws SQLException;
    }

    /** Runs statements on one connection. */
    @FunctionalInterface
    private interface Action<T> {
        T run(Connection connection) throws SQLException;
    }

    private final JdbcTransactions transactions;
    private final String schema;

    /**
     * @param transactions the units of work statements run in
     * @param schema       an unquoted, validated identifier that qualifies every table name
     */
    Sql(JdbcTransactions transactions, String schema) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.schema = Objects.requireNonNull(schema, "schema");
    }

    /** A table name qualified with Break's schema, for use in SQL text. */
    String table(String name) {
        return schema + "." + name;
    }

    /** The units of work the statements run in. */
    JdbcTransactions transactions() {
        return transactions;
    }

    /** Runs an INSERT, UPDATE or DELETE and says how many rows it touched. */
    int update(String sql, Object... params) {
        return run(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, Arrays.asList(params));
                return statement.executeUpdate();
            }
        });
    }

    /**
     * Runs an INSERT, UPDATE, DELETE or MERGE that may fail with one expected SQLState, and says how many
     * rows it touched, or -1 when it failed with that state. The failure is not recorded against the unit
     * of work. Only where the dialect leaves the transaction usable after a failed statement
     * ({@link Dialect#upsertMayLoseInsertRace}, H2); on PostgreSQL it would not, so PostgreSQL statements
     * must never fail on purpose.
     */
    int updateExpectingFailure(String expectedSqlState, String sql, Object... params) {
        return transactions.inTransaction(() -> {
            transactions.flush();
            try (PreparedStatement statement = transactions.connection().prepareStatement(sql)) {
                bind(statement, Arrays.asList(params));
                return statement.executeUpdate();
            } catch (SQLException e) {
                if (expectedSqlState.equals(SqlFailures.sqlState(e))) {
                    return -1;
                }
                throw transactions.translate(e);
            }
        });
    }

    /** Runs one statement once per parameter row, as a batch. */
    void batch(String sql, List<List<Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        run(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (List<Object> row : rows) {
                    bind(statement, row);
                    statement.addBatch();
                }
                statement.executeBatch();
                return null;
            }
        });
    }

    /**
     * Holds an INSERT, UPDATE or DELETE until the unit of work next runs a statement or commits
     * ({@link PendingWrites}); outside a unit of work it runs in one of its own, as {@link #update} would.
     *
     * @param check told how many rows the statement touched once it is sent, or null
     */
    void defer(String sql, PendingWrites.Check check, Object... params) {
        transactions.inTransaction(() -> {
            transactions.pending().add(sql, Arrays.asList(params), check);
            return null;
        });
    }

    /** Holds a multi-row INSERT of {@code rows} (each a list of values for {@code columns}), as {@link #defer} does. */
    void deferInsert(String table, String columns, List<List<Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String tuple = "(" + placeholders(columns.split(",").length) + ")";
        if (!transactions.sendsWritesTogether()) {
            // one row a statement where writes go one by one anyway: H2 runs a multi-row insert that waited for
            // another unit's conflicting row again from its first row, and then names that row's primary key as
            // the duplicate instead of the constraint the other unit took
            // (in one unit of work, so that a batch is still stored whole or not at all)
            transactions.inTransaction(() -> {
                for (List<Object> row : rows) {
                    defer("INSERT INTO " + table + " (" + columns + ") VALUES " + tuple, null, row.toArray());
                }
                return null;
            });
            return;
        }
        List<Object> params = new ArrayList<>();
        rows.forEach(params::addAll);
        defer("INSERT INTO " + table + " (" + columns + ") VALUES "
                + String.join(", ", Collections.nCopies(rows.size(), tuple)), null, params.toArray());
    }

    /**
     * Holds one row of an insert into an append-only table that no statement of the unit of work reads or
     * references, to be sent after the unit's other writes, together with the unit's other rows of that
     * table in one multi-row INSERT.
     */
    void appendLast(String table, String columns, Object... values) {
        transactions.inTransaction(() -> {
            transactions.pending().appendLast("INSERT INTO " + table + " (" + columns + ") VALUES ",
                    "(" + placeholders(values.length) + ")", Arrays.asList(values));
            return null;
        });
    }

    /** Runs a query and maps every row. */
    <T> List<T> list(String sql, RowMapper<T> mapper, List<?> params) {
        return run(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, params);
                try (ResultSet rows = statement.executeQuery()) {
                    List<T> out = new ArrayList<>();
                    Row row = new Row(rows);
                    while (rows.next()) {
                        out.add(mapper.map(row));
                    }
                    return out;
                }
            }
        });
    }

    /** Runs a query and maps every row. */
    <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) {
        return list(sql, mapper, Arrays.asList(params));
    }

    /** Runs a query expected to return at most one row. */
    <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = list(sql, mapper, params);
        if (rows.size() > 1) {
            throw new IllegalStateException("expected at most one row, got " + rows.size());
        }
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Whether a query returns any row. */
    boolean exists(String sql, Object... params) {
        return !list(sql, row -> Boolean.TRUE, params).isEmpty();
    }

    /** A comma-separated column list with every column qualified by a table alias: {@code a, b} becomes {@code t.a, t.b}. */
    static String qualified(String alias, String columns) {
        StringBuilder out = new StringBuilder();
        for (String column : columns.split(",\\s*")) {
            out.append(out.length() == 0 ? "" : ", ").append(alias).append('.').append(column.strip());
        }
        return out.toString();
    }

    /** {@code ?, ?, ?} for an IN list of n values. */
    static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private <T> T run(Action<T> action) {
        return transactions.inTransaction(() -> {
            transactions.flush();
            try {
                return action.run(transactions.connection());
            } catch (SQLException e) {
                throw transactions.translate(e);
            }
        });
    }

    static void bind(PreparedStatement statement, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object value = params.get(i);
            int index = i + 1;
            if (value == null) {
                statement.setObject(index, null);
            } else if (value instanceof String) {
                statement.setString(index, (String) value);
            } else if (value instanceof Long || value instanceof Integer) {
                statement.setLong(index, ((Number) value).longValue());
            } else if (value instanceof Boolean) {
                statement.setBoolean(index, (Boolean) value);
            } else if (value instanceof Instant) {
                statement.setObject(index, OffsetDateTime.ofInstant(((Instant) value).truncatedTo(ChronoUnit.MICROS),
                        ZoneOffset.UTC));
            } else if (value instanceof BigDecimal) {
                statement.setBigDecimal(index, (BigDecimal) value);
            } else if (value instanceof LocalDate) {
                statement.setObject(index, value);
            } else if (value instanceof Enum) {
                statement.setString(index, ((Enum<?>) value).name());
            } else if (value instanceof byte[]) {
                statement.setBytes(index, (byte[]) value);
            } else {
                throw new IllegalArgumentException("no binding for a parameter of " + value.getClass());
            }
        }
    }

    /** The current row of a result, read by column label. Valid only inside a {@link RowMapper}. */
    static final class Row {
        private final ResultSet rows;

        private Row(ResultSet rows) {
            this.rows = rows;
        }

        String string(String column) throws SQLException {
            return Objects.requireNonNull(rows.getString(column), column);
        }

        Optional<String> optionalString(String column) throws SQLException {
            return Optional.ofNullable(rows.getString(column));
        }

        long longValue(String column) throws SQLException {
            return rows.getLong(column);
        }

        boolean bool(String column) throws SQLException {
            return rows.getBoolean(column);
        }

        int intValue(String column) throws SQLException {
            return rows.getInt(column);
        }

        Optional<Long> optionalLong(String column) throws SQLException {
            long value = rows.getLong(column);
            return rows.wasNull() ? Optional.empty() : Optional.of(value);
        }

        BigDecimal decimal(String column) throws SQLException {
            return Objects.requireNonNull(rows.getBigDecimal(column), column);
        }

        Instant instant(String column) throws SQLException {
            return Objects.requireNonNull(rows.getObject(column, OffsetDateTime.class), column).toInstant();
        }

        Optional<Instant> optionalInstant(String column) throws SQLException {
            return Optional.ofNullable(rows.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
        }

        LocalDate date(String column) throws SQLException {
            return Objects.requireNonNull(rows.getObject(column, LocalDate.class), column);
        }

        Optional<LocalDate> optionalDate(String column) throws SQLException {
            return Optional.ofNullable(rows.getObject(column, LocalDate.class));
        }

        Optional<byte[]> optionalBytes(String column) throws SQLException {
            return Optional.ofNullable(rows.getBytes(column));
        }

        <E extends Enum<E>> E enumValue(String column, Class<E> type) throws SQLException {
            return Enum.valueOf(type, string(column));
        }
    }
}
