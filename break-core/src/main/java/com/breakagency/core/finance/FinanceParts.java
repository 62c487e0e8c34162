package com.breakagency.core.finance;

import com.breakagency.core.boundary.Access;
import com.breakagency.core.boundary.Ownership;
import com.breakagency.core.internal.Audit;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.FieldError;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.finance.Beneficiary;
import com.breakagency.ports.model.finance.BeneficiaryKind;
import com.breakagency.ports.model.finance.IdempotencyRecord;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.spi.IdGenerator;
import com.breakagency.ports.spi.Persistence;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

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

    /**
     * Checks an invoice about to be stored against the workflow assertions: its move is a lifecycle transition,
     * its paid amount is its payments less their refunds, its status agrees with the amounts.
     *
     * @throws BreakException WORKFLOW_BREAK/INVARIANT_BROKEN, which rolls the unit of work back
     */
    void requireInvoiceInvariants(Invoice before, Invoice invoice) {
        Optional<String> problem = WorkflowAssertions.MOVE_IS_A_TRANSITION.test(
                new WorkflowAssertions.InvoiceMove(before, invoice))
                .or(() -> WorkflowAssertions.firstFailure(WorkflowAssertions.ON_INVOICE,
                        new WorkflowAssertions.InvoicePayments(invoice, stores.payments().byInvoice(invoice.id()),
                                stores.refunds().byInvoice(invoice.id()))));
        if (problem.isPresent()) {
            throw BreakException.builder(ErrorCode.WORKFLOW_BREAK).reason(Reason.INVARIANT_BROKEN)
                    .detail(problem.get()).metadata("invoiceId", invoice.id()).build();
        }
    }

    /**
     * The record of an earlier call with an idempotency key, if there was one with the same parameters.
     *
     * @throws BreakException CONFLICT/IDEMPOTENCY_KEY_REUSED when the key was used with other parameters
     */
    Optional<IdempotencyRecord> earlierCall(String scope, String key, String fingerprint) {
        Optional<IdempotencyRecord> first = stores.idempotencyKeys().find(scope, key);
        if (first.isPresent() && !first.get().fingerprint().equals(fingerprint)) {
            throw BreakException.builder(ErrorCode.CONFLICT).reason(Reason.IDEMPOTENCY_KEY_REUSED)
                    .detail("This idempotency key was used before for a different request.").build();
        }
        return first;
    }

    /** Remembers a call's key in its unit of work, naming what it produced. */
    void remember(String scope, String key, String fingerprint, String resultId) {
        java.time.Instant now = clock.instant();
        stores.idempotencyKeys().insert(new IdempotencyRecord(scope, key, fingerprint, resultId, now,
                now.plus(settings.idempotencyRetention())));
    }

    /** The workflow break of a record an idempotency record names but that is missing. */
    static BreakException missing(String what) {
        return BreakException.workflowBreak(Reason.INVARIANT_BROKEN, "an idempotency record names a missing " + what);
    }

    /**
     * The beneficiary a listing asks for: its kind and id together, or neither.
     *
     * @throws BreakException VALIDATION_FAILED at {@code #/beneficiaryId} when only one of them is given
     */
    static Optional<Beneficiary> requestedBeneficiary(BeneficiaryKind kind, String id) {
        if ((kind == null) != (id == null)) {
            throw BreakException.validation(List.of(new FieldError("#/beneficiaryId", "Beneficiary",
                    "give both the beneficiary's kind and id, or neither")));
        }
        return kind == null ? Optional.empty() : Optional.of(new Beneficiary(kind, id));
    }

    /** The audit subject of an invoice. */
    static EntityRef ref(Invoice invoice) {
        return EntityRef.of(EntityType.INVOICE, invoice.id());
    }
}
