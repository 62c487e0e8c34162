package com.breakagency.ports.spi;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.InvoiceStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The invoices store. Every method takes part in the calling thread's unit of work; store failures are
 * thrown as {@link BreakException} PERSISTENCE_UNAVAILABLE. Contract: {@code InvoicesContract}.
 */
public interface Invoices {

    /**
     * Stores a new invoice.
     *
     * @param invoice the invoice, version 1
     * @throws BreakException CONFLICT/ALREADY_EXISTS naming field {@code dealId} if the deal has an invoice
     *                        already (a unique constraint: one invoice per deal), {@code number} if the
     *                        number is taken, or {@code id}
     */
    void insert(Invoice invoice);

    /**
     * Replaces an invoice, optimistically.
     *
     * @param invoice the new state, whose version is the stored version + 1 and whose dealId is the stored one
     * @throws BreakException CONFLICT/VERSION_MISMATCH, NOT_FOUND, or CONFLICT/ALREADY_EXISTS (field {@code number})
     */
    void update(Invoice invoice);

    /**
     * Reads an invoice.
     *
     * @param id the id
     * @return the invoice, if any
     */
    Optional<Invoice> findById(String id);

    /**
     * Reads an invoice and locks it until the unit of work ends, so payments to one invoice are recorded
     * one after the other (on a database: {@code SELECT ... FOR UPDATE}): two units of work that each read
     * an invoice for update and then update it from what they read both succeed, one after the other;
     * neither gets VERSION_MISMATCH.
     *
     * @param id the id
     * @return the invoice, if any
     * @throws IllegalStateException outside a unit of work
     */
    Optional<Invoice> findByIdForUpdate(String id);

    /**
     * Reads a deal's invoice.
     *
     * @param dealId the deal
     * @return its invoice, if drafted
     */
    Optional<Invoice> findByDeal(String dealId);

    /**
     * Takes the next invoice number: 1, 2, 3, … with no gaps. Concurrent units of work get distinct
     * numbers; a rolled-back unit of work gives its number back. A new store's first number is 1.
     *
     * @return the number
     * @throws IllegalStateException outside a unit of work
     */
    long nextNumber();

    /**
     * One keyset page in ascending id order.
     *
     * @param query   the filter
     * @param afterId the last id of the previous page (it need not still exist or match), or empty
     * @param limit   1 or more; only the last page is shorter
     * @return the invoices
     */
    List<Invoice> list(Query query, Optional<String> afterId, int limit);

    /**
     * An invoice listing's filter; every present part must match.
     *
     * @param statuses     invoices in one of these statuses; empty means any
     * @param dealId       the deal's invoice
     * @param brandId      invoices to this brand
     * @param talentId     invoices for this talent's work
     * @param ownerAgentId invoices of deals this agent owns now: the store reads the deal's current owner from
     *                     the deals store at the time of the listing (on a database, a join or subquery on
     *                     the deals table), never a copy taken earlier; an invoice whose deal is not
     *                     stored never matches
     * @param dueBefore    invoices whose due date is before this day (with statuses ISSUED and PARTIALLY_PAID, the
     *                     overdue ones); invoices without a due date (drafts) never match
     */
    record Query(Set<InvoiceStatus> statuses, Optional<String> dealId, Optional<String> brandId,
                 Optional<String> talentId, Optional<String> ownerAgentId, Optional<LocalDate> dueBefore) {
        /**
         * Checks presence and copies.
         *
         * @param statuses invoices in one of these statuses; empty means any
         * @param dealId the deal's invoice
         * @param brandId invoices to this brand
         * @param talentId invoices for this talent's work
         * @param ownerAgentId invoices of deals this agent owns now: the store reads the deal's current owner from
         *        the deals store at the time of the listing (on a database, a join or subquery on
         *        the deals table), never a copy taken earlier; an invoice whose deal is not
         *        stored never matches
         * @param dueBefore invoices whose due date is before this day (with statuses ISSUED and PARTIALLY_PAID, the
         *        overdue ones); invoices without a due date (drafts) never match
         */
        public Query {
            statuses = Set.copyOf(Objects.requireNonNull(statuses, "statuses"));
            Objects.requireNonNull(dealId, "dealId");
            Objects.requireNonNull(brandId, "brandId");
            Objects.requireNonNull(talentId, "talentId");
            Objects.requireNonNull(ownerAgentId, "ownerAgentId");
            Objects.requireNonNull(dueBefore, "dueBefore");
        }

        /** Every invoice. */
        public static final Query ALL = new Query(Set.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /**
     * What is still owed on the invoices in some statuses, per currency: the sum of total minus paid over
     * every matching invoice, computed by the store (on a database, one aggregate query, however many
     * invoices there are). The default pages through {@link #list} and adds up in Java; a store that can
     * aggregate overrides it.
     *
     * @param statuses  the statuses to sum over; empty matches none
     * @param dueBefore only invoices due before this day (invoices without a due date never match), or all
     * @return minor units per ISO currency code; a currency of no matching invoice has no key
     */
    default Map<String, Long> outstandingByCurrency(Set<InvoiceStatus> statuses, Optional<LocalDate> dueBefore) {
        Map<String, Long> sums = new TreeMap<>();
        Query query = new Query(statuses, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                dueBefore);
        Optional<String> after = Optional.empty();
        for (List<Invoice> page; !statuses.isEmpty() && !(page = list(query, after, 500)).isEmpty();
             after = Optional.of(page.get(page.size() - 1).id())) {
            for (Invoice invoice : page) {
                sums.merge(invoice.total().currency().getCurrencyCode(), invoice.outstanding().minorUnits(), Long::sum);
            }
        }
        return sums;
    }
}
