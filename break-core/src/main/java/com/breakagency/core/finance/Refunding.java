package com.breakagency.core.finance;

import com.breakagency.core.boundary.Boundary;
import com.breakagency.core.boundary.Call;
import com.breakagency.core.boundary.Ownership;
import com.breakagency.core.crm.DealPipeline;
import com.breakagency.core.crm.DealStages;
import com.breakagency.ports.api.finance.CreditNoteResult;
import com.breakagency.ports.api.finance.IssueCreditNote;
import com.breakagency.ports.api.finance.RefundPayment;
import com.breakagency.ports.api.finance.RefundResult;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.FieldError;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.crm.DealStage;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.CommissionReversal;
import com.breakagency.ports.model.finance.CreditNote;
import com.breakagency.ports.model.finance.IdempotencyRecord;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.InvoiceStatus;
import com.breakagency.ports.model.finance.Payment;
import com.breakagency.ports.model.finance.Refund;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refunds and credit notes, the job. A refund, in one unit of work: the request's fingerprint and replay (as a
 * payment's), the invoice's row lock, the {@link RefundDecision}, the refund, its {@link CommissionReversals},
 * the invoice's paid amount and status, the deal's move back from PAYMENT_RECEIVED, the audit events
 * (PAYMENT_REFUNDED, COMMISSION_REVERSED) and the idempotency record, checked by the assertions before commit.
 * A credit note does the same around the {@link CreditNoteDecision}: its number from its own gap-free
 * sequence, and the refund it needs, in the same unit of work. Thread-safe.
 */
final class Refunding {

    /** The scope of refund idempotency keys. */
    static final String REFUND_KEY_SCOPE = "finance.refund";
    /** The scope of credit-note idempotency keys. */
    static final String CREDIT_NOTE_KEY_SCOPE = "finance.creditNote";

    private final Boundary boundary;
    private final FinanceParts parts;
    private final DealStages stages;

    Refunding(Boundary boundary, FinanceParts parts, DealStages stages) {
        this.boundary = boundary;
        this.parts = parts;
        this.stages = stages;
    }

    RefundResult refundPayment(OperationContext context, RefundPayment command) {
        return boundary.call(context, FinanceOperations.REFUND_PAYMENT, command, (call, c) -> {
            String fingerprint = PaymentIntake.fingerprint("refundPayment", c.paymentId(),
                    Long.toString(c.amount().minorUnits()), c.amount().currency().getCurrencyCode(),
                    c.refundedOn().toString(), c.externalReference(), c.reason());
            Optional<RefundResult> replay = replayRefund(c.idempotencyKey(), fingerprint);
            if (replay.isPresent()) {
                return replay.get();
            }
            Payment payment = call.access().require(parts.stores().payments().findById(c.paymentId()),
                    p -> Ownership.NOBODY, "payment", c.paymentId());
            Invoice invoice = parts.lock(call.access(), payment.invoiceId());
            replay = replayRefund(c.idempotencyKey(), fingerprint);
            if (replay.isPresent()) {
                return replay.get();
            }
            RefundDecision.Outcome decided = RefundDecision.decide(invoice, payment,
                    parts.stores().refunds().byPayment(payment.id()), c.amount());
            if (decided instanceof RefundDecision.Refused refused) {
                throw refused.toException();
            }
            RefundDecision.Accepted accepted = (RefundDecision.Accepted) decided;
            Refunded refunded = refund(call, invoice, payment, accepted.amount(), accepted.keptOfPayment(),
                    c.refundedOn(), c.externalReference(), c.reason());
            Invoice updated = invoice.withPaid(accepted.paid()).withStatus(accepted.transition().to())
                    .next(parts.clock().instant());
            parts.stores().invoices().update(updated);
            parts.requireInvoiceInvariants(invoice, updated);
            parts.audit().record(call, AuditAction.INVOICE_STATUS_UPDATED, FinanceParts.ref(updated),
                    Map.of("status", updated.status().name(), "paid", updated.paid().toString()));
            followDeal(call, invoice, updated);
            parts.remember(REFUND_KEY_SCOPE, c.idempotencyKey(), fingerprint, refunded.refund().id());
            return new RefundResult(refunded.refund(), updated, refunded.reversals(), false);
        });
    }

