package com.breakagency.ports.spi;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.audit.AuditEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The audit log: append-only, written in the same unit of work as the change each event records, so a
 * rolled-back change leaves no event. Every method takes part in the calling thread's unit of work. Store failures are thrown as {@link BreakException}
 * PERSISTENCE_UNAVAILABLE. Contract: {@code AuditLogContract}.
 */
public interface AuditLog {

    /**
     * Appends an event in the calling thread's unit of work.
     *
     * @param event the event
     * @throws BreakException CONFLICT/ALREADY_EXISTS naming field {@code id} if the id is taken
     */
    void append(AuditEvent event);

    /**
     * One keyset page of the events about one record, oldest first (ascending id).
     *
     * @param entity  the record
     * @param afterId the last id of the previous page (it need not still exist or match), or empty
     * @param limit   1 or more; the page holds the first {@code limit} matches after the cursor, so only the
     *                last page is shorter
     * @return the events
     */
    List<AuditEvent> byEntity(EntityRef entity, Optional<String> afterId, int limit);

    /**
     * One keyset page of the events of one action in a time range, oldest first (ascending id).
     *
     * @param action  the action
     * @param from    inclusive lower bound of {@link AuditEvent#at()}
     * @param to      exclusive upper bound of {@link AuditEvent#at()}
     * @param afterId the last id of the previous page (it need not still exist or match), or empty
     * @param limit   1 or more; the page holds the first {@code limit} matches after the cursor, so only the
     *                last page is shorter
     * @return the events
     */
    List<AuditEvent> byAction(AuditAction action, Instant from, Instant to, Optional<String> afterId, int limit);

    /**
     * The most recent event of one action: the one with the greatest id (ids are time-ordered). On a
     * database, an index on (action, id) answers it with one row ({@code ORDER BY id DESC LIMIT 1}).
     * Diagnostics uses it to read what the janitor last did, whichever service instance ran it.
     *
     * @param action the action
     * @return the event with the greatest id among those of the action, if any
     */
    Optional<AuditEvent> latest(AuditAction action);
}
