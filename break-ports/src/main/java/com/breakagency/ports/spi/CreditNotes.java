package com.breakagency.ports.spi;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.finance.CreditNote;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The credit notes store: append-only. Every method takes part in the calling thread's unit of work; store
 * failures are thrown as {@link BreakException} PERSISTENCE_UNAVAILABLE. Contract: {@code CreditNotesContract}.
 */
public interface CreditNotes {

    /**
     * Stores a credit note.
     *
     * @param note the credit note
     * @throws BreakException CONFLICT/ALREADY_EXISTS naming field {@code number} if the number is taken (a unique
     *                        constraint), or field {@code id}
     */
    void insert(CreditNote note);

    /**
     * Reads a credit note.
     *
     * @param id the id
     * @return the note, if any
     */
    Optional<CreditNote> findById(String id);

    /**
     * An invoice's credit notes, in ascending id order.
     *
     * @param invoiceId the invoice
     * @return the notes
     */
    List<CreditNote> byInvoice(String invoiceId);

    /**
     * Takes the next credit-note number: 1, 2, 3, … with no gaps, in a sequence of its own (not the invoices').
     * Concurrent units of work get distinct numbers; a rolled-back unit of work gives its number back.
     *
     * @return the number
     * @throws IllegalStateException outside a unit of work
     */
    long nextNumber();

    /**
     * One keyset page in ascending id order.
     *
     * @param query   the filter
     * @param afterId the last id of the previous page, or empty
     * @param limit   1 or more; only the last page is shorter
     * @return the notes
     */
    List<CreditNote> list(Query query, Optional<String> afterId, int limit);

    /**
     * A credit-note listing's filter; every present part must match.
     *
     * @param brandId   notes to this brand
     * @param invoiceId notes on this invoice
     * @param from      notes issued at or after this instant
     * @param to        notes issued before this instant
     */
    record Query(Optional<String> brandId, Optional<String> invoiceId, Optional<Instant> from, Optional<Instant> to) {
        /**
         * Checks presence.
         *
         * @param brandId notes to this brand
         * @param invoiceId notes on this invoice
         * @param from notes issued at or after this instant
         * @param to notes issued before this instant
         */
        public Query {
            Objects.requireNonNull(brandId, "brandId");
            Objects.requireNonNull(invoiceId, "invoiceId");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        /** Every note. */
        public static final Query ALL = new Query(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
