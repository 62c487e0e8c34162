package com.breakagency.adapter.jdbc;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one place where a driver's {@link SQLException} becomes a {@link BreakException}:
 *
 * <table>
 *   <caption>SQLState mapping</caption>
 *   <tr><th>what the database said</th><th>what Break throws</th></tr>
 *   <tr><td>23505, unique violation</td><td>CONFLICT/ALREADY_EXISTS naming the field of the violated
 *       constraint ({@code id}, {@code domains}, {@code emails}, {@code dealId}, {@code number},
 *       {@code externalReference}, {@code allocation}, {@code idempotencyKey}, {@code dedupKey})</td></tr>
 *   <tr><td>serialization failure or deadlock ({@link Dialect#isRetryable})</td><td>the outermost unit of
 *       work runs again; when the retries are used up, CONFLICT/CONCURRENT_UPDATE</td></tr>
 *   <tr><td>connection failure, timeout, administrator shutdown ({@link Dialect#isUnavailable}, or a
 *       connection, timeout or recoverable exception type)</td><td>PERSISTENCE_UNAVAILABLE/DATABASE_UNREACHABLE</td></tr>
 *   <tr><td>anything else, a foreign key violation (23503) included</td><td>PERSISTENCE_UNAVAILABLE/STATEMENT_FAILED</td></tr>
 * </table>
 *
 * <p>No detail ever holds SQL text or a value. The driver's message may quote both, so CONCURRENT_UPDATE
 * and STATEMENT_FAILED keep a summary of the driver's exception as their cause (class, SQLState, vendor
 * code and stack trace, not its message), and ALREADY_EXISTS keeps none. Immutable and thread-safe.
 */
final class SqlFailures {

    /** The reason of the CONFLICT thrown when a unit of work lost to concurrent ones every time it ran. */
    static final String CONCURRENT_UPDATE = "CONCURRENT_UPDATE";
    /** The reason of the PERSISTENCE_UNAVAILABLE thrown for a statement the database refused. */
    static final String STATEMENT_FAILED = "STATEMENT_FAILED";

    private static final String UNIQUE_VIOLATION = "23505";

    /** What a failure means for the unit of work. */
    enum Kind {
        /** A unique constraint refused a value. */
        UNIQUE_VIOLATION,
        /** The database aborted the transaction to serialize it with others; running it again may succeed. */
        RETRY,
        /** The database cannot be reached or gave up on the work. */
        UNAVAILABLE,
        /** The database refused a statement for another reason. */
        STATEMENT
    }

    /**
     * What a unique constraint protects.
     *
     * @param entity the kind of record, such as {@code brand}
     * @param field  the field named in CONFLICT/ALREADY_EXISTS, such as {@code domains}
     */
    record UniqueKey(String entity, String field) {
        UniqueKey {
            Objects.requireNonNull(entity, "entity");
            Objects.requireNonNull(field, "field");
        }
    }

    private final Dialect dialect;
    private final Map<String, UniqueKey> uniqueKeys;

    /**
     * @param dialect    the database's dialect
     * @param uniqueKeys unique constraint names (any case) and what each protects
     */
    SqlFailures(Dialect dialect, Map<String, UniqueKey> uniqueKeys) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        Map<String, UniqueKey> byName = new HashMap<>();
        uniqueKeys.forEach((name, key) -> byName.put(name.toLowerCase(Locale.ROOT), key));
        this.uniqueKeys = Map.copyOf(byName);
    }

    /** What a failure means. */
    Kind classify(SQLException failure) {
        if (failure instanceof SQLTransientConnectionException || failure instanceof SQLNonTransientConnectionException
                || failure instanceof SQLTimeoutException || failure instanceof SQLRecoverableException) {
            return Kind.UNAVAILABLE;
        }
        String state = sqlState(failure);
        if (UNIQUE_VIOLATION.equals(state)) {
            return Kind.UNIQUE_VIOLATION;
        }
        if (dialect.isRetryable(state)) {
            return Kind.RETRY;
        }
        if (dialect.isUnavailable(state)) {
            return Kind.UNAVAILABLE;
        }
        return Kind.STATEMENT;
    }

    /** The exception Break throws for a failure of the given kind. */
    BreakException toBreakException(SQLException failure, Kind kind) {
        String state = Objects.requireNonNullElse(sqlState(failure), "none");
        switch (kind) {
            case UNIQUE_VIOLATION:
                return violatedKey(failure).map(key -> BreakException.alreadyExists(key.entity(), key.field()))
                        .orElseGet(() -> BreakException.builder(ErrorCode.CONFLICT).reason(Reason.ALREADY_EXISTS)
                                .detail("Another record already uses one of those values.").build());
            case RETRY:
                return BreakException.builder(ErrorCode.CONFLICT).reason(CONCURRENT_UPDATE)
                        .detail("Other changes to the same records got in the way; nothing was saved. Try again.")
                        .metadata("sqlState", state).cause(summary(failure)).build();
            case UNAVAILABLE:
                return BreakException.persistenceUnavailable(failure);
            case STATEMENT:
            default:
                return BreakException.builder(ErrorCode.PERSISTENCE_UNAVAILABLE).reason(STATEMENT_FAILED)
                        .detail("The database could not complete the request; nothing was saved.")
                        .metadata("sqlState", state).cause(summary(failure)).build();
        }
    }

    /** The exception Break throws for a failure. */
    BreakException toBreakException(SQLException failure) {
        return toBreakException(failure, classify(failure));
    }

    /**
     * The constraint a unique violation names. Drivers put the constraint's name before any value in their
     * messages, and the server's own message (the innermost one of a batch) before the batch's, so the
     * earliest whole-word mention of a known name wins.
     */
    private Optional<UniqueKey> violatedKey(SQLException failure) {
        List<SQLException> chain = chain(failure);
        for (int i = chain.size() - 1; i >= 0; i--) {
            String message = chain.get(i).getMessage();
            if (message == null) {
                continue;
            }
            String lower = message.toLowerCase(Locale.ROOT);
            UniqueKey found = null;
            int earliest = Integer.MAX_VALUE;
            for (Map.Entry<String, UniqueKey> entry : uniqueKeys.entrySet()) {
                int at = wholeWord(lower, entry.getKey());
                if (at >= 0 && at < earliest) {
                    earliest = at;
                    found = entry.getValue();
                }
            }
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    private static int wholeWord(String text, String word) {
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            int end = at + word.length();
            if ((at == 0 || !isNamePart(text.charAt(at - 1))) && (end == text.length() || !isNamePart(text.charAt(end)))) {
                return at;
            }
        }
        return -1;
    }

    private static boolean isNamePart(char c) {
        return c == '_' || c == '$' || Character.isLetterOrDigit(c);
    }

    /** The most specific SQLState: the failure's own, else the first one down its chain. */
    static String sqlState(SQLException failure) {
        for (SQLException e : chain(failure)) {
            if (e.getSQLState() != null) {
                return e.getSQLState();
            }
        }
        return null;
    }

    /** The failure, then its next exceptions and SQLException causes, without repeats. */
    private static List<SQLException> chain(SQLException failure) {
        List<SQLException> chain = new ArrayList<>();
        SQLException e = failure;
        while (e != null && chain.size() < 20 && !chain.contains(e)) {
            chain.add(e);
            SQLException next = e.getNextException();
            if (next == null && e.getCause() instanceof SQLException) {
                next = (SQLException) e.getCause();
            }
            e = next;
        }
        return chain;
    }

    /** The driver's exception without its message, which may quote SQL and values. */
    private static SQLException summary(SQLException failure) {
        SQLException summary = new SQLException(failure.getClass().getName() + " (SQLState "
                + sqlState(failure) + ", vendor code " + failure.getErrorCode()
                + "); the database's message is left out because it may quote values",
                sqlState(failure), failure.getErrorCode());
        summary.setStackTrace(failure.getStackTrace());
        return summary;
    }
}
