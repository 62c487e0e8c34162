package com.breakagency.ports.api.finance;

import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.finance.Beneficiary;
import com.breakagency.ports.model.finance.CommissionLine;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One beneficiary's commission lines over a period, with totals per currency (never added across
 * currencies).
 *
 * @param beneficiary    who
 * @param from           period start, inclusive
 * @param to             period end, exclusive
 * @param lines          the lines, oldest first
 * @param totalsByCurrency the sum of the lines per ISO currency code
 */
public record CommissionStatement(Beneficiary beneficiary, Instant from, Instant to, List<CommissionLine> lines,
                                  Map<String, Money> totalsByCurrency) {

    /**
     * Checks presence and copies.
     *
     * @param beneficiary who
     * @param from period start, inclusive
     * @param to period end, exclusive
     * @param lines the lines, oldest first
     * @param totalsByCurrency the sum of the lines per ISO currency code
     */
    public CommissionStatement {
        Objects.requireNonNull(beneficiary, "beneficiary");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        totalsByCurrency = Map.copyOf(Objects.requireNonNull(totalsByCurrency, "totalsByCurrency"));
    }
}
