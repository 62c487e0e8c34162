package com.breakagency.ports.api.finance;

import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Completes an invoice's pending commissions.
 *
 * @param invoiceId the invoice
 */
public record EnsureCommissions(@NotNull @Pattern(regexp = Patterns.ID) String invoiceId) {
}
