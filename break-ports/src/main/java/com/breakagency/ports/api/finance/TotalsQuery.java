package com.breakagency.ports.api.finance;

import com.breakagency.ports.validation.InputLimits;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/**
 * The period for the "received" figure of {@link FinanceTotals}.
 *
 * @param receivedFrom first day, inclusive; days lie in {@link InputLimits#MIN_DATE}..{@link InputLimits#MAX_DATE}
 * @param receivedTo   last day, exclusive
 */
public record TotalsQuery(@NotNull LocalDate receivedFrom, @NotNull LocalDate receivedTo) {
}
