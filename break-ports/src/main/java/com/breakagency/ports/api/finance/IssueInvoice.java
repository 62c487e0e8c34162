package com.breakagency.ports.api.finance;

import com.breakagency.ports.model.finance.Invoice;
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

    /**
     * Issues a draft as it was read, its id and version. Defaults to the agency's payment terms for the due
     * date.
     *
     * @param draft the draft as read
     * @return the command
     */
    public static IssueInvoice of(Invoice draft) {
        return new IssueInvoice(draft.id(), draft.version(), null);
    }

    /**
     * A due date of the caller's choosing. Defaults to the agency's payment terms after today.
     *
     * @param date when payment is due
     * @return a copy with the due date
     */
    public IssueInvoice dueOn(LocalDate date) {
        return new IssueInvoice(invoiceId, expectedVersion, date);
    }

    /**
     * Issues a draft by id and the version read. Defaults to the agency's payment terms for the due date.
     *
     * @param invoiceId       the draft
     * @param expectedVersion the version read
     * @return the command
     */
    public static IssueInvoice of(String invoiceId, long expectedVersion) {
        return new IssueInvoice(invoiceId, expectedVersion, null);
    }
}
