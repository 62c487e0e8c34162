package com.breakagency.ports.model.finance;

import com.breakagency.ports.model.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A deal's invoice to its brand. One per deal; drafted when the deal enters PAYMENT_PENDING.
 *
 * <p>An invoice carries no owner of its own: it belongs to whoever owns its deal now, which Break reads
 * from the deal at every call, so handing a deal to another agent hands them its invoice too.
 *
 * @param id               Break's id
 * @param dealId           the deal (unique: one invoice per deal)
 * @param brandId          the brand billed
 * @param talentId         the talent whose work is billed
 * @param number           the invoice number, assigned on issue: unique and sequential
 * @param lines            what is billed
 * @param total            the sum of the lines; its currency is the invoice's currency
 * @param paid             what the brand has paid and kept so far (payments less refunds), in the same currency
 * @param credited         the sum of the invoice's credit notes, in the same currency: what is owed is
 *                         {@code total - credited}, and the lines and total themselves are never edited
 * @param dueDate          when payment is due, set on issue
 * @param status           where the invoice is
 * @param commissions      whether its payments are allocated into commissions
 * @param version          optimistic-locking version
 * @param createdAt        when drafted
 * @param updatedAt        when last changed
 */
public record Invoice(String id, String dealId, String brandId, String talentId, Optional<Long> number,
                      List<InvoiceLine> lines, Money total, Money paid, Money credited,
                      Optional<LocalDate> dueDate, InvoiceStatus status, CommissionState commissions, long version,
                      Instant createdAt, Instant updatedAt) {

    /**
     * Checks presence, copies the lines, and checks the currencies agree.
     *
     * @param id Break's id
     * @param dealId the deal (unique: one invoice per deal)
     * @param brandId the brand billed
     * @param talentId the talent whose work is billed
     * @param number the invoice number, assigned on issue: unique and sequential
     * @param lines what is billed
     * @param total the sum of the lines; its currency is the invoice's currency
     * @param paid what the brand has paid and kept so far (payments less refunds), in the same currency
     * @param credited the sum of the invoice's credit notes, in the same currency
     * @param dueDate when payment is due, set on issue
     * @param status where the invoice is
     * @param commissions whether its payments are allocated into commissions
     * @param version optimistic-locking version
     * @param createdAt when drafted
     * @param updatedAt when last changed
     */
    public Invoice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dealId, "dealId");
        Objects.requireNonNull(brandId, "brandId");
        Objects.requireNonNull(talentId, "talentId");
        Objects.requireNonNull(number, "number");
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(paid, "paid");
        total.requireSameCurrency(paid);
        Objects.requireNonNull(credited, "credited");
        total.requireSameCurrency(credited);
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(commissions, "commissions");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /**
     * An invoice without credit notes (credited zero).
     *
     * @param id Break's id
     * @param dealId the deal (unique: one invoice per deal)
     * @param brandId the brand billed
     * @param talentId the talent whose work is billed
     * @param number the invoice number, assigned on issue: unique and sequential
     * @param lines what is billed
     * @param total the sum of the lines; its currency is the invoice's currency
     * @param paid what the brand has paid and kept so far, in the same currency
     * @param dueDate when payment is due, set on issue
     * @param status where the invoice is
     * @param commissions whether its payments are allocated into commissions
     * @param version optimistic-locking version
     * @param createdAt when drafted
     * @param updatedAt when last changed
     */
    public Invoice(String id, String dealId, String brandId, String talentId, Optional<Long> number,
                   List<InvoiceLine> lines, Money total, Money paid, Optional<LocalDate> dueDate, InvoiceStatus status,
                   CommissionState commissions, long version, Instant createdAt, Instant updatedAt) {
        this(id, dealId, brandId, talentId, number, lines, total, paid, Money.zero(total.currency()), dueDate, status,
                commissions, version, createdAt, updatedAt);
    }

    /**
     * What the brand owes in all once its credit notes are taken off.
     *
     * @return total minus credited
     */
    public Money netTotal() {
        return total.minus(credited);
    }

    /**
     * What is still to be paid.
     *
     * @return total minus credited minus paid
     */
    public Money outstanding() {
        return netTotal().minus(paid);
    }

    /**
     * Whether the invoice is overdue on a day: {@linkplain InvoiceStatus#isOpen() open} (issued or partly
     * paid), and due before that day.
     *
     * @param today the day, from Break's clock
     * @return true if overdue
     */
    public boolean overdueOn(LocalDate today) {
        return status.isOpen() && dueDate.map(due -> due.isBefore(today)).orElse(false);
    }

    /**
     * This invoice with another invoice number, or none; the version and the last-change instant stay as they are (see {@link #next}).
     *
     * @param number the new value
     * @return a copy with that number
     */
    public Invoice withNumber(Optional<Long> number) {
        return new Invoice(id, dealId, brandId, talentId, number, lines, total, paid, credited, dueDate, status, commissions, version, createdAt, updatedAt);
    }

    /**
     * This invoice with another paid amount; the version and the last-change instant stay as they are (see {@link #next}).
     *
     * @param paid the new value
     * @return a copy with that paid
     */
    public Invoice withPaid(Money paid) {
        return new Invoice(id, dealId, brandId, talentId, number, lines, total, paid, credited, dueDate, status, commissions, version, createdAt, updatedAt);
    }

    /**
     * This invoice with another due date, or none; the version and the last-change instant stay as they are (see {@link #next}).
     *
     * @param dueDate the new value
     * @return a copy with that dueDate
     */
    public Invoice withDueDate(Optional<LocalDate> dueDate) {
        return new Invoice(id, dealId, brandId, talentId, number, lines, total, paid, credited, dueDate, status, commissions, version, createdAt, updatedAt);
    }

    /**
     * This invoice with another status; the version and the last-change instant stay as they are (see {@link #next}).
     *
     * @param status the new value
     * @return a copy with that status
     */
    public Invoice withStatus(InvoiceStatus status) {
        return new Invoice(id, dealId, brandId, talentId, number, lines, total, paid, credited, dueDate, status, commissions, version, createdAt, updatedAt);
    }

    /**
     * This invoice with another commission state; the version and the last-change instant stay as they are (see {@link #next}).
     *
     * @param commissions the new value
     * @return a copy with that commissions
     */
    public Invoice withCommissions(CommissionState commissions) {
        return new Invoice(id, dealId, brandId, talentId, number, lines, total, paid, credited, dueDate, status, commissions, version, createdAt, updatedAt);
    }

    /**
     * This invoice with another credited amount; the version and the last-change instant stay as they are (see {@link #next}).
     *
     * @param credited the new value
     * @return a copy with that credited amount
     */
    public Invoice withCredited(Money credited) {
        return new Invoice(id, dealId, brandId, talentId, number, lines, total, paid, credited, dueDate, status, commissions, version, createdAt, updatedAt);
    }

    /**
     * The next stored version of this invoice: the same values, the version one higher (for optimistic
     * locking) and changed at the given instant. Every change a use case stores goes through here, so a
     * version is bumped once per stored change.
     *
     * @param updatedAt when the change is made, from Break's clock
     * @return the copy to store
     */
    public Invoice next(Instant updatedAt) {
        return new Invoice(id, dealId, brandId, talentId, number, lines, total, paid, credited, dueDate, status, commissions, version + 1, createdAt, updatedAt);
    }
}