    CreditNoteResult issueCreditNote(OperationContext context, IssueCreditNote command) {
        return boundary.call(context, FinanceOperations.ISSUE_CREDIT_NOTE, command, (call, c) -> {
            boolean withRefund = c.refundPaymentId() != null;
            if (withRefund && (c.refundReference() == null || c.refundedOn() == null)) {
                throw BreakException.validation(List.of(new FieldError(c.refundReference() == null ? "#/refundReference"
                        : "#/refundedOn", "RefundDetails", "must be given with the refund's payment")));
            }
            String fingerprint = PaymentIntake.fingerprint("issueCreditNote", c.invoiceId(),
                    Long.toString(c.amount().minorUnits()), c.amount().currency().getCurrencyCode(), c.reason(),
                    String.valueOf(c.refundPaymentId()), String.valueOf(c.refundReference()), String.valueOf(c.refundedOn()));
            Optional<CreditNoteResult> replay = replayCreditNote(c.idempotencyKey(), fingerprint);
            if (replay.isPresent()) {
                return replay.get();
            }
            Invoice invoice = parts.lock(call.access(), c.invoiceId());
            replay = replayCreditNote(c.idempotencyKey(), fingerprint);
            if (replay.isPresent()) {
                return replay.get();
            }
            CreditNoteDecision.Outcome decided = CreditNoteDecision.decide(invoice, c.amount(), withRefund);
            if (decided instanceof CreditNoteDecision.Refused refused) {
                throw refused.toException();
            }
            CreditNoteDecision.Accepted accepted = (CreditNoteDecision.Accepted) decided;
            accepted.move().ifPresent(move -> InvoiceLifecycle.require(move, invoice.status()));
            Optional<Refunded> refunded = Optional.empty();
            if (accepted.refund().isPresent()) {
                refunded = Optional.of(refundFor(call, invoice, c, accepted.refund().get()));
            }
            long number = parts.stores().creditNotes().nextNumber();
            CreditNote note = new CreditNote(parts.ids().nextId(), invoice.id(), invoice.brandId(), number, accepted.amount(),
                    c.reason(), refunded.map(r -> r.refund().id()), call.context().actor().userId(), parts.clock().instant());
            parts.stores().creditNotes().insert(note);
            Map<String, String> changes = new LinkedHashMap<>();
            changes.put("number", Long.toString(number));
            changes.put("amount", note.amount().toString());
            changes.put("creditNoteId", note.id());
            parts.audit().record(call, AuditAction.CREDIT_NOTE_ISSUED, FinanceParts.ref(invoice), changes);
            Money paid = invoice.paid().minus(accepted.refund().orElse(Money.zero(invoice.total().currency())));
            Invoice updated = invoice.withCredited(accepted.credited()).withPaid(paid).withStatus(accepted.status())
                    .next(parts.clock().instant());
            parts.stores().invoices().update(updated);
            parts.requireInvoiceInvariants(invoice, updated);
            followDeal(call, invoice, updated);
            parts.remember(CREDIT_NOTE_KEY_SCOPE, c.idempotencyKey(), fingerprint, note.id());
            Optional<RefundResult> refund = refunded.map(r -> new RefundResult(r.refund(), updated, r.reversals(), false));
            return new CreditNoteResult(note, updated, refund, false);
        });
    }

    private Refunded refundFor(Call call, Invoice invoice, IssueCreditNote c, Money amount) {
        Payment payment = parts.stores().payments().findById(c.refundPaymentId())
                .filter(p -> p.invoiceId().equals(invoice.id()))
                .orElseThrow(() -> BreakException.validation(List.of(new FieldError("#/refundPaymentId", "InvoicePayment",
                        "must be a payment of the invoice"))));
        RefundDecision.Outcome decided = RefundDecision.decide(invoice, payment,
                parts.stores().refunds().byPayment(payment.id()), amount);
        if (decided instanceof RefundDecision.Refused refused) {
            throw refused.toException();
        }
        RefundDecision.Accepted accepted = (RefundDecision.Accepted) decided;
        return refund(call, invoice, payment, amount, accepted.keptOfPayment(), c.refundedOn(), c.refundReference(),
                "with a credit note: " + c.reason());
    }

    /** A refund and its reversals, stored and audited. */
    private record Refunded(Refund refund, List<CommissionReversal> reversals) {
    }

