package com.breakagency.ports.model.finance;

import com.breakagency.ports.model.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One beneficiary's part of one payment. The lines of a payment sum exactly to its amount; there is at
 * most one line per (payment, beneficiary), which the store enforces.
 *
 * @param id          Break's id
 * @param paymentId   the payment allocated
 * @param invoiceId   its invoice
 * @param dealId      the invoice's deal
 * @param talentId    the talent whose work was paid
 * @param beneficiary who the line pays
 * @param basis       the payment amount the line is a part of
 * @param rate        the beneficiary's share of a payment under the plan used, as a fraction (0.05 for 5%); kept to
 *        at least eight decimal places, a store may
 *                    return another scale, so compare with {@code compareTo}
 * @param planId      the commission plan used
 * @param amount      the line's amount, in the invoice's currency
 * @param status      where the line is in the payout cycle
 * @param createdAt   when allocated
 */
public record CommissionLine(String id, String paymentId, String invoiceId, String dealId, String talentId,
                             Beneficiary beneficiary, Money basis, BigDecimal rate, String planId, Money amount,
                             CommissionStatus status, Instant createdAt) {

    /**
     * Checks presence and currencies.
     *
     * @param id Break's id
     * @param paymentId the payment allocated
     * @param invoiceId its invoice
     * @param dealId the invoice's deal
     * @param talentId the talent whose work was paid
     * @param beneficiary who the line pays
     * @param basis the payment amount the line is a part of
     * @param rate the beneficiary's share of a payment under the plan used, as a fraction (0.05 for 5%); kept to at
     *        least eight decimal places, a store may
     *        return another scale, so compare with {@code compareTo}
     * @param planId the commission plan used
     * @param amount the line's amount, in the invoice's currency
     * @param status where the line is in the payout cycle
     * @param createdAt when allocated
     */
    public CommissionLine {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(dealId, "dealId");
        Objects.requireNonNull(talentId, "talentId");
        Objects.requireNonNull(beneficiary, "beneficiary");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(amount, "amount");
        basis.requireSameCurrency(amount);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
