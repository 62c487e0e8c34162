package com.breakagency.ports.api.crm;

import com.breakagency.ports.model.crm.DealStage;
import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A page of deals, in creation order. Filters that are null do not apply. Build one with {@link #all()},
 * {@link #forBrand(String)} or {@link #forTalent(String)} and the withers, each of which returns a copy.
 *
 * @param brandId      deals with this brand
 * @param talentId     deals of this talent
 * @param ownerAgentId deals owned by this agent
 * @param stage        deals in this stage
 * @param cursor       the previous page's next cursor, or null for the first page
 * @param limit        1 to 500 items
 */
public record DealQuery(
        @Pattern(regexp = Patterns.ID) String brandId,
        @Pattern(regexp = Patterns.ID) String talentId,
        @Pattern(regexp = Patterns.ID) String ownerAgentId,
        DealStage stage,
        @Size(max = 512) String cursor,
        @Min(1) @Max(500) int limit) {

    /** The page size of {@link #all()}. */
    public static final int DEFAULT_LIMIT = 50;

    /**
     * The first page of every deal. Defaults to no filter and {@value #DEFAULT_LIMIT} items.
     *
     * @return the query
     */
    public static DealQuery all() {
        return new DealQuery(null, null, null, null, null, DEFAULT_LIMIT);
    }

    /**
     * The first page of one brand's deals; otherwise as {@link #all()}.
     *
     * @param brandId the brand
     * @return the query
     */
    public static DealQuery forBrand(String brandId) {
        return all().withBrandId(brandId);
    }

    /**
     * The first page of one talent's deals; otherwise as {@link #all()}.
     *
     * @param talentId the talent
     * @return the query
     */
    public static DealQuery forTalent(String talentId) {
        return all().withTalentId(talentId);
    }

    /**
     * Only deals with one brand. Defaults to any brand.
     *
     * @param brand the brand's id
     * @return a copy with the filter
     */
    public DealQuery withBrandId(String brand) {
        return new DealQuery(brand, talentId, ownerAgentId, stage, cursor, limit);
    }

    /**
     * Only deals of one talent. Defaults to any talent.
     *
     * @param talent the talent's id
     * @return a copy with the filter
     */
    public DealQuery withTalentId(String talent) {
        return new DealQuery(brandId, talent, ownerAgentId, stage, cursor, limit);
    }

    /**
     * Only deals one agent owns. Defaults to any owner.
     *
     * @param agentId the owning agent's user id
     * @return a copy with the filter
     */
    public DealQuery ownedBy(String agentId) {
        return new DealQuery(brandId, talentId, agentId, stage, cursor, limit);
    }

    /**
     * Only deals in one stage. Defaults to any stage.
     *
     * @param dealStage the stage
     * @return a copy with the filter
     */
    public DealQuery inStage(DealStage dealStage) {
        return new DealQuery(brandId, talentId, ownerAgentId, dealStage, cursor, limit);
    }

    /**
     * Another page size. Defaults to {@value #DEFAULT_LIMIT}.
     *
     * @param pageSize 1 to 500
     * @return a copy with the page size
     */
    public DealQuery limit(int pageSize) {
        return new DealQuery(brandId, talentId, ownerAgentId, stage, cursor, pageSize);
    }

    /**
     * The same query for the page after the one that returned this cursor. Defaults to the first page.
     *
     * @param nextCursor the previous page's next cursor
     * @return a copy at the cursor
     */
    public DealQuery after(String nextCursor) {
        return new DealQuery(brandId, talentId, ownerAgentId, stage, nextCursor, limit);
    }
}
