package com.breakagency.adapter.jdbc;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.spi.Transactions;
import com.breakagency.ports.spi.UnitOfWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Transactions} over a {@link DataSource}: one connection per unit of work, held by the thread
 * that runs it.
 *
 * <ul>
 *   <li>The outermost {@link #inTransaction(UnitOfWork)} takes a connection, turns auto-commit off, runs
 *       the work, commits, and gives the connection back (auto-commit restored); a nested call joins it.</li>
 *   <li>Writes whose outcome no store needs at once wait in the unit's {@link PendingWrites} until the
 *       unit runs any other statement or commits, and then go together (on PostgreSQL in one round trip);
 *       their failures surface there, and end the unit like any failed statement.</li>
 *   <li>Anything thrown rolls the whole unit back and escapes unchanged; driver failures reach the work
 *       already translated by {@link SqlFailures}, with no message of the driver in them. A unit whose work caught such a failure and returned
 *       anyway is rolled back too, and the failure escapes: a failed statement ends the unit of work, as
 *       the {@code Persistence} port says.</li>
 *   <li>When the database aborts the unit to serialize it with others (a serialization failure or a
 *       deadlock), the whole outermost unit runs again on a fresh connection, at most
 *       {@code serializationRetries} more times, after a short random pause; then the last
 *       CONFLICT/CONCURRENT_UPDATE escapes.</li>
 *   <li>A connection that fails during the commit itself is PERSISTENCE_UNAVAILABLE/COMMIT_OUTCOME_UNKNOWN:
 *       the database may have committed before its reply was lost. Work Break runs under an idempotency
 *       key is safe to retry with the same key, which replays the first result if it was saved.</li>
 *   <li>After-commit callbacks run on the calling thread once the outermost unit has committed and
 *       the connection is back; the callbacks of a rolled-back attempt never run.</li>
 * </ul>
 *
 * <p>Units of work run at the connection's isolation level (READ COMMITTED unless the data source says
 * otherwise); optimistic versions and unique constraints give the stores their guarantees at that level.
 * Thread-safe; the work of one unit must stay on the thread that started it.
 */
