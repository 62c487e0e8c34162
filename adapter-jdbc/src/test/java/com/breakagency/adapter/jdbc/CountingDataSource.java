package com.breakagency.adapter.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A data source that writes down every round trip its connections make to the database: each
 * {@code execute...} of a statement (a batch, or a statement of several commands, being one, as the
 * driver sends it) by the first words of its SQL, and each commit and rollback. Thread-safe.
 */
final class CountingDataSource extends ProxiedDataSource {

    private final List<String> trips = new ArrayList<>();
    private final List<Sent> sent = new ArrayList<>();

    /**
     * One statement as it was sent.
     *
     * @param sql    its text
     * @param params the values bound to it, by index from 1 (null where none was bound)
     */
    record Sent(String sql, List<Object> params) {
    }

    CountingDataSource(DataSource target) {
        super(target);
    }

    /** Forgets what was counted. */
    synchronized void reset() {
        trips.clear();
        sent.clear();
    }

    /** The statements sent since the last reset, with their values. */
    synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** The round trips since the last reset, in order: {@code COMMIT}, {@code ROLLBACK} or a statement's head. */
    synchronized List<String> trips() {
        return List.copyOf(trips);
    }

    private synchronized void trip(String what) {
        trips.add(what);
    }

    private synchronized void sent(String sql, java.util.Map<Integer, Object> values) {
        List<Object> params = new ArrayList<>();
        int last = values.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        for (int i = 1; i <= last; i++) {
            params.add(values.get(i));
        }
        sent.add(new Sent(sql, java.util.Collections.unmodifiableList(params)));
    }

    /** A statement's head: its commands' first words and tables, {@code INSERT audit_events + UPDATE invoices}. */
    static String head(String sql) {
        List<String> heads = new ArrayList<>();
        for (String command : sql.split(";")) {
            String[] words = command.strip().replace("\"", "").split("\\s+");
            String verb = words[0].toUpperCase();
            String table = "";
            for (int i = 0; i < words.length - 1; i++) {
                String word = words[i].toUpperCase();
                if (word.equals("FROM") || word.equals("INTO") || (verb.equals("UPDATE") && i == 0)) {
                    table = words[i + 1].substring(words[i + 1].indexOf('.') + 1);
                    break;
                }
            }
            heads.add(verb + " " + table + (command.contains("FOR UPDATE") ? " FOR UPDATE" : ""));
        }
        return String.join(" + ", heads);
    }

    @Override
    Connection wrap(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("commit")) {
                trip("COMMIT");
            } else if (method.getName().equals("rollback") && (args == null || args.length == 0)) {
                trip("ROLLBACK");
            }
            Object result = invoke(connection, method, args);
            if ((method.getName().equals("prepareStatement") || method.getName().equals("createStatement"))
                    && result instanceof Statement statement) {
                String sql = args == null || args.length == 0 ? "" : String.valueOf(args[0]);
                java.util.Map<Integer, Object> values = new java.util.HashMap<>();
                return Proxy.newProxyInstance(Statement.class.getClassLoader(),
                        new Class<?>[] {PreparedStatement.class},
                        (p, m, a) -> {
                            if (m.getName().startsWith("set") && a != null && a.length == 2 && a[0] instanceof Integer i) {
                                values.put(i, a[1]);
                            } else if (m.getName().startsWith("execute")) {
                                String text = a != null && a.length > 0 && a[0] instanceof String s ? s : sql;
                                trip(head(text));
                                sent(text, values);
                            }
                            return invoke(statement, m, a);
                        });
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                handler);
    }
}
