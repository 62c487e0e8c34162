package com.breakagency.benchmarks;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that counts what goes to the server: statements executed (each one a round trip; a batch
 * is one), rows added to batches, commits and rollbacks, and, per statement's first word and table, how
 * often each ran. Used for one short pass outside the timed runs, to say where a mark-paid's time goes.
 * Thread-safe.
 */
final class StatementCounter implements DataSource {

    private final DataSource target;
    final LongAdder executes = new LongAdder();
    final LongAdder batchedRows = new LongAdder();
    final LongAdder commits = new LongAdder();
    final LongAdder rollbacks = new LongAdder();
    private final Map<String, LongAdder> byKind = new ConcurrentHashMap<>();

    StatementCounter(DataSource target) {
        this.target = target;
    }

    /** How often each kind of statement ran, such as {@code INSERT payments}, sorted. */
    Map<String, Long> byKind() {
        Map<String, Long> out = new TreeMap<>();
        byKind.forEach((kind, n) -> out.put(kind, n.sum()));
        return out;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(target.getConnection(username, password));
    }

    private Connection wrap(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            switch (method.getName()) {
                case "commit" -> commits.increment();
                case "rollback" -> rollbacks.increment();
                default -> { }
            }
            Object result = invoke(connection, method, args);
            if (method.getName().equals("prepareStatement") && result instanceof Statement statement) {
                return wrap(statement, kind((String) args[0]));
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                handler);
    }

    private Statement wrap(Statement statement, String kind) {
        Class<?>[] interfaces = {PreparedStatement.class};
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (name.startsWith("execute")) {
                executes.increment();
                byKind.computeIfAbsent(kind, k -> new LongAdder()).increment();
            } else if (name.equals("addBatch")) {
                batchedRows.increment();
            }
            return invoke(statement, method, args);
        };
        return (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(), interfaces, handler);
    }

    /** The statement's first word and the first table it names, such as {@code SELECT invoices FOR UPDATE}. */
    static String kind(String sql) {
        String[] words = sql.trim().split("\\s+");
        String verb = words[0].toUpperCase(Locale.ROOT);
        String table = "";
        for (int i = 0; i < words.length - 1; i++) {
            String w = words[i].toUpperCase(Locale.ROOT);
            if (w.equals("FROM") || w.equals("INTO") || w.equals("UPDATE")) {
                table = words[i + 1];
                break;
            }
        }
        table = table.contains(".") ? table.substring(table.indexOf('.') + 1) : table;
        String suffix = sql.contains("FOR UPDATE") ? " FOR UPDATE" : sql.contains("ON CONFLICT") ? " ON CONFLICT" : "";
        return verb + " " + table.replace("\"", "") + suffix;
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return target.isWrapperFor(iface);
    }
}
