package com.breakagency.ports.api.finance;

import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A page of credit notes. Filters that are null do not apply. Brand users see only their brand's.
 *
 * @param brandId   notes to this brand
 * @param invoiceId notes on this invoice
 * @param cursor    the previous page's next cursor, or null
 * @param limit     1 to 500
 */
public record CreditNoteQuery(@Pattern(regexp = Patterns.ID) String brandId,
                              @Pattern(regexp = Patterns.ID) String invoiceId, @Size(max = 512) String cursor,
                              @Min(1) @Max(500) int limit) {

    /** The page size of {@link #all()}. */
    public static final int DEFAULT_LIMIT = 50;

    /**
     * The first page of every credit note. Defaults to no filter and {@value #DEFAULT_LIMIT} items.
     *
     * @return the query
     */
    public static CreditNoteQuery all() {
        return new CreditNoteQuery(null, null, null, DEFAULT_LIMIT);
    }

    /**
     * Only notes on one invoice. Defaults to any invoice.
     *
     * @param id the invoice
     * @return a copy with the filter
     */
    public CreditNoteQuery onInvoice(String id) {
        return new CreditNoteQuery(brandId, id, cursor, limit);
    }

    /**
     * Only notes to one brand. Defaults to any brand.
     *
     * @param id the brand
     * @return a copy with the filter
     */
    public CreditNoteQuery ofBrand(String id) {
        return new CreditNoteQuery(id, invoiceId, cursor, limit);
    }

    /**
     * Another page size. Defaults to {@value #DEFAULT_LIMIT}.
     *
     * @param pageSize 1 to 500
     * @return a copy with the page size
     */
    public CreditNoteQuery limit(int pageSize) {
        return new CreditNoteQuery(brandId, invoiceId, cursor, pageSize);
    }

    /**
     * The same query for the next page. Defaults to the first page.
     *
     * @param nextCursor the cursor
     * @return a copy at the cursor
     */
    public CreditNoteQuery after(String nextCursor) {
        return new CreditNoteQuery(brandId, invoiceId, nextCursor, limit);
    }
}
