package com.breakagency.testkit;

import com.breakagency.ports.spi.Transactions;
import com.breakagency.ports.spi.UnitOfWork;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link Transactions} for the in-memory stores, with the semantics of a real database at the
 * serializable level: units of work run one at a time (a fair lock), a failed unit of work is undone
 * completely, a nested call joins the running unit of work, and after-commit callbacks run only after
 * a commit.
 *
 * <p>In-memory stores take part by running each of their operations through
 * {@link #inTransaction(UnitOfWork)} (so a store call outside a unit of work commits on its own) and by
 * registering an undo action for every change with {@link #onRollback(Runnable)}. Thread-safe.
 */
public final class InMemoryTransactions implements Transactions {

    private final ReentrantLock lock = new ReentrantLock(true);
    private final ThreadLocal<Unit> current = new ThreadLocal<>();

    private static final class Unit {
        final List<Runnable> undo = new ArrayList<>();
        final List<Runnable> afterCommit = new ArrayList<>();
        final List<Runnable> onEnd = new ArrayList<>();
    }

    @Override
    public <T> T inTransaction(UnitOfWork<T> work) {
        Objects.requireNonNull(work, "work");
        if (current.get() != null) {
            return work.execute();
        }
        lock.lock();
        Unit unit = new Unit();
        current.set(unit);
        T result;
        try {
            result = work.execute();
        } catch (RuntimeException | Error failure) {
            try {
                rollback(unit);
            } finally {
                try {
                    end(unit);
                } finally {
                    current.remove();
                    lock.unlock();
                }
            }
            throw failure;
        }
        try {
            end(unit);
        } finally {
            current.remove();
            lock.unlock();
        }
        runAfterCommit(unit.afterCommit);
        return result;
    }

    private static void rollback(Unit unit) {
        for (int i = unit.undo.size() - 1; i >= 0; i--) {
            unit.undo.get(i).run();
        }
    }

    private static void end(Unit unit) {
        for (Runnable action : unit.onEnd) {
            action.run();
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
     * Registers how to undo a change the running unit of work made; undo actions run in reverse order
     * on rollback.
     *
     * @param undo the undo action
     * @throws IllegalStateException outside a unit of work
     */
    public void onRollback(Runnable undo) {
        Objects.requireNonNull(undo, "undo");
        requireUnit().undo.add(undo);
    }

    /**
     * Registers what to do when the running unit of work ends, committed or rolled back, before the next
     * unit of work may start (releasing a lock a store took for the unit, as a database releases a row
     * lock at the end of its transaction).
     *
     * @param action what to run; must not throw
     * @throws IllegalStateException outside a unit of work
     */
    public void onEnd(Runnable action) {
        Objects.requireNonNull(action, "action");
        requireUnit().onEnd.add(action);
    }

    private Unit requireUnit() {
        Unit unit = current.get();
        if (unit == null) {
            throw new IllegalStateException("no unit of work is running on this thread");
        }
        return unit;
    }
}
