package com.breakagency.ports.api.finance;

import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Voids an invoice on which nothing is paid.
 *
 * @param invoiceId       the invoice
 * @param expectedVersion the version the caller read
 * @param reason          why, 1 to 500 characters
 */
public record VoidInvoice(@NotNull @Pattern(regexp = Patterns.ID) String invoiceId, @Positive long expectedVersion,
                          @NotBlank @Size(max = 500) String reason) {

    /**
     * Voids an invoice as it was read, its id and version.
     *
     * @param invoice the invoice as read
     * @param reason  why
     * @return the command
     */
    public static VoidInvoice of(Invoice invoice, String reason) {
        return new VoidInvoice(invoice.id(), invoice.version(), reason);
    }
}
