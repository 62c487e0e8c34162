package com.breakagency.core.finance;

import com.breakagency.core.boundary.Access;
import com.breakagency.core.boundary.Ownership;
import com.breakagency.core.internal.Audit;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.spi.IdGenerator;
import com.breakagency.ports.spi.Persistence;
import java.time.Clock;
import java.time.LocalDate;

/**
 * What every finance job is wired with, and the few look-ups they share: who owns an invoice, the invoice
 * under its lock, "today". Immutable; thread-safe.
 *
 * @param stores   the persistence bundle
 * @param audit    writes audit events
 * @param ids      makes ids
 * @param clock    stamps records and decides "today"
 * @param settings the host's finance settings
 */
record FinanceParts(Persistence stores, Audit audit, IdGenerator ids, Clock clock, FinanceService.Settings settings) {

    /** The entity name of invoices in errors. */
    static final String INVOICE = "invoice";

    /**
     * Who owns an invoice now: whoever owns its deal at this moment (its owner agent, its talent, its
     * brand), read from the deal at every call, never from a copy taken when the invoice was drafted. An
     * invoice whose deal is gone belongs to its talent and brand only.
     */
    Ownership owners(Invoice invoice) {
        return Ownership.of(stores.deals(), invoice);
    }

    /** The invoice under its row lock, if the access permits it (FORBIDDEN or NOT_FOUND otherwise). */
    Invoice lock(Access access, String id) {
        return access.require(stores.invoices().findByIdForUpdate(id), this::owners, INVOICE, id);
    }

    /** Today, on Break's clock. */
    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), clock.getZone());
    }

    /** The audit subject of an invoice. */
    static EntityRef ref(Invoice invoice) {
        return EntityRef.of(EntityType.INVOICE, invoice.id());
    }
}
