package com.breakagency.ports.api;

import com.breakagency.ports.api.audit.AuditQuery;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.Page;
import com.breakagency.ports.model.audit.AuditEvent;

/**
 * Who did what: the audit events Break wrote in the same unit of work as each change, read through the
 * boundary, so a host shows a record's history without the persistence SPI.
 *
 * <p>A trail is authorized like the record it describes: whoever may read a brand, contact, talent
 * profile, deal or invoice may read its trail (a payment's trail as its invoice's); the trails of
 * commission plans need ADMIN, FINANCE or SYSTEM, those of queued steps and janitor runs ADMIN or SYSTEM.
 * A record that does not exist is NOT_FOUND for an unrestricted reader and FORBIDDEN for a portal user,
 * as the record's own read is. Throws only {@link BreakException}. Thread-safe.
 */
public interface AuditTrail {

    /**
     * One page of the events about one record, oldest first; pass the page's {@code nextCursor} back in
     * {@link AuditQuery#after(String)} for the next page. Events written meanwhile never make an event
     * repeat or go missing.
     *
     * @param context who calls
     * @param query   the record, cursor and page size
     * @return one page
     */
    Page<AuditEvent> forEntity(OperationContext context, AuditQuery query);
}
