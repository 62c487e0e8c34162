package com.breakagency.ports.api.finance;

import com.breakagency.ports.model.finance.BeneficiaryKind;
import com.breakagency.ports.model.finance.CommissionStatus;
import com.breakagency.ports.validation.InputLimits;
import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A page of commission lines. Filters that are null do not apply; a beneficiary needs both kind and id.
 * Build one with {@link #all()} or {@link #forBeneficiary(BeneficiaryKind, String)} and the withers, each of
 * which returns a copy.
 *
 * @param beneficiaryKind lines paying this kind of beneficiary
 * @param beneficiaryId   … with this id (talent id, agent user id, or {@code house})
 * @param status          lines in this status
 * @param from            lines created at or after this instant; instants lie in
 *                        {@link InputLimits#MIN_INSTANT}..{@link InputLimits#MAX_INSTANT}
 * @param to              lines created before this instant
 * @param cursor          the previous page's next cursor, or null
 * @param limit           1 to 500
 */
public record CommissionQuery(BeneficiaryKind beneficiaryKind, @Pattern(regexp = Patterns.ID) String beneficiaryId,
                              CommissionStatus status, Instant from, Instant to, @Size(max = 512) String cursor,
                              @Min(1) @Max(500) int limit) {

    /** The page size of {@link #all()}. */
    public static final int DEFAULT_LIMIT = 50;

    /**
     * The first page of every line. Defaults to no filter and {@value #DEFAULT_LIMIT} items.
     *
     * @return the query
     */
    public static CommissionQuery all() {
        return new CommissionQuery(null, null, null, null, null, null, DEFAULT_LIMIT);
    }

    /**
     * The first page of every line, of a given size.
     *
     * @param limit page size
     * @return the query
     */
    public static CommissionQuery first(int limit) {
        return all().limit(limit);
    }

    /**
     * The first page of one beneficiary's lines; otherwise as {@link #all()}.
     *
     * @param kind the kind of beneficiary
     * @param id   the talent id, agent user id, or {@code house}
     * @return the query
     */
    public static CommissionQuery forBeneficiary(BeneficiaryKind kind, String id) {
        return new CommissionQuery(kind, id, null, null, null, null, DEFAULT_LIMIT);
    }

    /**
     * Only lines in one status. Defaults to any status.
     *
     * @param lineStatus the status
     * @return a copy with the filter
     */
    public CommissionQuery inStatus(CommissionStatus lineStatus) {
        return new CommissionQuery(beneficiaryKind, beneficiaryId, lineStatus, from, to, cursor, limit);
    }

    /**
     * Only lines created in a period. Defaults to any time.
     *
     * @param fromInclusive created at or after this instant, or null for no lower bound
     * @param toExclusive   created before this instant, or null for no upper bound
     * @return a copy with the filter
     */
    public CommissionQuery createdBetween(Instant fromInclusive, Instant toExclusive) {
        return new CommissionQuery(beneficiaryKind, beneficiaryId, status, fromInclusive, toExclusive, cursor, limit);
    }

    /**
     * Another page size. Defaults to {@value #DEFAULT_LIMIT}.
     *
     * @param pageSize 1 to 500
     * @return a copy with the page size
     */
    public CommissionQuery limit(int pageSize) {
        return new CommissionQuery(beneficiaryKind, beneficiaryId, status, from, to, cursor, pageSize);
    }

    /**
     * The same query for the next page. Defaults to the first page.
     *
     * @param nextCursor the cursor
     * @return a copy at the cursor
     */
    public CommissionQuery after(String nextCursor) {
        return new CommissionQuery(beneficiaryKind, beneficiaryId, status, from, to, nextCursor, limit);
    }
}
