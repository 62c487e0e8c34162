package com.breakagency.testkit;

import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.spi.ErrorReport;
import com.breakagency.ports.spi.ErrorReporter;
import com.breakagency.ports.spi.Transactions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An {@link ErrorReporter} that keeps every report, for assertions. Given the agency's
 * {@link Transactions}, it also records whether a unit of work was running when a report arrived, so a
 * test can prove reports are never sent from inside one. Thread-safe.
 */
public final class CapturingErrorReporter implements ErrorReporter {

    private final Transactions transactions;
    private final List<ErrorReport> reports = new CopyOnWriteArrayList<>();
    private final List<ErrorReport> reportedInsideTransaction = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /** A reporter that does not watch transactions. */
    public CapturingErrorReporter() {
        this(null);
    }

    /**
     * A reporter that notes reports sent while a unit of work was running.
     *
     * @param transactions the agency's transactions, or null
     */
    public CapturingErrorReporter(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void report(ErrorReport report) {
        if (transactions != null && transactions.isActive()) {
            reportedInsideTransaction.add(report);
        }
        reports.add(report);
    }

    /**
     * Every report so far, in arrival order.
     *
     * @return a snapshot
     */
    public List<ErrorReport> reports() {
        return List.copyOf(reports);
    }

    /**
     * The reports with one code.
     *
     * @param code the code
     * @return a snapshot
     */
    public List<ErrorReport> reports(ErrorCode code) {
        return reports.stream().filter(r -> r.code() == code).toList();
    }

    /**
     * The reports that arrived while a unit of work was running (there should be none).
     *
     * @return a snapshot
     */
    public List<ErrorReport> reportedInsideTransaction() {
        return List.copyOf(reportedInsideTransaction);
    }

    /**
     * Whether {@link #close()} was called.
     *
     * @return true once closed
     */
    public boolean closed() {
        return closed;
    }

    /** Forgets every report. */
    public void clear() {
        reports.clear();
        reportedInsideTransaction.clear();
    }

    @Override
    public void close() {
        closed = true;
    }
}
