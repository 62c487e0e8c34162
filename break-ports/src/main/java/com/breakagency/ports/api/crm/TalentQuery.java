package com.breakagency.ports.api.crm;

import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A page of talent profiles, in creation order. Filters that are null do not apply. Build one with
 * {@link #all()} and the withers, each of which returns a copy.
 *
 * @param namePrefix      profiles whose name starts with this, ignoring case
 * @param managingAgentId talent managed by this agent
 * @param includeArchived whether archived profiles are listed
 * @param cursor          the previous page's next cursor, or null for the first page
 * @param limit           1 to 500 items
 */
public record TalentQuery(
        @Size(max = 200) String namePrefix,
        @Pattern(regexp = Patterns.ID) String managingAgentId,
        boolean includeArchived,
        @Size(max = 512) String cursor,
        @Min(1) @Max(500) int limit) {

    /** The page size of {@link #all()}. */
    public static final int DEFAULT_LIMIT = 50;

    /**
     * The first page of every profile that is not archived. Defaults to no filter, archived profiles left
     * out, and {@value #DEFAULT_LIMIT} items.
     *
     * @return the query
     */
    public static TalentQuery all() {
        return new TalentQuery(null, null, false, null, DEFAULT_LIMIT);
    }

    /**
     * Only profiles whose name starts with a prefix, ignoring case. Defaults to any name.
     *
     * @param prefix the prefix
     * @return a copy with the filter
     */
    public TalentQuery withNamePrefix(String prefix) {
        return new TalentQuery(prefix, managingAgentId, includeArchived, cursor, limit);
    }

    /**
     * Only the talent one agent manages. Defaults to any managing agent, or none.
     *
     * @param agentId the managing agent's user id
     * @return a copy with the filter
     */
    public TalentQuery managedBy(String agentId) {
        return new TalentQuery(namePrefix, agentId, includeArchived, cursor, limit);
    }

    /**
     * Archived profiles listed too. Defaults to leaving them out.
     *
     * @return a copy that lists archived profiles
     */
    public TalentQuery includingArchived() {
        return new TalentQuery(namePrefix, managingAgentId, true, cursor, limit);
    }

    /**
     * Another page size. Defaults to {@value #DEFAULT_LIMIT}.
     *
     * @param pageSize 1 to 500
     * @return a copy with the page size
     */
    public TalentQuery limit(int pageSize) {
        return new TalentQuery(namePrefix, managingAgentId, includeArchived, cursor, pageSize);
    }

    /**
     * The same query for the page after the one that returned this cursor. Defaults to the first page.
     *
     * @param nextCursor the previous page's next cursor
     * @return a copy at the cursor
     */
    public TalentQuery after(String nextCursor) {
        return new TalentQuery(namePrefix, managingAgentId, includeArchived, nextCursor, limit);
    }
}
