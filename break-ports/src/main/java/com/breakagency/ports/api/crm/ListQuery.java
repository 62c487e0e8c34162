package com.breakagency.ports.api.crm;

import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * A page of a CRM listing. Filters that are null (or false) do not apply; a filter that does not apply to the
 * listed kind (a stage, when listing brands) is ignored; each listing on
 * {@link com.breakagency.ports.api.Crm} names the filters it uses.
 *
 * @param namePrefix   names (titles, for deals) starting with this, ignoring case
 * @param brandId      contacts or deals of this brand
 * @param talentId     deals of this talent
 * @param agentId      brands or deals owned by, or talent managed by, this agent
 * @param stage        deals in this stage
 * @param status       brands with this status (ACTIVE or ARCHIVED)
 * @param includeArchived whether archived contacts and talent are listed
 * @param cursor       the previous page's next cursor, or null for the first page
 * @param limit        1 to 500 items
 */
public record ListQuery(
        @Size(max = 200) String namePrefix,
        @Pattern(regexp = Patterns.ID) String brandId,
        @Pattern(regexp = Patterns.ID) String talentId,
        @Pattern(regexp = Patterns.ID) String agentId,
        com.breakagency.ports.model.crm.DealStage stage,
        com.breakagency.ports.model.crm.BrandStatus status,
        boolean includeArchived,
        @Size(max = 512) String cursor,
        @Min(1) @Max(500) int limit) {

    /**
     * The first page of everything.
     *
     * @param limit page size
     * @return the query
     */
    public static ListQuery first(int limit) {
        return new ListQuery(null, null, null, null, null, null, false, null, limit);
    }

    /**
     * The same query for the page after the one that returned this cursor.
     *
     * @param nextCursor the cursor
     * @return the query
     */
    public ListQuery after(String nextCursor) {
        return new ListQuery(namePrefix, brandId, talentId, agentId, stage, status, includeArchived,
                nextCursor, limit);
    }
}
