package com.breakagency.ports.api.finance;

import com.breakagency.ports.validation.InputLimits;
import com.breakagency.ports.model.finance.BeneficiaryKind;
import com.breakagency.ports.model.finance.CommissionStatus;
import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A page of commission lines. Filters that are null do not apply; a beneficiary needs both kind and id.
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

    /**
     * The first page of every line.
     *
     * @param limit page size
     * @return the query
     */
    public static CommissionQuery first(int limit) {
        return new CommissionQuery(null, null, null, null, null, null, limit);
    }

    /**
     * The same query for the next page.
     *
     * @param nextCursor the cursor
     * @return the query
     */
    public CommissionQuery after(String nextCursor) {
        return new CommissionQuery(beneficiaryKind, beneficiaryId, status, from, to, nextCursor, limit);
    }
}
