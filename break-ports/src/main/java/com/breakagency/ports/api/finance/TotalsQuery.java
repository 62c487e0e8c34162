package com.breakagency.ports.api.finance;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/**
 * The period for the "received" figure of {@link FinanceTotals}.
 *
 * @param receivedFrom first day, inclusive
 * @param receivedTo   last day, exclusive
 */
public record TotalsQuery(@NotNull LocalDate receivedFrom, @NotNull LocalDate receivedTo) {
}
