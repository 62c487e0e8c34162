package com.breakagency.ports.api.finance;

import com.breakagency.ports.model.finance.InvoiceStatus;
import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A page of invoices. Filters that are null (or false) do not apply.
 *
 * @param status   invoices in this status
 * @param dealId   the deal's invoice
 * @param brandId  invoices to this brand
 * @param talentId invoices for this talent's work
 * @param overdue  only invoices issued or partly paid whose due date has passed (by Break's clock)
 * @param cursor   the previous page's next cursor, or null
 * @param limit    1 to 500
 */
public record InvoiceQuery(InvoiceStatus status, @Pattern(regexp = Patterns.ID) String dealId,
                           @Pattern(regexp = Patterns.ID) String brandId, @Pattern(regexp = Patterns.ID) String talentId,
                           boolean overdue, @Size(max = 512) String cursor, @Min(1) @Max(500) int limit) {

    /**
     * The first page of every invoice.
     *
     * @param limit page size
     * @return the query
     */
    public static InvoiceQuery first(int limit) {
        return new InvoiceQuery(null, null, null, null, false, null, limit);
    }

    /**
     * The same query for the next page.
     *
     * @param nextCursor the cursor
     * @return the query
     */
    public InvoiceQuery after(String nextCursor) {
        return new InvoiceQuery(status, dealId, brandId, talentId, overdue, nextCursor, limit);
    }
}
