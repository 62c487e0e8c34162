package com.breakagency.ports.api.crm;

import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A page of contacts, in creation order. Filters that are null do not apply. Build one with {@link #all()}
 * or {@link #atBrand(String)} and the withers, each of which returns a copy.
 *
 * @param brandId         contacts of this brand
 * @param namePrefix      contacts whose name starts with this, ignoring case
 * @param includeArchived whether archived contacts are listed
 * @param cursor          the previous page's next cursor, or null for the first page
 * @param limit           1 to 500 items
 */
public record ContactQuery(
        @Pattern(regexp = Patterns.ID) String brandId,
        @Size(max = 200) String namePrefix,
        boolean includeArchived,
        @Size(max = 512) String cursor,
        @Min(1) @Max(500) int limit) {

    /** The page size of {@link #all()}. */
    public static final int DEFAULT_LIMIT = 50;

    /**
     * The first page of every contact that is not archived. Defaults to no filter, archived contacts left
     * out, and {@value #DEFAULT_LIMIT} items.
     *
     * @return the query
     */
    public static ContactQuery all() {
        return new ContactQuery(null, null, false, null, DEFAULT_LIMIT);
    }

    /**
     * The first page of one brand's contacts; otherwise as {@link #all()}.
     *
     * @param brandId the brand
     * @return the query
     */
    public static ContactQuery atBrand(String brandId) {
        return all().withBrandId(brandId);
    }

    /**
     * Only one brand's contacts. Defaults to any brand, or none.
     *
     * @param brand the brand's id
     * @return a copy with the filter
     */
    public ContactQuery withBrandId(String brand) {
        return new ContactQuery(brand, namePrefix, includeArchived, cursor, limit);
    }

    /**
     * Only contacts whose name starts with a prefix, ignoring case. Defaults to any name.
     *
     * @param prefix the prefix
     * @return a copy with the filter
     */
    public ContactQuery withNamePrefix(String prefix) {
        return new ContactQuery(brandId, prefix, includeArchived, cursor, limit);
    }

    /**
     * Archived contacts listed too. Defaults to leaving them out.
     *
     * @return a copy that lists archived contacts
     */
    public ContactQuery includingArchived() {
        return new ContactQuery(brandId, namePrefix, true, cursor, limit);
    }

    /**
     * Another page size. Defaults to {@value #DEFAULT_LIMIT}.
     *
     * @param pageSize 1 to 500
     * @return a copy with the page size
     */
    public ContactQuery limit(int pageSize) {
        return new ContactQuery(brandId, namePrefix, includeArchived, cursor, pageSize);
    }

    /**
     * The same query for the page after the one that returned this cursor. Defaults to the first page.
     *
     * @param nextCursor the previous page's next cursor
     * @return a copy at the cursor
     */
    public ContactQuery after(String nextCursor) {
        return new ContactQuery(brandId, namePrefix, includeArchived, nextCursor, limit);
    }
}
