package com.breakagency.core.finance;

import com.breakagency.core.finance.InvoiceLifecycle.Transition;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.FieldError;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.Payment;
import com.breakagency.ports.model.finance.Refund;
import java.util.List;

/**
 * Whether a payment takes a refund, decided from the invoice, the payment and its earlier refunds alone: no
 * store, no clock, no audit. Stateless.
 */
final class RefundDecision {

    /** What the decision came to. */
    sealed interface Outcome permits Accepted, Refused {
    }

    /**
     * The refund is taken.
     *
     * @param amount     the refund
     * @param keptOfPayment what the brand keeps of the payment afterwards
     * @param paid       what the invoice is paid (and kept) afterwards
     * @param transition the lifecycle move it makes: {@code REFUND_PART} or {@code REFUND_IN_FULL}
     */
    record Accepted(Money amount, Money keptOfPayment, Money paid, Transition transition) implements Outcome {
    }

    /** Why a refund is refused. */
    enum Why {
        /** The invoice is not paid or partly paid (nothing kept to refund). */
        NOT_REFUNDABLE,
        /** The refund is in another currency than the payment. */
        WRONG_CURRENCY,
        /** The refund is more than what is left of the payment. */
        EXCEEDS_PAYMENT
    }

    /**
     * The payment does not take the refund; nothing may be written.
     *
     * @param why     the kind of refusal
     * @param invoice the invoice as it was
     * @param left    what is left of the payment to refund
     */
    record Refused(Why why, Invoice invoice, Money left) implements Outcome {

        /**
         * The error the caller throws.
         *
         * @return CONFLICT/INVALID_STATE_TRANSITION, VALIDATION_FAILED on {@code #/amount/currency}, or
         *         CONFLICT/REFUND_EXCEEDS_PAYMENT
         */
        BreakException toException() {
            return switch (why) {
                case NOT_REFUNDABLE -> InvoiceLifecycle.refused(invoice.status(), Transition.REFUND_PART.to());
                case WRONG_CURRENCY -> BreakException.validation(List.of(new FieldError("#/amount/currency",
                        "PaymentCurrency", "must be the payment's currency, " + left.currency().getCurrencyCode())));
                case EXCEEDS_PAYMENT -> BreakException.builder(ErrorCode.CONFLICT).reason(Reason.REFUND_EXCEEDS_PAYMENT)
                        .detail("The refund is more than the " + left + " left of the payment.")
                        .metadata("left", left.toString()).build();
            };
        }
    }

    private RefundDecision() {
    }

    /**
     * Decides a refund.
     *
     * @param invoice the invoice, as locked by the caller
     * @param payment the payment refunded
     * @param earlier the payment's earlier refunds
     * @param amount  the refund asked for, more than zero
     * @return accepted with the amounts and the lifecycle move, or refused with why
     */
    static Outcome decide(Invoice invoice, Payment payment, List<Refund> earlier, Money amount) {
        Money left = payment.amount();
        for (Refund r : earlier) {
            left = left.minus(r.amount());
        }
        if (!InvoiceLifecycle.REFUNDS.get(0).allowsFrom(invoice.status())) {
            return new Refused(Why.NOT_REFUNDABLE, invoice, left);
        }
        if (!amount.currency().equals(payment.amount().currency())) {
            return new Refused(Why.WRONG_CURRENCY, invoice, left);
        }
        if (amount.minorUnits() <= 0 || amount.minorUnits() > left.minorUnits()
                || amount.minorUnits() > invoice.paid().minorUnits()) {
            return new Refused(Why.EXCEEDS_PAYMENT, invoice, left);
        }
        Money paid = invoice.paid().minus(amount);
        Transition move = paid.isZero() ? Transition.REFUND_IN_FULL : Transition.REFUND_PART;
        return new Accepted(amount, left.minus(amount), paid, move);
    }
}
