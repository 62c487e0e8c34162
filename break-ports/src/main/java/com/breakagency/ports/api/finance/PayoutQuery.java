package com.breakagency.ports.api.finance;

import com.breakagency.ports.model.finance.BeneficiaryKind;
import com.breakagency.ports.model.finance.PayoutStatus;
import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A page of payouts. Filters that are null do not apply; a beneficiary needs both kind and id. Talent and agents
 * see only their own.
 *
 * @param beneficiaryKind payouts to this kind of beneficiary
 * @param beneficiaryId   … with this id
 * @param status          payouts in this status
 * @param cursor          the previous page's next cursor, or null
 * @param limit           1 to 500
 */
public record PayoutQuery(BeneficiaryKind beneficiaryKind, @Pattern(regexp = Patterns.ID) String beneficiaryId,
                          PayoutStatus status, @Size(max = 512) String cursor, @Min(1) @Max(500) int limit) {

    /** The page size of {@link #all()}. */
    public static final int DEFAULT_LIMIT = 50;

    /**
     * The first page of every payout. Defaults to no filter and {@value #DEFAULT_LIMIT} items.
     *
     * @return the query
     */
    public static PayoutQuery all() {
        return new PayoutQuery(null, null, null, null, DEFAULT_LIMIT);
    }

    /**
     * The first page of one beneficiary's payouts; otherwise as {@link #all()}.
     *
     * @param kind the kind of beneficiary
     * @param id   the talent id or agent user id
     * @return the query
     */
    public static PayoutQuery forBeneficiary(BeneficiaryKind kind, String id) {
        return new PayoutQuery(kind, id, null, null, DEFAULT_LIMIT);
    }

    /**
     * Only payouts in one status. Defaults to any status.
     *
     * @param payoutStatus the status
     * @return a copy with the filter
     */
    public PayoutQuery inStatus(PayoutStatus payoutStatus) {
        return new PayoutQuery(beneficiaryKind, beneficiaryId, payoutStatus, cursor, limit);
    }

    /**
     * Another page size. Defaults to {@value #DEFAULT_LIMIT}.
     *
     * @param pageSize 1 to 500
     * @return a copy with the page size
     */
    public PayoutQuery limit(int pageSize) {
        return new PayoutQuery(beneficiaryKind, beneficiaryId, status, cursor, pageSize);
    }

    /**
     * The same query for the next page. Defaults to the first page.
     *
     * @param nextCursor the cursor
     * @return a copy at the cursor
     */
    public PayoutQuery after(String nextCursor) {
        return new PayoutQuery(beneficiaryKind, beneficiaryId, status, nextCursor, limit);
    }
}
