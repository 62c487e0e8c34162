package com.breakagency.spring.boot.admin;

import com.breakagency.ports.error.Redaction;
import com.breakagency.ports.spi.ErrorReport;
import com.breakagency.ports.spi.ErrorReporter;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * The errors this instance reported most recently, newest first, for the console: a bounded in-memory ring
 * that {@link #tee(ErrorReporter)} feeds on the way to the real reporter.
 *
 * <p>Why memory and not the audit trail: Break does not store reports (they go to Sentry or the log), the
 * audit trail holds only changes that committed while most reported errors come from work that rolled back,
 * and a reporter that wrote to the database would fail exactly when the database is the error
 * (PERSISTENCE_UNAVAILABLE). So each instance shows what it reported itself since it started; the shared,
 * lasting record stays the error tracker's. Each entry is redacted again on the way in. Thread-safe.
 */
public final class RecentErrors {

    /**
     * One reported error as the console shows it: no detail text, no metadata, no stack.
     *
     * @param code          the error code
     * @param reason        its reason
     * @param operation     the operation that raised it
     * @param correlationId the call's correlation id
     * @param at            when the boundary saw it
     */
    public record RecentError(String code, String reason, String operation, String correlationId, Instant at) {
    }

    private final int capacity;
    private final Deque<RecentError> ring = new ArrayDeque<>();

    /**
     * An empty ring.
     *
     * @param capacity how many errors it keeps, at least 1
     * @throws IllegalArgumentException if capacity is below 1
     */
    public RecentErrors(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    /**
     * Keeps a report.
     *
     * @param report a report from Break's boundary
     */
    public void record(ErrorReport report) {
        RecentError error = new RecentError(report.code().name(), Redaction.redact(report.reason()),
                Redaction.redact(report.operation()), Redaction.redact(report.correlationId()), report.occurredAt());
        synchronized (ring) {
            ring.addFirst(error);
            while (ring.size() > capacity) {
                ring.removeLast();
            }
        }
    }

    /**
     * What was reported, newest first.
     *
     * @return a copy
     */
    public List<RecentError> recent() {
        synchronized (ring) {
            return List.copyOf(new ArrayList<>(ring));
        }
    }

    /**
     * A reporter that keeps each report here and then hands it to another reporter.
     *
     * @param next the reporter that sends reports on (Sentry's, the SLF4J one)
     * @return the teeing reporter; closing it closes {@code next}
     */
    public ErrorReporter tee(ErrorReporter next) {
        Objects.requireNonNull(next, "next");
        return new ErrorReporter() {
            @Override
            public void report(ErrorReport report) {
                try {
                    record(report);
                } finally {
                    next.report(report);
                }
            }

            @Override
            public void close() {
                next.close();
            }
        };
    }
}
