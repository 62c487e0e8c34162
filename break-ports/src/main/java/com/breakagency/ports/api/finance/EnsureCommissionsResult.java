package com.breakagency.ports.api.finance;

import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.Invoice;
import java.util.List;
import java.util.Objects;

/**
 * What {@code ensureCommissions} did.
 *
 * @param invoice      the invoice afterwards (commissions ALLOCATED)
 * @param createdLines the lines created by this call; empty when everything was allocated already
 */
public record EnsureCommissionsResult(Invoice invoice, List<CommissionLine> createdLines) {

    /**
     * Checks presence and copies.
     *
     * @param invoice the invoice afterwards (commissions ALLOCATED)
     * @param createdLines the lines created by this call; empty when everything was allocated already
     */
    public EnsureCommissionsResult {
        Objects.requireNonNull(invoice, "invoice");
        createdLines = List.copyOf(Objects.requireNonNull(createdLines, "createdLines"));
    }
}
