package com.breakagency.core.audit;

import com.breakagency.core.boundary.Access;
import com.breakagency.core.boundary.Ownership;
import com.breakagency.core.boundary.Boundary;
import com.breakagency.core.internal.Cursors;
import com.breakagency.core.internal.Pages;
import com.breakagency.ports.api.AuditTrail;
import com.breakagency.ports.api.audit.AuditQuery;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.Page;
import com.breakagency.ports.model.audit.AuditEvent;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.spi.Persistence;
import java.util.Objects;
import java.util.Optional;

/**
 * The audit trail behind {@link AuditTrail}. The operation, and so the policy-table row, follows the kind
 * of record; a restricted reader (an agent or portal user with "own records" rights) must own the record,
 * checked on the record itself as its read checks it. Thread-safe.
 */
public final class AuditTrailService implements AuditTrail {

    private final Boundary boundary;
    private final Persistence stores;

    /**
     * Wires the trail.
     *
     * @param boundary the boundary every call passes
     * @param stores   the persistence bundle
     */
    public AuditTrailService(Boundary boundary, Persistence stores) {
        this.boundary = Objects.requireNonNull(boundary);
        this.stores = Objects.requireNonNull(stores);
    }

    @Override
    public Page<AuditEvent> forEntity(OperationContext context, AuditQuery query) {
        EntityRef entity = query == null ? null : query.entity();
        return boundary.call(context, AuditOperations.forType(entity == null ? null : entity.type()), query,
                (call, q) -> {
                    Optional<String> after = Cursors.decode(q.cursor());
                    requireReadable(call.access(), q.entity(), call.context().operationName());
                    return Pages.of(stores.auditLog().byEntity(q.entity(), after, q.limit() + 1), q.limit(),
                            AuditEvent::id);
                });
    }

    /** The record's own read: present, and owned when the reader is restricted. */
    private void requireReadable(Access access, EntityRef entity, String operation) {
        String id = entity.id();
        switch (entity.type()) {
            case BRAND -> access.require(stores.brands().findById(id), Ownership::of, "brand", id);
            case CONTACT -> access.require(stores.contacts().findById(id), Ownership::of, "contact", id);
            case TALENT -> access.require(stores.talents().findById(id), Ownership::of, "talent", id);
            case DEAL -> access.require(stores.deals().findById(id), Ownership::of, "deal", id);
            case INVOICE -> access.require(stores.invoices().findById(id), this::invoiceOwners, "invoice", id);
            case PAYMENT -> {
                Optional<Invoice> invoice = stores.payments().findById(id)
                        .flatMap(payment -> stores.invoices().findById(payment.invoiceId()));
                if (invoice.isEmpty() && access.unrestricted()) {
                    throw BreakException.notFound("payment", id);
                }
                access.require(invoice, this::invoiceOwners, "payment", id);
            }
            default -> {
                // plans, steps and janitor runs have no owners: only unrestricted roles read their trails
                if (!access.unrestricted()) {
                    throw BreakException.forbidden(operation);
                }
            }
        }
    }

    private Ownership invoiceOwners(Invoice invoice) {
        return Ownership.of(stores.deals(), invoice);
    }
}