final class JdbcTransactions implements Transactions {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcTransactions.class);
    private static final long FIRST_PAUSE_MILLIS = 5;

    private final DataSource dataSource;
    private final SqlFailures failures;
    private final int serializationRetries;
    private final boolean sendsWritesTogether;
    private final ThreadLocal<Unit> current = new ThreadLocal<>();

    /** One attempt at a unit of work: its connection and what it registered. */
    private static final class Unit {
        final Connection connection;
        final boolean restoreAutoCommit;
        final List<Runnable> afterCommit = new ArrayList<>();
        final PendingWrites pending = new PendingWrites();
        String retryState;
        BreakException failedStatement;

        Unit(Connection connection, boolean restoreAutoCommit) {
            this.connection = connection;
            this.restoreAutoCommit = restoreAutoCommit;
        }
    }

    /**
     * @param sendsWritesTogether whether the database takes the held writes of a unit ({@link PendingWrites})
     *                            as one statement of several commands
     */
    JdbcTransactions(DataSource dataSource, SqlFailures failures, int serializationRetries,
                     boolean sendsWritesTogether) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.failures = Objects.requireNonNull(failures, "failures");
        this.serializationRetries = serializationRetries;
        this.sendsWritesTogether = sendsWritesTogether;
    }

    /** Whether the held writes of a unit go to the database in one statement (PostgreSQL) or one each. */
    boolean sendsWritesTogether() {
        return sendsWritesTogether;
    }

    @Override
    public <T> T inTransaction(UnitOfWork<T> work) {
        Objects.requireNonNull(work, "work");
        if (current.get() != null) {
            return work.execute();
        }
        for (int attempt = 0; ; attempt++) {
            Unit unit = begin();
            current.set(unit);
            T result;
            try {
                result = work.execute();
                if (unit.failedStatement != null) {
                    // the work caught a store's failure and went on; the transaction is spoilt (PostgreSQL
                    // would turn the commit into a rollback without a word), so the failure escapes now
                    throw unit.failedStatement;
                }
                commit(unit);
            } catch (RuntimeException | Error failure) {
                current.remove();
                rollbackAndClose(unit);
                if (unit.retryState == null || attempt >= serializationRetries || !pauseBeforeRetry(attempt)) {
                    throw failure;
                }
                LOG.debug("The database aborted a unit of work to serialize it with others (SQLState {}); "
                        + "running it again ({} of {} retries)", unit.retryState, attempt + 1, serializationRetries);
                continue;
            }
            current.remove();
            close(unit);
            runAfterCommit(unit.afterCommit);
            return result;
        }
    }

    @Override
    public void afterCommit(Runnable action) {
        Objects.requireNonNull(action, "action");
        requireUnit().afterCommit.add(action);
    }

    @Override
    public boolean isActive() {
        return current.get() != null;
    }

    /**
     * The connection of the calling thread's unit of work.
     *
     * @throws IllegalStateException outside a unit of work
     */
    Connection connection() {
        return requireUnit().connection;
    }

    /**
     * The writes the calling thread's unit of work holds until it next reads or commits.
     *
     * @throws IllegalStateException outside a unit of work
     */
    PendingWrites pending() {
        return requireUnit().pending;
    }

    /**
     * Sends the writes the calling thread's unit of work holds, if any, and runs their checks; a no-op
     * outside a unit of work. Called before every other statement, so a read sees the unit's writes.
     */
    void flush() {
        Unit unit = current.get();
        if (unit == null || unit.pending.isEmpty()) {
            return;
        }
        List<Runnable> checks;
        try {
            checks = unit.pending.send(unit.connection, sendsWritesTogether);
        } catch (SQLException e) {
            throw translate(e);
        }
        for (Runnable check : checks) {
            check.run();
        }
    }

    /**
     * Translates a driver failure met in the calling thread's unit of work. The unit remembers it: it will
     * not commit even if the work catches the exception and returns, and it runs again when the database
     * aborted it to serialize it with others.
     */
    BreakException translate(SQLException failure) {
        SqlFailures.Kind kind = failures.classify(failure);
        BreakException translated = failures.toBreakException(failure, kind);
        Unit unit = current.get();
        if (unit != null) {
            if (kind == SqlFailures.Kind.RETRY) {
                unit.retryState = SqlFailures.sqlState(failure);
            }
            if (unit.failedStatement == null) {
                unit.failedStatement = translated;
            }
        }
        return translated;
    }

    private Unit requireUnit() {
        Unit unit = current.get();
        if (unit == null) {
            throw new IllegalStateException("no unit of work is running on this thread");
        }
        return unit;
    }

    private Unit begin() {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException | RuntimeException e) {
            // a pool's own failures (a closed pool, one that could not start) are runtime exceptions; a pool
            // that timed out waiting for a free connection is told apart from a database out of reach
            throw SqlFailures.noConnection(e, SqlFailures.CONNECTIONS_PER_UNIT_OF_WORK);
        }
        try {
            boolean autoCommit = connection.getAutoCommit();
            if (autoCommit) {
                connection.setAutoCommit(false);
            }
            return new Unit(connection, autoCommit);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw SqlFailures.unavailable(e);
        }
    }

    /**
     * Commits. A connection that fails while committing leaves the outcome unknown: the database may have
     * committed and lost only its reply, so the failure is COMMIT_OUTCOME_UNKNOWN, never "nothing was
     * saved". Any other failure (a serialization failure or a deferred constraint the database checks at
     * commit) means the database rolled back, and is translated as a statement's would be.
     */
    private void commit(Unit unit) {
        flush();
        try {
            unit.connection.commit();
        } catch (SQLException e) {
            if (failures.classify(e) == SqlFailures.Kind.UNAVAILABLE) {
                throw SqlFailures.commitOutcomeUnknown(e);
            }
            throw translate(e);
        }
    }

    private void rollbackAndClose(Unit unit) {
        try {
            unit.connection.rollback();
        } catch (SQLException e) {
            // the connection is most likely gone, and the database rolls back what it had on its own
            LOG.debug("Rolling back a unit of work failed (SQLState {})", SqlFailures.sqlState(e));
        }
        close(unit);
    }

    private static void close(Unit unit) {
        if (unit.restoreAutoCommit) {
            try {
                unit.connection.setAutoCommit(true);
            } catch (SQLException e) {
                LOG.debug("Restoring auto-commit failed (SQLState {})", SqlFailures.sqlState(e));
            }
        }
        closeQuietly(unit.connection);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Closing a connection failed (SQLState {})", SqlFailures.sqlState(e));
        }
    }

    /** A random pause that grows with each attempt; false if the thread was interrupted meanwhile. */
    private static boolean pauseBeforeRetry(int attempt) {
        long bound = FIRST_PAUSE_MILLIS << Math.min(attempt, 6);
        try {
            TimeUnit.MILLISECONDS.sleep(ThreadLocalRandom.current().nextLong(bound + 1));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void runAfterCommit(List<Runnable> callbacks) {
        RuntimeException first = null;
        for (Runnable callback : callbacks) {
            try {
                callback.run();
            } catch (RuntimeException failure) {
                if (first == null) {
                    first = failure;
                } else {
                    first.addSuppressed(failure);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
