package com.breakagency.ports.api.crm;

import com.breakagency.ports.model.EntityRef;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A page of one timeline, newest first. Build one with {@link #of(EntityRef)} and the withers, each of
 * which returns a copy.
 *
 * @param subject whose timeline: a brand, contact, talent or deal
 * @param cursor  the previous page's next cursor, or null for the first page
 * @param limit   1 to 500 entries
 */
public record TimelineQuery(@NotNull @Valid EntityRef subject, @Size(max = 512) String cursor,
                            @Min(1) @Max(500) int limit) {

    /** The page size of {@link #of(EntityRef)}. */
    public static final int DEFAULT_LIMIT = 50;

    /**
     * The newest page of a timeline. Defaults to {@value #DEFAULT_LIMIT} entries.
     *
     * @param subject whose timeline
     * @return the query
     */
    public static TimelineQuery of(EntityRef subject) {
        return new TimelineQuery(subject, null, DEFAULT_LIMIT);
    }

    /**
     * Another page size. Defaults to {@value #DEFAULT_LIMIT}.
     *
     * @param pageSize 1 to 500
     * @return a copy with the page size
     */
    public TimelineQuery limit(int pageSize) {
        return new TimelineQuery(subject, cursor, pageSize);
    }

    /**
     * The same query for the page after the one that returned this cursor. Defaults to the first page.
     *
     * @param nextCursor the previous page's next cursor
     * @return a copy at the cursor
     */
    public TimelineQuery after(String nextCursor) {
        return new TimelineQuery(subject, nextCursor, limit);
    }
}
