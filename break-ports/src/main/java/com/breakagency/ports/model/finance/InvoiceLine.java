package com.breakagency.ports.model.finance;

import com.breakagency.ports.model.Money;
import java.util.Objects;

/**
 * One line of an invoice.
 *
 * @param description what is billed
 * @param amount      how much, in the invoice's currency
 */
public record InvoiceLine(String description, Money amount) {

    /**
     * Checks presence.
     *
     * @param description what is billed
     * @param amount how much, in the invoice's currency
     */
    public InvoiceLine {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(amount, "amount");
    }
}
