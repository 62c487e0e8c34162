package com.breakagency.ports.api.audit;

import com.breakagency.ports.model.EntityRef;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A page of the audit events about one record, oldest first. Build one with {@link #of(EntityRef)} and the
 * withers, each of which returns a copy.
 *
 * @param entity the record
 * @param cursor the previous page's next cursor, or null for the first page
 * @param limit  1 to 500 events
 */
public record AuditQuery(@NotNull @Valid EntityRef entity, @Size(max = 512) String cursor,
                         @Min(1) @Max(500) int limit) {

    /** The page size of {@link #of(EntityRef)}. */
    public static final int DEFAULT_LIMIT = 50;

    /**
     * The first page of a record's trail. Defaults to {@value #DEFAULT_LIMIT} events.
     *
     * @param entity the record
     * @return the query
     */
    public static AuditQuery of(EntityRef entity) {
        return new AuditQuery(entity, null, DEFAULT_LIMIT);
    }

    /**
     * Another page size. Defaults to {@value #DEFAULT_LIMIT}.
     *
     * @param pageSize 1 to 500
     * @return a copy with the page size
     */
    public AuditQuery limit(int pageSize) {
        return new AuditQuery(entity, cursor, pageSize);
    }

    /**
     * The same query for the page after the one that returned this cursor. Defaults to the first page.
     *
     * @param nextCursor the previous page's next cursor
     * @return a copy at the cursor
     */
    public AuditQuery after(String nextCursor) {
        return new AuditQuery(entity, nextCursor, limit);
    }
}
