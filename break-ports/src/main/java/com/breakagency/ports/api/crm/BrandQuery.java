package com.breakagency.ports.api.crm;

import com.breakagency.ports.model.crm.BrandStatus;
import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A page of brands, in creation order. Filters that are null do not apply. Build one with {@link #all()}
 * and the withers, each of which returns a copy.
 *
 * @param namePrefix   brands whose name starts with this, ignoring case
 * @param status       brands with this status (ACTIVE or ARCHIVED)
 * @param ownerAgentId brands owned by this agent
 * @param cursor       the previous page's next cursor, or null for the first page
 * @param limit        1 to 500 items
 */
public record BrandQuery(
        @Size(max = 200) String namePrefix,
        BrandStatus status,
        @Pattern(regexp = Patterns.ID) String ownerAgentId,
        @Size(max = 512) String cursor,
        @Min(1) @Max(500) int limit) {

    /** The page size of {@link #all()}. */
    public static final int DEFAULT_LIMIT = 50;

    /**
     * The first page of every brand. Defaults to no filter and {@value #DEFAULT_LIMIT} items.
     *
     * @return the query
     */
    public static BrandQuery all() {
        return new BrandQuery(null, null, null, null, DEFAULT_LIMIT);
    }

    /**
     * Only brands whose name starts with a prefix, ignoring case. Defaults to any name.
     *
     * @param prefix the prefix
     * @return a copy with the filter
     */
    public BrandQuery withNamePrefix(String prefix) {
        return new BrandQuery(prefix, status, ownerAgentId, cursor, limit);
    }

    /**
     * Only brands in one status. Defaults to any status.
     *
     * @param brandStatus ACTIVE or ARCHIVED
     * @return a copy with the filter
     */
    public BrandQuery withStatus(BrandStatus brandStatus) {
        return new BrandQuery(namePrefix, brandStatus, ownerAgentId, cursor, limit);
    }

    /**
     * Only brands one agent owns. Defaults to any owner.
     *
     * @param agentId the owning agent's user id
     * @return a copy with the filter
     */
    public BrandQuery ownedBy(String agentId) {
        return new BrandQuery(namePrefix, status, agentId, cursor, limit);
    }

    /**
     * Another page size. Defaults to {@value #DEFAULT_LIMIT}.
     *
     * @param pageSize 1 to 500
     * @return a copy with the page size
     */
    public BrandQuery limit(int pageSize) {
        return new BrandQuery(namePrefix, status, ownerAgentId, cursor, pageSize);
    }

    /**
     * The same query for the page after the one that returned this cursor. Defaults to the first page.
     *
     * @param nextCursor the previous page's next cursor
     * @return a copy at the cursor
     */
    public BrandQuery after(String nextCursor) {
        return new BrandQuery(namePrefix, status, ownerAgentId, nextCursor, limit);
    }
}
