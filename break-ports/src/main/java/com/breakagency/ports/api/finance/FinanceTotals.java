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
 * @param received           payments received in the period asked for (cash in)
 * @param commissionsPending commission lines (agent and house) not yet paid out
 * @param cashOut            money that left in the period: payouts paid plus refunds
 * @param commissionsOwed    what talent and agents are owed now: their lines and reversals not yet paid out
 * @param commissionsPaid    payouts to talent and agents paid in the period
 * @param refunds            refunds to brands in the period
 * @param creditNotes        credit notes issued in the period
 */
public record FinanceTotals(LocalDate asOf, Map<String, Money> receivables, Map<String, Money> overdue,
                            Map<String, Money> received, Map<String, Money> commissionsPending,
                            Map<String, Money> cashOut, Map<String, Money> commissionsOwed,
                            Map<String, Money> commissionsPaid, Map<String, Money> refunds,
                            Map<String, Money> creditNotes) {

    /**
     * Checks presence and copies.
     *
     * @param asOf the day the figures are for, from Break's clock
     * @param receivables outstanding on issued and partly paid invoices
     * @param overdue the part of the receivables that is past its due date
     * @param received payments received in the period asked for (cash in)
     * @param commissionsPending commission lines (agent and house) not yet paid out
     * @param cashOut money that left in the period: payouts paid plus refunds
     * @param commissionsOwed what talent and agents are owed now: their lines and reversals not yet paid out
     * @param commissionsPaid payouts to talent and agents paid in the period
     * @param refunds refunds to brands in the period
     * @param creditNotes credit notes issued in the period
     */
    public FinanceTotals {
        Objects.requireNonNull(asOf, "asOf");
        receivables = Map.copyOf(Objects.requireNonNull(receivables, "receivables"));
        overdue = Map.copyOf(Objects.requireNonNull(overdue, "overdue"));
        received = Map.copyOf(Objects.requireNonNull(received, "received"));
        commissionsPending = Map.copyOf(Objects.requireNonNull(commissionsPending, "commissionsPending"));
        cashOut = Map.copyOf(Objects.requireNonNull(cashOut, "cashOut"));
        commissionsOwed = Map.copyOf(Objects.requireNonNull(commissionsOwed, "commissionsOwed"));
        commissionsPaid = Map.copyOf(Objects.requireNonNull(commissionsPaid, "commissionsPaid"));
        refunds = Map.copyOf(Objects.requireNonNull(refunds, "refunds"));
        creditNotes = Map.copyOf(Objects.requireNonNull(creditNotes, "creditNotes"));
    }
}
