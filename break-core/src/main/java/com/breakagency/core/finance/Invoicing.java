package com.breakagency.core.finance;

import com.breakagency.core.boundary.Boundary;
import com.breakagency.core.boundary.Call;
import com.breakagency.core.finance.InvoiceLifecycle.Transition;
import com.breakagency.ports.api.finance.DraftInvoice;
import com.breakagency.ports.api.finance.IssueInvoice;
import com.breakagency.ports.api.finance.VoidInvoice;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.DealStage;
import com.breakagency.ports.model.finance.CommissionState;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.InvoiceLine;
import com.breakagency.ports.model.finance.InvoiceStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Invoicing: drafting (by hand, or when a deal enters PAYMENT_PENDING), issuing and voiding, each move
 * checked against the {@link InvoiceLifecycle} and audited in the same unit of work. Thread-safe.
 */
final class Invoicing {

    private final Boundary boundary;
    private final FinanceParts parts;

    Invoicing(Boundary boundary, FinanceParts parts) {
        this.boundary = boundary;
        this.parts = parts;
    }

    /** Drafts the deal's invoice when it enters PAYMENT_PENDING, once per deal. */
    void stageChanged(Call call, Deal after) {
        if (after.stage() == DealStage.PAYMENT_PENDING && parts.stores().invoices().findByDeal(after.id()).isEmpty()) {
            draft(call, after);
        }
    }

    Invoice draftInvoice(OperationContext context, DraftInvoice command) {
        return boundary.call(context, FinanceOperations.DRAFT_INVOICE, command, (call, c) -> {
            Deal deal = parts.stores().deals().findById(c.dealId())
                    .orElseThrow(() -> BreakException.notFound("deal", c.dealId()));
            if (parts.stores().invoices().findByDeal(deal.id()).isPresent()) {
                throw BreakException.alreadyExists(FinanceParts.INVOICE, "dealId");
            }
            return draft(call, deal);
        });
    }

    private Invoice draft(Call call, Deal deal) {
        Instant now = parts.clock().instant();
        Invoice invoice = new Invoice(parts.ids().nextId(), deal.id(), deal.brandId(), deal.talentId(),
                Optional.empty(), List.of(new InvoiceLine(deal.title(), deal.value())), deal.value(),
                Money.zero(deal.value().currency()), Optional.empty(), InvoiceStatus.DRAFT, CommissionState.NONE, 1,
                now, now);
        parts.stores().invoices().insert(invoice);
        parts.audit().record(call, AuditAction.INVOICE_CREATED, FinanceParts.ref(invoice),
                Map.of("dealId", deal.id(), "total", invoice.total().toString()));
        return invoice;
    }

    Invoice issueInvoice(OperationContext context, IssueInvoice command) {
        return boundary.call(context, FinanceOperations.ISSUE_INVOICE, command, (call, c) -> {
            Invoice stored = lockAtVersion(call, c.invoiceId(), c.expectedVersion());
            InvoiceLifecycle.require(Transition.ISSUE, stored.status());
            if (stored.total().isZero()) {
                throw BreakException.builder(ErrorCode.CONFLICT).reason(Reason.NOTHING_TO_INVOICE)
                        .detail("An invoice of zero cannot be issued.").metadata("invoiceId", stored.id()).build();
            }
            long number = parts.stores().invoices().nextNumber();
            LocalDate due = c.dueDate() != null ? c.dueDate() : parts.today().plus(parts.settings().paymentTerms());
            Invoice issued = stored.withNumber(Optional.of(number)).withDueDate(Optional.of(due))
                    .withStatus(Transition.ISSUE.to()).next(parts.clock().instant());
            parts.stores().invoices().update(issued);
            parts.audit().record(call, AuditAction.INVOICE_ISSUED, FinanceParts.ref(issued),
                    Map.of("number", Long.toString(number), "dueDate", due.toString()));
            return issued;
        });
    }

    Invoice voidInvoice(OperationContext context, VoidInvoice command) {
        return boundary.call(context, FinanceOperations.VOID_INVOICE, command, (call, c) -> {
            Invoice stored = lockAtVersion(call, c.invoiceId(), c.expectedVersion());
            // VOID starts only where nothing is paid; the amount is checked too, should a status ever disagree
            if (!stored.paid().isZero()) {
                throw InvoiceLifecycle.refused(stored.status(), Transition.VOID.to());
            }
            InvoiceLifecycle.require(Transition.VOID, stored.status());
            Invoice voided = stored.withStatus(Transition.VOID.to()).next(parts.clock().instant());
            parts.stores().invoices().update(voided);
            parts.audit().record(call, AuditAction.INVOICE_VOIDED, FinanceParts.ref(voided), Map.of("status", "VOID"));
            return voided;
        });
    }

    private Invoice lockAtVersion(Call call, String id, long expectedVersion) {
        Invoice stored = parts.lock(call.access(), id);
        if (stored.version() != expectedVersion) {
            throw BreakException.versionMismatch(FinanceParts.INVOICE, id);
        }
        return stored;
    }
}
