package com.breakagency.ports.spi;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.finance.Payment;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The payments store: append-only. Every method takes part in the calling thread's unit of work; store
 * failures are thrown as {@link BreakException} PERSISTENCE_UNAVAILABLE. Contract: {@code PaymentsContract}.
 */
public interface Payments {

    /**
     * Stores a payment.
     *
     * @param payment the payment
     * @throws BreakException CONFLICT/ALREADY_EXISTS naming field {@code externalReference} if the invoice
     *                        has a payment with that reference already (a unique constraint, compared exactly: the same bank
     *                        transaction cannot be recorded twice), or field {@code id}
     */
    void insert(Payment payment);

    /**
     * Reads a payment.
     *
     * @param id the id
     * @return the payment, if any
     */
    Optional<Payment> findById(String id);

    /**
     * An invoice's payments, in ascending id (recording) order.
     *
     * @param invoiceId the invoice
     * @return the payments
     */
    List<Payment> byInvoice(String invoiceId);

    /**
     * One keyset page of the payments received in a period, in ascending id order.
     *
     * @param from    first day, inclusive
     * @param to      last day, exclusive
     * @param afterId the last id of the previous page (it need not still exist or match), or empty
     * @param limit   1 or more; only the last page is shorter
     * @return the payments
     */
    List<Payment> receivedBetween(LocalDate from, LocalDate to, Optional<String> afterId, int limit);

    /**
     * The first payments that have no commission line, recorded before an instant: the first page of
     * {@link #withoutCommissions(Instant, Optional, int)}.
     *
     * @param recordedBefore only payments recorded before this instant (a grace period for work in flight)
     * @param limit          at most this many
     * @return the payments
     */
    default List<Payment> withoutCommissions(Instant recordedBefore, int limit) {
        return withoutCommissions(recordedBefore, Optional.empty(), limit);
    }

    /**
     * One keyset page of the payments that have no commission line, recorded before an instant: what the
     * janitor looks for. An index-backed anti-join on a database ({@code NOT EXISTS} on the lines' payment
     * id), in ascending id order. Payments stay in this listing until their lines exist, so a sweep pages
     * on with the cursor rather than starting over.
     *
     * @param recordedBefore only payments recorded before this instant (a grace period for work in flight)
     * @param afterId        the last id of the previous page (it need not still match), or empty
     * @param limit          1 or more; only the last page is shorter
     * @return the payments
     */
    List<Payment> withoutCommissions(Instant recordedBefore, Optional<String> afterId, int limit);

    /**
     * How many invoices have at least one payment without a commission line: the paid (fully or partly)
     * invoices whose commissions are missing. Answered by the store in one query ({@code COUNT(DISTINCT
     * invoice_id)} over the same anti-join), never by reading the payments.
     *
     * @return the count
     */
    long countInvoicesWithoutCommissions();

    /**
     * The money received in a period, per currency: the sum of the amounts of the payments whose
     * {@link Payment#receivedOn()} is in {@code [from, to)}, computed by the store (on a database, one
     * aggregate query, however many payments there are). The default pages through {@link #receivedBetween}
     * and adds up in Java; a store that can aggregate overrides it.
     *
     * @param from inclusive
     * @param to   exclusive
     * @return minor units per ISO currency code; a currency of no matching payment has no key
     */
    default Map<String, Long> receivedByCurrency(LocalDate from, LocalDate to) {
        Map<String, Long> sums = new TreeMap<>();
        Optional<String> after = Optional.empty();
        for (List<Payment> page; !(page = receivedBetween(from, to, after, 500)).isEmpty();
             after = Optional.of(page.get(page.size() - 1).id())) {
            for (Payment payment : page) {
                sums.merge(payment.amount().currency().getCurrencyCode(), payment.amount().minorUnits(), Long::sum);
            }
        }
        return sums;
    }
}