    private Refunded refund(Call call, Invoice invoice, Payment payment, Money amount, Money kept, LocalDate refundedOn,
                            String reference, String reason) {
        List<CommissionLine> lines = parts.stores().commissions().byPayment(payment.id());
        if (lines.isEmpty()) {
            throw BreakException.builder(ErrorCode.CONFLICT).reason(Reason.INVALID_STATE_TRANSITION)
                    .detail("The payment's commissions are still pending; refund it once they are allocated.")
                    .metadata("paymentId", payment.id()).build();
        }
        Refund refund = new Refund(parts.ids().nextId(), payment.id(), invoice.id(), amount, refundedOn, reference,
                reason, call.context().actor().userId(), parts.clock().instant());
        parts.stores().refunds().insert(refund);
        parts.audit().record(call, AuditAction.PAYMENT_REFUNDED, EntityRef.of(EntityType.PAYMENT, payment.id()),
                Map.of("refundId", refund.id(), "invoiceId", invoice.id(), "amount", amount.toString()));
        List<CommissionReversal> earlier = parts.stores().refunds().reversalsByPayment(payment.id());
        List<String> lineIds = new ArrayList<>();
        lines.forEach(l -> lineIds.add(l.id()));
        List<CommissionReversal> reversals = CommissionReversals.of(refund, lines, earlier, kept.minorUnits(),
                parts.stores().payouts().inLivePayouts(lineIds), parts.ids(), parts.clock().instant());
        parts.stores().refunds().insertReversals(reversals);
        for (CommissionReversal r : reversals) {
            Map<String, String> changes = new LinkedHashMap<>();
            changes.put("refundId", refund.id());
            changes.put("lineId", r.reversesLineId());
            changes.put("beneficiary", r.beneficiary().kind() + ":" + r.beneficiary().id());
            changes.put("amount", r.amount().toString());
            changes.put("kind", r.kind().name());
            parts.audit().record(call, AuditAction.COMMISSION_REVERSED, FinanceParts.ref(invoice), changes);
        }
        MoneyOutAssertions.require(MoneyOutAssertions.ON_REFUND, new MoneyOutAssertions.PaymentNet(payment,
                parts.stores().refunds().byPayment(payment.id()), lines,
                parts.stores().refunds().reversalsByPayment(payment.id())));
        return new Refunded(refund, reversals);
    }

    /** The deal follows its invoice: back from PAYMENT_RECEIVED when no longer paid in full, on to it when it is. */
    private void followDeal(Call call, Invoice before, Invoice after) {
        boolean wasPaid = before.status() == InvoiceStatus.PAID;
        boolean isPaid = after.status() == InvoiceStatus.PAID;
        if (wasPaid == isPaid) {
            return;
        }
        DealPipeline.Move move = isPaid ? DealPipeline.PAID_IN_FULL : DealPipeline.NO_LONGER_PAID_IN_FULL;
        DealStage to = isPaid ? DealStage.PAYMENT_RECEIVED : DealStage.PAYMENT_PENDING;
        parts.stores().deals().findById(after.dealId()).filter(deal -> move.allows().test(deal.stage(), to))
                .ifPresent(deal -> stages.move(call, deal, to));
    }

    private Optional<RefundResult> replayRefund(String key, String fingerprint) {
        Optional<IdempotencyRecord> first = parts.earlierCall(REFUND_KEY_SCOPE, key, fingerprint);
        return first.map(r -> refundResult(r.resultId()));
    }

    private RefundResult refundResult(String refundId) {
        Refund refund = parts.stores().refunds().findById(refundId).orElseThrow(() -> FinanceParts.missing("refund"));
        Invoice invoice = parts.stores().invoices().findById(refund.invoiceId())
                .orElseThrow(() -> FinanceParts.missing("invoice"));
        List<CommissionReversal> reversals = parts.stores().refunds().reversalsByPayment(refund.paymentId()).stream()
                .filter(r -> r.refundId().equals(refund.id())).toList();
        return new RefundResult(refund, invoice, reversals, true);
    }

    private Optional<CreditNoteResult> replayCreditNote(String key, String fingerprint) {
        Optional<IdempotencyRecord> first = parts.earlierCall(CREDIT_NOTE_KEY_SCOPE, key, fingerprint);
        return first.map(r -> {
            CreditNote note = parts.stores().creditNotes().findById(r.resultId())
                    .orElseThrow(() -> FinanceParts.missing("credit note"));
            Invoice invoice = parts.stores().invoices().findById(note.invoiceId())
                    .orElseThrow(() -> FinanceParts.missing("invoice"));
            return new CreditNoteResult(note, invoice, note.refundId().map(this::refundResult), true);
        });
    }
}
