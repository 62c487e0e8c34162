package com.breakagency.core.finance;

import com.breakagency.core.finance.InvoiceLifecycle.Transition;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.FieldError;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.InvoiceStatus;
import java.util.List;

/**
 * Whether an invoice takes a payment, decided from the invoice and the amount alone: no store, no clock,
 * no audit. The payment intake persists and audits an {@link Accepted} outcome and throws a
 * {@link Refused} one as its {@link Refused#toException() error}. Stateless.
 */
final class PaymentDecision {

    /** What the decision came to. */
    sealed interface Outcome permits Accepted, Refused {
    }

    /**
     * The invoice takes the payment.
     *
     * @param amount     the payment
     * @param paid       what the invoice has been paid once it is recorded
     * @param transition the lifecycle move it makes: {@code PART_PAY} or {@code PAY_IN_FULL}
     */
    record Accepted(Money amount, Money paid, Transition transition) implements Outcome {

        /** @return the invoice's status once the payment is recorded */
        InvoiceStatus status() {
            return transition.to();
        }
    }

    /** Why a payment is refused. */
    enum Why {
        /** The invoice is PAID already. */
        ALREADY_PAID,
        /** The invoice is not open (a draft, or void). */
        NOT_PAYABLE,
        /** The payment is in another currency than the invoice. */
        WRONG_CURRENCY,
        /** The payment is zero or negative. */
        NOT_POSITIVE,
        /** The payment is more than what is still owed. */
        OVERPAYMENT
    }

    /**
     * The invoice does not take the payment; nothing may be written.
     *
     * @param why     the kind of refusal
     * @param invoice the invoice as it was
     */
    record Refused(Why why, Invoice invoice) implements Outcome {

        /**
         * The error the caller throws.
         *
         * @return CONFLICT/INVALID_STATE_TRANSITION for a paid or unopened invoice or a non-positive amount,
         *         CONFLICT/OVERPAYMENT for more than is owed, VALIDATION_FAILED on {@code #/amount/currency} for
         *         another currency
         */
        BreakException toException() {
            return switch (why) {
                case ALREADY_PAID -> BreakException.builder(ErrorCode.CONFLICT).reason(Reason.INVALID_STATE_TRANSITION)
                        .detail("The invoice is paid already.").metadata("from", "PAID").metadata("to", "PAID").build();
                case NOT_PAYABLE, NOT_POSITIVE -> InvoiceLifecycle.refused(invoice.status(), InvoiceStatus.PAID);
                case WRONG_CURRENCY -> BreakException.validation(List.of(new FieldError("#/amount/currency", "InvoiceCurrency",
                        "must be the invoice's currency, " + invoice.total().currency().getCurrencyCode())));
                case OVERPAYMENT -> BreakException.builder(ErrorCode.CONFLICT).reason(Reason.OVERPAYMENT)
                        .detail("The payment is more than the " + invoice.outstanding() + " still owed on the invoice.")
                        .metadata("invoiceId", invoice.id()).metadata("outstanding", invoice.outstanding().toString())
                        .build();
            };
        }
    }

    private PaymentDecision() {
    }

    /**
     * Decides a payment of a given amount.
     *
     * @param invoice      the invoice, as locked by the caller
     * @param minorUnits   the amount, in minor units of its currency
     * @param currencyCode the amount's ISO 4217 code
     * @return accepted with the invoice's paid amount and lifecycle move, or refused with why
     */
    static Outcome decide(Invoice invoice, long minorUnits, String currencyCode) {
        if (invoice.status() == InvoiceStatus.PAID) {
            return new Refused(Why.ALREADY_PAID, invoice);
        }
        if (!InvoiceLifecycle.acceptsPayments(invoice.status())) {
            return new Refused(Why.NOT_PAYABLE, invoice);
        }
        if (!invoice.total().currency().getCurrencyCode().equals(currencyCode)) {
            return new Refused(Why.WRONG_CURRENCY, invoice);
        }
        if (minorUnits <= 0) {
            return new Refused(Why.NOT_POSITIVE, invoice);
        }
        if (minorUnits > invoice.outstanding().minorUnits()) {
            return new Refused(Why.OVERPAYMENT, invoice);
        }
        Money amount = new Money(minorUnits, invoice.total().currency());
        Money paid = invoice.paid().plus(amount);
        Transition move = minorUnits == invoice.outstanding().minorUnits() ? Transition.PAY_IN_FULL : Transition.PART_PAY;
        return move.allowsFrom(invoice.status()) ? new Accepted(amount, paid, move) : new Refused(Why.NOT_PAYABLE, invoice);
    }

    /**
     * Decides the payment of everything still owed (marking an invoice paid).
     *
     * @param invoice the invoice, as locked by the caller
     * @return as {@link #decide(Invoice, long, String)} for the outstanding amount
     */
    static Outcome decideInFull(Invoice invoice) {
        Money owed = invoice.outstanding();
        return decide(invoice, owed.minorUnits(), owed.currency().getCurrencyCode());
    }
}
