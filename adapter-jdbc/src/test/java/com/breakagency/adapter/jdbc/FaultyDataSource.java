package com.breakagency.adapter.jdbc;

import java.io.EOFException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * A data source that counts the statements it executes (every {@code execute...} call, a batch being one)
 * and the commits, and when armed fails one of them the way a lost connection fails it in pgjdbc:
 * a {@link SQLException} with SQLState 08006 whose message, like the driver's, quotes the statement and
 * its bound values ({@code Batch entry 0 INSERT INTO ... was aborted}, with the I/O failure as its next
 * exception for a batch). A failed statement is not sent; a failed commit is not made, and the unit of
 * work rolls back. The values bound to the failed statement are kept, for tests that look for leaks.
 * Thread-safe.
 */
final class FaultyDataSource extends ProxiedDataSource {

    private final AtomicInteger statements = new AtomicInteger();
    private final AtomicInteger commits = new AtomicInteger();
    private volatile int failStatement;
    private volatile int failCommit;
    private volatile Predicate<String> failMatching;
    private volatile boolean fired;
    private volatile List<String> failedValues = List.of();

    FaultyDataSource(DataSource target) {
        super(target);
    }

    /** Counts from zero again and fails nothing. */
    void reset() {
        statements.set(0);
        commits.set(0);
        failStatement = 0;
        failCommit = 0;
        failMatching = null;
        fired = false;
        failedValues = List.of();
    }

    /** Whether the armed failure happened since arming. */
    boolean fired() {
        return fired;
    }

    /** Counts from zero and fails the k-th statement executed from now on (1 is the next one). */
    void failStatement(int k) {
        reset();
        failStatement = k;
    }

    /** Counts from zero and fails the j-th commit from now on. */
    void failCommit(int j) {
        reset();
        failCommit = j;
    }

    /** Counts from zero and fails the first statement whose SQL matches. */
    void failStatementMatching(Predicate<String> sql) {
        reset();
        failMatching = sql;
    }

    /** Statements executed since the last reset or arming. */
    int statements() {
        return statements.get();
    }

    /** Commits since the last reset or arming. */
    int commits() {
        return commits.get();
    }

    /** The values bound to the statement that failed (every row of a batch), as text. */
    List<String> failedValues() {
        return failedValues;
    }

    @Override
    Connection wrap(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("commit")) {
                if (commits.incrementAndGet() == failCommit) {
                    failCommit = 0;
                    fired = true;
                    throw new SQLException("An I/O error occurred while sending to the backend.", "08006",
                            new EOFException());
                }
            }
            Object result = invoke(connection, method, args);
            if ((method.getName().equals("prepareStatement") || method.getName().equals("createStatement"))
                    && result instanceof Statement statement) {
                return wrap(statement, args == null || args.length == 0 ? "" : String.valueOf(args[0]));
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                handler);
    }

    private Statement wrap(Statement statement, String sql) {
        List<String> values = new ArrayList<>();
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (name.startsWith("set") && args != null && args.length == 2 && args[0] instanceof Integer) {
                String value = String.valueOf(args[1]);
                values.add(value);
            } else if (name.startsWith("execute")) {
                int n = statements.incrementAndGet();
                Predicate<String> matching = failMatching;
                if (n == failStatement || (matching != null && matching.test(sql))) {
                    failStatement = 0;
                    failMatching = null;
                    fired = true;
                    failedValues = List.copyOf(values);
                    throw lostConnection(sql, values, name.equals("executeBatch"));
                }
            }
            return invoke(statement, method, args);
        };
        return (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, handler);
    }

    /** What pgjdbc throws when the connection is lost while it sends a statement. */
    private static SQLException lostConnection(String sql, List<String> values, boolean batch) {
        SQLException io = new SQLException("An I/O error occurred while sending to the backend: " + sql
                + " with " + values, "08006", new EOFException("EOF while sending " + values));
        if (!batch) {
            return io;
        }
        StringBuilder quoted = new StringBuilder();
        for (String value : values) {
            quoted.append(quoted.length() == 0 ? "" : ", ").append("('").append(value).append("')");
        }
        BatchUpdateException e = new BatchUpdateException("Batch entry 0 " + sql + " with (" + quoted + ") was"
                + " aborted: An I/O error occurred while sending to the backend.  Call getNextException to see other"
                + " errors in the batch.", "08006", 0, new int[0], io);
        e.setNextException(io);
        return e;
    }
}
