package com.breakagency.core.finance;

import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.InvoiceStatus;
import com.breakagency.ports.model.finance.Payment;
import com.breakagency.ports.model.finance.Refund;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The finance workflow's assertions, as named values that each run alone: checked before a unit of work
 * that records money commits. Stateless.
 */
public final class WorkflowAssertions {

    /**
     * A named check.
     *
     * @param name  what must hold, in words
     * @param check the check: empty when it holds, otherwise what is wrong (identifiers and amounts only)
     * @param <T>   what it checks
     */
    public record Assertion<T>(String name, Function<T, Optional<String>> check) {

        /**
         * Runs the check.
         *
         * @param subject what to check
         * @return empty when it holds, otherwise what is wrong
         */
        public Optional<String> test(T subject) {
            return check.apply(subject).map(problem -> name + ": " + problem);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * One payment and the lines allocated from it.
     *
     * @param payment the payment
     * @param lines   its lines
     */
    public record PaymentLines(Payment payment, List<CommissionLine> lines) {
    }

    /**
     * An invoice, every payment recorded for it and every refund of them.
     *
     * @param invoice  the invoice
     * @param payments its payments
     * @param refunds  the refunds of its payments
     */
    public record InvoicePayments(Invoice invoice, List<Payment> payments, List<Refund> refunds) {

        /**
         * An invoice whose payments were never refunded.
         *
         * @param invoice  the invoice
         * @param payments its payments
         */
        public InvoicePayments(Invoice invoice, List<Payment> payments) {
            this(invoice, payments, List.of());
        }
    }

    /** The lines of a payment sum exactly to the payment. */
    public static final Assertion<PaymentLines> LINES_SUM_TO_PAYMENT = new Assertion<>("lines sum to the payment",
            pl -> {
                Money sum = Money.zero(pl.payment().amount().currency());
                for (CommissionLine line : pl.lines()) {
                    sum = sum.plus(line.amount());
                }
                return sum.equals(pl.payment().amount()) ? Optional.empty()
                        : Optional.of("lines sum to " + sum + " for a payment of " + pl.payment().amount());
            });

    /** No line is negative. */
    public static final Assertion<PaymentLines> NO_NEGATIVE_LINE = new Assertion<>("no negative line",
            pl -> pl.lines().stream().filter(l -> l.amount().isNegative()).findFirst()
                    .map(l -> "line for " + l.beneficiary().kind() + " is " + l.amount()));

    /** The invoice's paid amount equals the sum of its payments less the sum of their refunds. */
    public static final Assertion<InvoicePayments> PAID_EQUALS_PAYMENTS = new Assertion<>(
            "paid amount equals the sum of the payments less their refunds", ip -> {
                Money sum = Money.zero(ip.invoice().total().currency());
                for (Payment p : ip.payments()) {
                    sum = sum.plus(p.amount());
                }
                for (Refund r : ip.refunds()) {
                    sum = sum.minus(r.amount());
                }
                return sum.equals(ip.invoice().paid()) ? Optional.empty()
                        : Optional.of("paid " + ip.invoice().paid() + " but payments less refunds sum to " + sum);
            });

    /**
     * The status agrees with the amounts: nothing kept before ISSUED or once REFUNDED, PARTIALLY_PAID below the
     * total less its credit notes, PAID at it.
     */
    public static final Assertion<InvoicePayments> STATUS_AGREES_WITH_AMOUNTS = new Assertion<>(
            "status agrees with the amounts", ip -> {
                Invoice i = ip.invoice();
                long paid = i.paid().minorUnits();
                long total = i.netTotal().minorUnits();
                boolean agrees = switch (i.status()) {
                    case DRAFT, ISSUED, VOID, REFUNDED -> paid == 0;
                    case PARTIALLY_PAID -> paid > 0 && paid < total;
                    case PAID -> paid == total;
                };
                return agrees && paid <= total ? Optional.empty()
                        : Optional.of("status " + i.status() + " with " + i.paid() + " paid of " + i.total());
            });

    /**
     * An invoice before and after one unit of work changed it.
     *
     * @param before the invoice as it was read (under its lock)
     * @param after  the invoice as it is about to be stored
     */
    public record InvoiceMove(Invoice before, Invoice after) {
    }

    /** The status either stays or moves by a transition of the invoice lifecycle. */
    public static final Assertion<InvoiceMove> MOVE_IS_A_TRANSITION = new Assertion<>(
            "the status moves only by a lifecycle transition", m -> {
                InvoiceStatus from = m.before().status();
                InvoiceStatus to = m.after().status();
                return from == to || InvoiceLifecycle.between(from, to).isPresent() ? Optional.empty()
                        : Optional.of("moved from " + from + " to " + to);
            });

    /** Every check of a payment's lines. */
    public static final List<Assertion<PaymentLines>> ON_LINES = List.of(LINES_SUM_TO_PAYMENT, NO_NEGATIVE_LINE);

    /** Every check of an invoice. */
    public static final List<Assertion<InvoicePayments>> ON_INVOICE = List.of(PAID_EQUALS_PAYMENTS,
            STATUS_AGREES_WITH_AMOUNTS);

    private WorkflowAssertions() {
    }

    /**
     * Runs a list of checks.
     *
     * @param checks  the checks
     * @param subject what to check
     * @param <T>     its type
     * @return the first problem, if any
     */
    public static <T> Optional<String> firstFailure(List<Assertion<T>> checks, T subject) {
        for (Assertion<T> check : checks) {
            Optional<String> problem = check.test(subject);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    /**
     * Whether an invoice in this status accepts payments.
     *
     * @param status the status
     * @return true for ISSUED and PARTIALLY_PAID: the statuses a payment transition of the invoice lifecycle
     *         starts from
     */
    public static boolean acceptsPayments(InvoiceStatus status) {
        return InvoiceLifecycle.acceptsPayments(status);
    }

    /**
     * One payment's effect on the invoice it pays, checked from the rows the unit of work has in hand
     * (the locked invoice, the payment, the invoice about to be stored) instead of re-reading the
     * invoice's payments: the locked invoice met {@link #ON_INVOICE} when the unit that wrote it committed.
     *
     * @param before  the invoice as read under its lock
     * @param after   the invoice as it is about to be stored
     * @param payment the payment recorded for it in this unit of work
     */
    public record PaymentMove(Invoice before, Invoice after, Payment payment) {
    }

    /** The paid amount grows by exactly the payment, in the invoice's currency. */
    public static final Assertion<PaymentMove> PAID_GROWS_BY_THE_PAYMENT = new Assertion<>(
            "paid amount grows by the payment", m -> m.before().paid().plus(m.payment().amount()).equals(m.after().paid())
                    ? Optional.empty()
                    : Optional.of("paid " + m.after().paid() + " after " + m.before().paid() + " and a payment of "
                    + m.payment().amount()));

    /** The status after the payment agrees with the amounts, as {@link #STATUS_AGREES_WITH_AMOUNTS} says. */
    public static final Assertion<PaymentMove> STATUS_AGREES_AFTER_THE_PAYMENT = new Assertion<>(
            "status agrees with the amounts", m -> STATUS_AGREES_WITH_AMOUNTS.check()
                    .apply(new InvoicePayments(m.after(), List.of(m.payment()), List.of())));

    /** Every check of one payment's effect on its invoice. */
    public static final List<Assertion<PaymentMove>> ON_PAYMENT = List.of(PAID_GROWS_BY_THE_PAYMENT,
            STATUS_AGREES_AFTER_THE_PAYMENT);
}
