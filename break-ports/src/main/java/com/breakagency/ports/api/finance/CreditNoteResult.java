package com.breakagency.ports.api.finance;

import com.breakagency.ports.model.finance.CreditNote;
import com.breakagency.ports.model.finance.Invoice;
import java.util.Objects;
import java.util.Optional;

/**
 * What issuing a credit note did.
 *
 * @param creditNote the credit note
 * @param invoice    the invoice afterwards
 * @param refund     the refund issued with it, if one was needed
 * @param replayed   true when this is the result of an earlier call with the same idempotency key
 */
public record CreditNoteResult(CreditNote creditNote, Invoice invoice, Optional<RefundResult> refund,
                               boolean replayed) {

    /**
     * Checks presence.
     *
     * @param creditNote the credit note
     * @param invoice the invoice afterwards
     * @param refund the refund issued with it, if one was needed
     * @param replayed true when this is the result of an earlier call with the same idempotency key
     */
    public CreditNoteResult {
        Objects.requireNonNull(creditNote, "creditNote");
        Objects.requireNonNull(invoice, "invoice");
        Objects.requireNonNull(refund, "refund");
    }
}
