package com.breakagency.ports.api.recovery;

import com.breakagency.ports.model.work.StepStatus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A page of queued steps, in ascending id (queuing) order. Filters that are null do not apply.
 *
 * @param status steps in this status
 * @param type   steps of this type, such as {@code ENSURE_COMMISSIONS}
 * @param cursor the previous page's next cursor, or null
 * @param limit  1 to 500
 */
public record StepQuery(StepStatus status, @Pattern(regexp = StepQuery.TYPE) String type,
                        @Size(max = 512) String cursor, @Min(1) @Max(500) int limit) {

    /** What a step type looks like: UPPER_SNAKE_CASE, 1 to 64 characters. */
    public static final String TYPE = "[A-Z][A-Z0-9_]{0,63}";

    /**
     * The first page of every step.
     *
     * @param limit page size
     * @return the query
     */
    public static StepQuery first(int limit) {
        return new StepQuery(null, null, null, limit);
    }

    /**
     * The first page of the steps in one status.
     *
     * @param status the status
     * @param limit  page size
     * @return the query
     */
    public static StepQuery inStatus(StepStatus status, int limit) {
        return new StepQuery(status, null, null, limit);
    }

    /**
     * The same query for the next page.
     *
     * @param nextCursor the cursor
     * @return the query
     */
    public StepQuery after(String nextCursor) {
        return new StepQuery(status, type, nextCursor, limit);
    }

    /**
     * Only steps of one type. Defaults to any type.
     *
     * @param stepType such as {@code ENSURE_COMMISSIONS}
     * @return a copy with the filter
     */
    public StepQuery ofType(String stepType) {
        return new StepQuery(status, stepType, cursor, limit);
    }
}
