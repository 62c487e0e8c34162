package com.breakagency.ports.spi;

import com.breakagency.ports.error.BreakException;
import java.util.Set;

/**
 * What an agency hands its {@link Telemetry} once, when it is built: the bounded sets of names it will report
 * and a way to read the work queue on demand (a gauge's read, a scrape), so no thread of Break's polls for
 * metrics. Thread-safe.
 */
public interface TelemetryScope {

    /**
     * Every operation name a {@link Telemetry#call} can carry: the operations of Break's policy table.
     *
     * @return the names, such as {@code crm.createBrand}
     */
    Set<String> operations();

    /**
     * Every step type the agency runs: the types it has handlers for.
     *
     * @return the types, such as {@code ENSURE_COMMISSIONS}
     */
    Set<String> stepTypes();

    /**
     * Reads the work queue now, in a unit of work of its own. Costs two queries; callers should not call it
     * more often than their metrics are read.
     *
     * @return the queue's depth and the age of its oldest due step
     * @throws BreakException PERSISTENCE_UNAVAILABLE if the queue cannot be read
     */
    QueueSnapshot queue();
}
