package com.breakagency.adapter.jdbc;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.FieldError;
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
 *   <tr><td>23505, unique violation of a constraint Break names</td><td>CONFLICT/ALREADY_EXISTS naming the
 *       field of the violated constraint ({@code id}, {@code domains}, {@code emails}, {@code dealId},
 *       {@code number}, {@code externalReference}, {@code allocation}, {@code idempotencyKey},
 *       {@code dedupKey}) and the constraint</td></tr>
 *   <tr><td>23505 of a constraint Break does not name</td><td>CONFLICT/ALREADY_EXISTS without a field</td></tr>
 *   <tr><td>serialization failure or deadlock ({@link Dialect#isRetryable})</td><td>the outermost unit of
 *       work runs again; when the retries are used up, CONFLICT/CONCURRENT_UPDATE</td></tr>
 *   <tr><td>connection failure, timeout, administrator shutdown ({@link Dialect#isUnavailable}, or a
 *       connection, timeout or recoverable exception type)</td><td>PERSISTENCE_UNAVAILABLE/DATABASE_UNREACHABLE,
 *       retryable; a pool that timed out waiting for a free connection ({@link #noConnection}),
 *       PERSISTENCE_UNAVAILABLE/{@link Reason#POOL_EXHAUSTED}, retryable; while committing, PERSISTENCE_UNAVAILABLE/COMMIT_OUTCOME_UNKNOWN
 *       ({@link JdbcTransactions})</td></tr>
 *   <tr><td>class 22, data exception (a value too long, a NUL character, a date or number out of range,
 *       ...)</td><td>VALIDATION_FAILED/INVALID_INPUT with one field error at {@code #}: every value Break
 *       stores comes from a command or is computed from one, so the command holds a value the database
 *       cannot keep; not retryable</td></tr>
 *   <tr><td>class 23 other than 23505 (not-null, check, foreign key)</td><td>UNHANDLED_ERROR/{@link
 *       Reason#STATEMENT_REJECTED}: a rule of the schema Break's own code should have kept, so a defect;
 *       not retryable, reported</td></tr>
 *   <tr><td>anything else</td><td>PERSISTENCE_UNAVAILABLE/STATEMENT_FAILED</td></tr>
 * </table>
 *
 * <p>No detail, metadata or cause ever holds the driver's message: it may quote the statement with its
 * bound values. Every exception carries the SQLState in its metadata ({@code sqlState}) and, except
 * ALREADY_EXISTS (a client error, logged without a stack trace), a {@link DriverFailure} as its cause,
 * which keeps the class names, SQLStates and stack traces of the whole chain and no message. The
 * constraint's name is read from the driver's message only to be matched against the names Break knows.
 * Immutable and thread-safe.
 */
final class SqlFailures {

    /** The reason of the CONFLICT thrown when a unit of work lost to concurrent ones every time it ran. */
    static final String CONCURRENT_UPDATE = Reason.CONCURRENT_UPDATE;
    /** The reason of the PERSISTENCE_UNAVAILABLE thrown for a statement the database refused. */
    static final String STATEMENT_FAILED = Reason.STATEMENT_FAILED;
    /** The reason of the PERSISTENCE_UNAVAILABLE thrown when the database cannot be reached. */
    static final String DATABASE_UNREACHABLE = Reason.DATABASE_UNREACHABLE;
    /** The reason of the VALIDATION_FAILED thrown for a value the database cannot store. */
    static final String INVALID_INPUT = Reason.INVALID_INPUT;

    /** How many connections a unit of work holds at once. */
    static final int CONNECTIONS_PER_UNIT_OF_WORK = 1;
    /** How many connections Flyway holds at once while it migrates Break's schema. */
    static final int CONNECTIONS_WHILE_MIGRATING = 2;

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String DATA_EXCEPTION_CLASS = "22";
    private static final String INTEGRITY_VIOLATION_CLASS = "23";

    /** What a failure means for the unit of work. */
    enum Kind {
        /** A unique constraint refused a value. */
        UNIQUE_VIOLATION,
        /** The database aborted the transaction to serialize it with others; running it again may succeed. */
        RETRY,
        /** The database cannot be reached or gave up on the work. */
        UNAVAILABLE,
        /** A value cannot be stored: too long, out of range, a character the database refuses (class 22). */
        DATA,
        /** Another integrity rule of the schema refused the statement: not-null, check, foreign key (class 23). */
        INTEGRITY,
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

    /** A constraint Break names (lower case) found in a failure, and what it protects. */
    private record Violated(String constraint, UniqueKey key) {
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
        if (state != null && state.startsWith(DATA_EXCEPTION_CLASS)) {
            return Kind.DATA;
        }
        if (state != null && state.startsWith(INTEGRITY_VIOLATION_CLASS)) {
            return Kind.INTEGRITY;
        }
        return Kind.STATEMENT;
    }

    /** The exception Break throws for a failure of the given kind. */
    BreakException toBreakException(SQLException failure, Kind kind) {
        String state = Objects.requireNonNullElse(sqlState(failure), "none");
        switch (kind) {
            case UNIQUE_VIOLATION:
                return violatedKey(failure).map(found -> BreakException.builder(ErrorCode.CONFLICT)
                                .reason(Reason.ALREADY_EXISTS)
                                .detail("Another " + found.key().entity() + " already uses the same " + found.key().field() + ".")
                                .metadata("entity", found.key().entity()).metadata("field", found.key().field())
                                .metadata("constraint", found.constraint()).metadata("sqlState", state).build())
                        .orElseGet(() -> BreakException.builder(ErrorCode.CONFLICT).reason(Reason.ALREADY_EXISTS)
                                .detail("Another record already uses one of those values.")
                                .metadata("sqlState", state).build());
            case RETRY:
                return BreakException.builder(ErrorCode.CONFLICT).reason(CONCURRENT_UPDATE)
                        .detail("Other changes to the same records got in the way; nothing was saved. Try again.")
                        .metadata("sqlState", state).cause(DriverFailure.of(failure)).build();
            case UNAVAILABLE:
                return unavailable(failure);
            case DATA:
                return BreakException.builder(ErrorCode.VALIDATION_FAILED).reason(INVALID_INPUT)
                        .detail("A value is too long, out of range or holds a character that cannot be stored;"
                                + " nothing was saved.")
                        .fieldErrors(List.of(new FieldError("#", "Storable",
                                "holds a value the database cannot store (too long, out of range or a character"
                                        + " it refuses)")))
                        .metadata("sqlState", state).cause(DriverFailure.of(failure)).build();
            case INTEGRITY:
                return BreakException.builder(ErrorCode.UNHANDLED_ERROR).reason(Reason.STATEMENT_REJECTED)
                        .detail("The database refused the change for breaking one of its rules; nothing was saved.")
                        .metadata("sqlState", state).cause(DriverFailure.of(failure)).build();
            case STATEMENT:
            default:
                return BreakException.builder(ErrorCode.PERSISTENCE_UNAVAILABLE).reason(STATEMENT_FAILED)
                        .detail("The database could not complete the request; nothing was saved.")
                        .metadata("sqlState", state).cause(DriverFailure.of(failure)).build();
        }
    }

    /**
     * PERSISTENCE_UNAVAILABLE/DATABASE_UNREACHABLE for a failure to reach the database (a connection that
     * could not be had, broke or timed out) before anything was committed: nothing was saved.
     */
    static BreakException unavailable(Throwable failure) {
        BreakException.Builder builder = BreakException.builder(ErrorCode.PERSISTENCE_UNAVAILABLE)
                .reason(DATABASE_UNREACHABLE).detail("The database could not be reached; nothing was saved.")
                .cause(DriverFailure.of(failure));
        if (failure instanceof SQLException && sqlState((SQLException) failure) != null) {
            builder.metadata("sqlState", sqlState((SQLException) failure));
        }
        return builder.build();
    }

    /**
     * The failure to get a connection from the data source: PERSISTENCE_UNAVAILABLE/{@link
     * Reason#POOL_EXHAUSTED} when the pool timed out waiting for a free connection, which says how many
     * connections the work needs; else {@link #unavailable(Throwable) DATABASE_UNREACHABLE}. Nothing was
     * saved either way.
     *
     * @param failure           what the data source (or Flyway, asking it) threw
     * @param connectionsNeeded how many connections the work holds at once
     */
    static BreakException noConnection(Throwable failure, int connectionsNeeded) {
        if (!isPoolTimeout(failure)) {
            return unavailable(failure);
        }
        String need = connectionsNeeded == CONNECTIONS_WHILE_MIGRATING
                ? "Flyway holds " + connectionsNeeded + " connections at once while it migrates Break's schema on"
                        + " start: give the pool at least " + connectionsNeeded + ", or run the migrations yourself."
                : "Each running call holds " + connectionsNeeded + " connection for its unit of work (" + CONNECTIONS_WHILE_MIGRATING
                        + " while Flyway migrates on start): size the pool for the calls that run at once.";
        return BreakException.builder(ErrorCode.PERSISTENCE_UNAVAILABLE).reason(Reason.POOL_EXHAUSTED)
                .detail("The connection pool timed out waiting for a free connection; nothing was saved. " + need)
                .metadata("connectionsNeeded", Integer.toString(connectionsNeeded))
                .cause(DriverFailure.of(failure)).build();
    }

    /**
     * Whether a data source's failure is a pool that timed out waiting for a free connection rather than a
     * database that could not be reached, told by the exception's type, never its message: a
     * {@link SQLTransientConnectionException} (what HikariCP throws when no connection comes free in time)
     * without a SQLState and without a cause. A pool that could not connect passes on the driver's failure
     * as the cause, with its SQLState (class 08).
     */
    static boolean isPoolTimeout(Throwable failure) {
        int links = 0;
        for (Throwable t = failure; t != null && links < 20; t = t.getCause() == t ? null : t.getCause(), links++) {
            if (t instanceof SQLTransientConnectionException) {
                SQLException pool = (SQLException) t;
                return pool.getSQLState() == null && pool.getCause() == null && pool.getNextException() == null;
            }
        }
        return false;
    }

    /**
     * PERSISTENCE_UNAVAILABLE/COMMIT_OUTCOME_UNKNOWN for a connection that failed while the database was
     * committing: the commit may have been made, so the detail must not say that nothing was saved.
     */
    static BreakException commitOutcomeUnknown(SQLException failure) {
        return BreakException.builder(ErrorCode.PERSISTENCE_UNAVAILABLE).reason(Reason.COMMIT_OUTCOME_UNKNOWN)
                .detail("The connection to the database failed while the change was being saved, so the outcome is"
                        + " unknown; retry with the same idempotency key, which is safe.")
                .metadata("sqlState", Objects.requireNonNullElse(sqlState(failure), "none"))
                .cause(DriverFailure.of(failure)).build();
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
    private Optional<Violated> violatedKey(SQLException failure) {
        List<SQLException> chain = chain(failure);
        for (int i = chain.size() - 1; i >= 0; i--) {
            String message = chain.get(i).getMessage();
            if (message == null) {
                continue;
            }
            String lower = message.toLowerCase(Locale.ROOT);
            Violated found = null;
            int earliest = Integer.MAX_VALUE;
            for (Map.Entry<String, UniqueKey> entry : uniqueKeys.entrySet()) {
                int at = wholeWord(lower, entry.getKey());
                if (at >= 0 && at < earliest) {
                    earliest = at;
                    found = new Violated(entry.getKey(), entry.getValue());
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
}
