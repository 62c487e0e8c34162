package com.breakagency.ports.api.finance;

import com.breakagency.ports.model.Money;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * The agency's figures, one per currency: amounts in different currencies are never added together.
 * Each map is keyed by ISO currency code and holds only currencies that occur.
 *
 * @param asOf               the day the figures are for, from Break's clock
 * @param receivables        outstanding on issued and partly paid invoices
 * @param overdue            the part of the receivables that is past its due date
 * @param received           payments received in the period asked for
 * @param commissionsPending commission lines (agent and house) not yet paid out
 */
public record FinanceTotals(LocalDate asOf, Map<String, Money> receivables, Map<String, Money> overdue,
                            Map<String, Money> received, Map<String, Money> commissionsPending) {

    /**
     * Checks presence and copies.
     *
     * @param asOf the day the figures are for, from Break's clock
     * @param receivables outstanding on issued and partly paid invoices
     * @param overdue the part of the receivables that is past its due date
     * @param received payments received in the period asked for
     * @param commissionsPending commission lines (agent and house) not yet paid out
     */
    public FinanceTotals {
        Objects.requireNonNull(asOf, "asOf");
        receivables = Map.copyOf(Objects.requireNonNull(receivables, "receivables"));
        overdue = Map.copyOf(Objects.requireNonNull(overdue, "overdue"));
        received = Map.copyOf(Objects.requireNonNull(received, "received"));
        commissionsPending = Map.copyOf(Objects.requireNonNull(commissionsPending, "commissionsPending"));
    }
}
