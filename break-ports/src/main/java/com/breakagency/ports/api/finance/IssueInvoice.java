package com.breakagency.ports.api.finance;

import com.breakagency.ports.validation.InputLimits;
import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.time.LocalDate;

/**
 * Issues a draft invoice: assigns the next number and sets the due date.
 *
 * @param invoiceId       the invoice
 * @param expectedVersion the version the caller read
 * @param dueDate         when payment is due, or null for the agency's payment terms after today;
 *                        in {@link InputLimits#MIN_DATE}..{@link InputLimits#MAX_DATE}
 */
public record IssueInvoice(@NotNull @Pattern(regexp = Patterns.ID) String invoiceId, @Positive long expectedVersion,
                           LocalDate dueDate) {
}
