package com.breakagency.ports.model.finance;

import com.breakagency.ports.model.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A reduction of an issued invoice's total, as its own numbered document: the invoice's lines and total are
 * never edited, its {@code credited} figure adds up its credit notes. Numbers run 1, 2, 3, … with no gaps,
 * in a sequence of their own.
 *
 * @param id        Break's id
 * @param invoiceId the invoice reduced
 * @param brandId   the invoice's brand, who may read it
 * @param number    the credit-note number: unique and sequential
 * @param amount    the reduction, more than zero, in the invoice's currency
 * @param reason    why, in words
 * @param refundId  the refund issued with it, when the invoice had been paid more than its new total
 * @param issuedBy  the user id that issued it
 * @param createdAt when issued
 */
public record CreditNote(String id, String invoiceId, String brandId, long number, Money amount, String reason,
                         Optional<String> refundId, String issuedBy, Instant createdAt) {

    /**
     * Checks presence.
     *
     * @param id Break's id
     * @param invoiceId the invoice reduced
     * @param brandId the invoice's brand, who may read it
     * @param number the credit-note number: unique and sequential
     * @param amount the reduction, more than zero, in the invoice's currency
     * @param reason why, in words
     * @param refundId the refund issued with it, when the invoice had been paid more than its new total
     * @param issuedBy the user id that issued it
     * @param createdAt when issued
     */
    public CreditNote {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(brandId, "brandId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(refundId, "refundId");
        Objects.requireNonNull(issuedBy, "issuedBy");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
