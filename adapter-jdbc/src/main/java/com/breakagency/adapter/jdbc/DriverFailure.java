package com.breakagency.adapter.jdbc;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the adapter keeps of an exception of the driver, the pool or Flyway: its class name, SQLState and
 * vendor code, and its stack trace, never its message. A driver's message may quote the whole statement
 * with its bound values ({@code Batch entry 0 INSERT INTO ... VALUES (('778019'::int8), ...)}), and a
 * kept cause reaches the boundary's log, the error report and its Sentry event, so no persistence failure
 * leaves the adapter with one.
 *
 * <p>{@link #of(Throwable)} replaces a whole chain: each cause, each {@link SQLException#getNextException()}
 * of a batch (appended to the cause chain, so that everything reading causes sees it) and each suppressed
 * exception becomes a stand-in, at most {@value #MAX_LINKS} of them. The message reads
 * {@code SQLState 08006, vendor code 0 (org.postgresql.util.PSQLException)}, or
 * {@code no SQLState (java.net.SocketException)} for an exception that is no {@link SQLException}.
 */
final class DriverFailure extends SQLException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_LINKS = 20;

    private final String originalClassName;

    private DriverFailure(Throwable original) {
        super(describe(original), original instanceof SQLException ? ((SQLException) original).getSQLState() : null,
                original instanceof SQLException ? ((SQLException) original).getErrorCode() : 0);
        this.originalClassName = original.getClass().getName();
        setStackTrace(original.getStackTrace());
    }

    /**
     * The message-free stand-in for a failure and everything chained to it.
     *
     * @param failure what the driver, the pool or Flyway threw; a stand-in is returned as it is
     * @return the stand-in, whose causes are stand-ins too
     */
    static DriverFailure of(Throwable failure) {
        if (failure instanceof DriverFailure) {
            return (DriverFailure) failure;
        }
        List<Throwable> chain = chain(failure);
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        chain.forEach(t -> seen.put(t, Boolean.TRUE));
        DriverFailure next = null;
        for (int i = chain.size() - 1; i >= 0; i--) {
            DriverFailure link = new DriverFailure(chain.get(i));
            if (next != null) {
                link.initCause(next);
            }
            for (Throwable suppressed : chain.get(i).getSuppressed()) {
                if (!seen.containsKey(suppressed) && seen.size() < MAX_LINKS) {
                    seen.put(suppressed, Boolean.TRUE);
                    link.addSuppressed(new DriverFailure(suppressed));
                }
            }
            next = link;
        }
        return next;
    }

    /**
     * The class name of the exception this stands for.
     *
     * @return a fully qualified class name
     */
    String originalClassName() {
        return originalClassName;
    }

    /** The failure, then its next exceptions and causes, without repeats. */
    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        List<Throwable> pending = new ArrayList<>();
        pending.add(failure);
        while (!pending.isEmpty() && chain.size() < MAX_LINKS) {
            Throwable t = pending.remove(0);
            if (t == null || seen.containsKey(t)) {
                continue;
            }
            seen.put(t, Boolean.TRUE);
            chain.add(t);
            List<Throwable> after = new ArrayList<>();
            if (t instanceof SQLException) {
                after.add(((SQLException) t).getNextException());
            }
            after.add(t.getCause());
            pending.addAll(0, after);
        }
        return chain;
    }

    private static String describe(Throwable original) {
        String name = original.getClass().getName();
        if (original instanceof SQLException) {
            SQLException sql = (SQLException) original;
            return "SQLState " + (sql.getSQLState() == null ? "none" : sql.getSQLState()) + ", vendor code "
                    + sql.getErrorCode() + " (" + name + ")";
        }
        return "no SQLState (" + name + ")";
    }
}
