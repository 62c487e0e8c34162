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
import java.util.Optional;

/**
 * Whether an invoice takes a credit note, decided from the invoice, the amount and whether a refund comes with
 * it: no store, no clock. A credit note leaves the invoice's total above zero; when the invoice was paid more
 * than its new total, the refund of the difference is required, and otherwise none may come. Stateless.
 */
final class CreditNoteDecision {

    /** What the decision came to. */
    sealed interface Outcome permits Accepted, Refused {
    }

    /**
     * The credit note is taken.
     *
     * @param amount   the credit note
     * @param credited the invoice's credited figure afterwards
     * @param refund   the refund it needs, if the invoice was paid more than its new total
     * @param status   the invoice's status afterwards
     * @param move     the lifecycle move it makes, if the status changes ({@code CREDIT_SETTLES})
     */
    record Accepted(Money amount, Money credited, Optional<Money> refund, InvoiceStatus status,
                    Optional<Transition> move) implements Outcome {
    }

    /** Why a credit note is refused. */
    enum Why {
        /** The invoice is not issued, partly paid or paid. */
        NOT_CREDITABLE,
        /** The amount is in another currency than the invoice. */
        WRONG_CURRENCY,
        /** The amount would take the invoice's total to zero or below. */
        EXCEEDS_BALANCE,
        /** The invoice was paid more than its new total, and no refund comes with the note. */
        REFUND_REQUIRED,
        /** A refund comes with the note, but the invoice is not paid more than its new total. */
        REFUND_NOT_NEEDED
    }

    /**
     * The invoice does not take the credit note; nothing may be written.
     *
     * @param why     the kind of refusal
     * @param invoice the invoice as it was
     */
    record Refused(Why why, Invoice invoice) implements Outcome {

        /**
         * The error the caller throws.
         *
         * @return CONFLICT with INVALID_STATE_TRANSITION, CREDIT_EXCEEDS_BALANCE or REFUND_REQUIRED; or
         *         VALIDATION_FAILED for another currency or a refund that is not needed
         */
        BreakException toException() {
            return switch (why) {
                case NOT_CREDITABLE -> BreakException.builder(ErrorCode.CONFLICT).reason(Reason.INVALID_STATE_TRANSITION)
                        .detail("A credit note needs an issued invoice; this one is " + invoice.status() + ".")
                        .metadata("from", invoice.status().name()).build();
                case WRONG_CURRENCY -> BreakException.validation(List.of(new FieldError("#/amount/currency",
                        "InvoiceCurrency", "must be the invoice's currency, " + invoice.total().currency().getCurrencyCode())));
                case EXCEEDS_BALANCE -> BreakException.builder(ErrorCode.CONFLICT).reason(Reason.CREDIT_EXCEEDS_BALANCE)
                        .detail("A credit note must leave the invoice's total above zero; it is " + invoice.netTotal() + ".")
                        .metadata("invoiceId", invoice.id()).build();
                case REFUND_REQUIRED -> BreakException.builder(ErrorCode.CONFLICT).reason(Reason.REFUND_REQUIRED)
                        .detail("The invoice was paid more than its new total; the credit note needs the refund of the difference.")
                        .metadata("invoiceId", invoice.id()).build();
                case REFUND_NOT_NEEDED -> BreakException.validation(List.of(new FieldError("#/refundPaymentId",
                        "RefundNotNeeded", "must be absent: the invoice is not paid more than its new total")));
            };
        }
    }

    private CreditNoteDecision() {
    }

    /**
     * Decides a credit note.
     *
     * @param invoice    the invoice, as locked by the caller
     * @param amount     the reduction
     * @param withRefund whether the command carries a refund
     * @return accepted with the amounts and status, or refused with why
     */
    static Outcome decide(Invoice invoice, Money amount, boolean withRefund) {
        if (!InvoiceLifecycle.CREDITABLE.contains(invoice.status())) {
            return new Refused(Why.NOT_CREDITABLE, invoice);
        }
        if (!amount.currency().equals(invoice.total().currency())) {
            return new Refused(Why.WRONG_CURRENCY, invoice);
        }
        long net = invoice.netTotal().minorUnits() - amount.minorUnits();
        if (amount.minorUnits() <= 0 || net <= 0) {
            return new Refused(Why.EXCEEDS_BALANCE, invoice);
        }
        long excess = invoice.paid().minorUnits() - net;
        if (excess > 0 && !withRefund) {
            return new Refused(Why.REFUND_REQUIRED, invoice);
        }
        if (excess <= 0 && withRefund) {
            return new Refused(Why.REFUND_NOT_NEEDED, invoice);
        }
        long kept = Math.min(invoice.paid().minorUnits(), net);
        InvoiceStatus status = kept == 0 ? invoice.status() : kept == net ? InvoiceStatus.PAID : InvoiceStatus.PARTIALLY_PAID;
        Optional<Transition> move = invoice.status() == status ? Optional.empty()
                : status == InvoiceStatus.PAID ? Optional.of(Transition.CREDIT_SETTLES)
                : InvoiceLifecycle.between(invoice.status(), status);
        return new Accepted(amount, invoice.credited().plus(amount),
                excess > 0 ? Optional.of(new Money(excess, amount.currency())) : Optional.empty(), status, move);
    }
}
