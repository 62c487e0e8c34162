package com.breakagency.ports.api.finance;

import com.breakagency.ports.model.finance.CommissionReversal;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.Refund;
import java.util.List;
import java.util.Objects;

/**
 * What a refund did.
 *
 * @param refund    the refund
 * @param invoice   the invoice afterwards
 * @param reversals the commission reversals it caused
 * @param replayed  true when this is the result of an earlier call with the same idempotency key
 */
public record RefundResult(Refund refund, Invoice invoice, List<CommissionReversal> reversals, boolean replayed) {

    /**
     * Checks presence and copies.
     *
     * @param refund the refund
     * @param invoice the invoice afterwards
     * @param reversals the commission reversals it caused
     * @param replayed true when this is the result of an earlier call with the same idempotency key
     */
    public RefundResult {
        Objects.requireNonNull(refund, "refund");
        Objects.requireNonNull(invoice, "invoice");
        reversals = List.copyOf(Objects.requireNonNull(reversals, "reversals"));
    }
}
