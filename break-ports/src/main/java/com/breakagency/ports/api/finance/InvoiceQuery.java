package com.breakagency.ports.api.finance;

import com.breakagency.ports.model.finance.InvoiceStatus;
import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A page of invoices, in creation order. Filters that are null (or false) do not apply. Build one with
 * {@link #all()} or {@link #forDeal(String)} and the withers, each of which returns a copy:
 * {@code InvoiceQuery.all().overdue().limit(50)}.
 *
 * @param status      invoices in this status
 * @param dealId      the deal's invoice
 * @param brandId     invoices to this brand
 * @param talentId    invoices for this talent's work
 * @param overdueOnly only invoices issued or partly paid whose due date has passed (by Break's clock)
 * @param cursor      the previous page's next cursor, or null
 * @param limit       1 to 500
 */
public record InvoiceQuery(InvoiceStatus status, @Pattern(regexp = Patterns.ID) String dealId,
                           @Pattern(regexp = Patterns.ID) String brandId, @Pattern(regexp = Patterns.ID) String talentId,
                           boolean overdueOnly, @Size(max = 512) String cursor, @Min(1) @Max(500) int limit) {

    /** The page size of {@link #all()}. */
    public static final int DEFAULT_LIMIT = 50;

    /**
     * The first page of every invoice. Defaults to no filter and {@value #DEFAULT_LIMIT} items.
     *
     * @return the query
     */
    public static InvoiceQuery all() {
        return new InvoiceQuery(null, null, null, null, false, null, DEFAULT_LIMIT);
    }

    /**
     * The first page of every invoice, of a given size.
     *
     * @param limit page size
     * @return the query
     */
    public static InvoiceQuery first(int limit) {
        return all().limit(limit);
    }

    /**
     * A deal's invoice (a deal has at most one); otherwise as {@link #all()}.
     *
     * @param dealId the deal
     * @return the query
     */
    public static InvoiceQuery forDeal(String dealId) {
        return new InvoiceQuery(null, dealId, null, null, false, null, DEFAULT_LIMIT);
    }

    /**
     * Only invoices in one status. Defaults to any status.
     *
     * @param invoiceStatus the status
     * @return a copy with the filter
     */
    public InvoiceQuery inStatus(InvoiceStatus invoiceStatus) {
        return new InvoiceQuery(invoiceStatus, dealId, brandId, talentId, overdueOnly, cursor, limit);
    }

    /**
     * Only invoices to one brand. Defaults to any brand.
     *
     * @param brand the brand's id
     * @return a copy with the filter
     */
    public InvoiceQuery forBrand(String brand) {
        return new InvoiceQuery(status, dealId, brand, talentId, overdueOnly, cursor, limit);
    }

    /**
     * Only invoices for one talent's work. Defaults to any talent.
     *
     * @param talent the talent's id
     * @return a copy with the filter
     */
    public InvoiceQuery forTalent(String talent) {
        return new InvoiceQuery(status, dealId, brandId, talent, overdueOnly, cursor, limit);
    }

    /**
     * Only invoices issued or partly paid whose due date has passed. Defaults to every invoice.
     *
     * @return a copy with the filter
     */
    public InvoiceQuery overdue() {
        return new InvoiceQuery(status, dealId, brandId, talentId, true, cursor, limit);
    }

    /**
     * Another page size. Defaults to {@value #DEFAULT_LIMIT}.
     *
     * @param pageSize 1 to 500
     * @return a copy with the page size
     */
    public InvoiceQuery limit(int pageSize) {
        return new InvoiceQuery(status, dealId, brandId, talentId, overdueOnly, cursor, pageSize);
    }

    /**
     * The same query for the next page. Defaults to the first page.
     *
     * @param nextCursor the cursor
     * @return a copy at the cursor
     */
    public InvoiceQuery after(String nextCursor) {
        return new InvoiceQuery(status, dealId, brandId, talentId, overdueOnly, nextCursor, limit);
    }
}
