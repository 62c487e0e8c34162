package com.breakagency.ports.api.finance;

import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.CommissionState;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.Payment;
import java.util.List;
import java.util.Objects;

/**
 * What recording a payment did.
 *
 * @param payment     the payment
 * @param invoice     the invoice afterwards
 * @param lines       the payment's commission lines; empty when commissions are pending
 * @param commissions ALLOCATED, or PENDING when they could not be computed yet (not an error for the
 *                    caller: a repair step is queued and an operator is told)
 * @param replayed    true when this is the result of an earlier call with the same idempotency key
 */
public record PaymentResult(Payment payment, Invoice invoice, List<CommissionLine> lines, CommissionState commissions,
                            boolean replayed) {

    /**
     * Checks presence and copies.
     *
     * @param payment the payment
     * @param invoice the invoice afterwards
     * @param lines the payment's commission lines; empty when commissions are pending
     * @param commissions ALLOCATED, or PENDING when they could not be computed yet (not an error for the
     *        caller: a repair step is queued and an operator is told)
     * @param replayed true when this is the result of an earlier call with the same idempotency key
     */
    public PaymentResult {
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(invoice, "invoice");
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        Objects.requireNonNull(commissions, "commissions");
    }
}
