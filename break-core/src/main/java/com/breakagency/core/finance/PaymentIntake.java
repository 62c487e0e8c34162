package com.breakagency.core.finance;

import com.breakagency.core.PendingCommissionsPolicy;
import com.breakagency.core.boundary.Boundary;
import com.breakagency.core.boundary.Call;
import com.breakagency.core.crm.DealPipeline;
import com.breakagency.core.crm.DealStages;
import com.breakagency.ports.api.finance.MarkInvoicePaid;
import com.breakagency.ports.api.finance.PaymentResult;
import com.breakagency.ports.api.finance.RecordPayment;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.DealStage;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.CommissionState;
import com.breakagency.ports.model.finance.IdempotencyRecord;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.InvoiceStatus;
import com.breakagency.ports.model.finance.Payment;
import com.breakagency.ports.model.finance.PaymentSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Payment intake: the one way money arrives (recordPayment, markInvoicePaid). Per call, in one unit of
 * work: the request's fingerprint, the invoice's row lock, a replay of an earlier call with the same key
 * (read once, under the lock: a call with the key that committed while this one waited is seen), the
 * {@link PaymentDecision}, then every read the split needs (the deal once, for its plan and its move), and
 * only then the writes: the payment, its commissions ({@link CommissionAllocator}) or the
 * pending-commissions repair, the invoice, the deal's move to PAYMENT_RECEIVED, the audit events and the
 * idempotency record. Reads before writes let a store send the writes of the unit of work together. The
 * invoice's invariants are checked from the rows in hand: the locked invoice satisfied them when the unit
 * that wrote it committed, so the new paid amount must be the old one plus this payment. Thread-safe.
 */
final class PaymentIntake {

    private final Boundary boundary;
    private final FinanceParts parts;
    private final DealStages stages;
    private final CommissionAllocator allocator;
    private final CommissionRepair repair;

    PaymentIntake(Boundary boundary, FinanceParts parts, DealStages stages, CommissionAllocator allocator,
                  CommissionRepair repair) {
        this.boundary = boundary;
        this.parts = parts;
        this.stages = stages;
        this.allocator = allocator;
        this.repair = repair;
    }

    PaymentResult recordPayment(OperationContext context, RecordPayment command) {
        return boundary.call(context, FinanceOperations.RECORD_PAYMENT, command, (call, c) -> {
            String fingerprint = fingerprint("recordPayment", c.invoiceId(), Long.toString(c.amount().minorUnits()),
                    c.amount().currency().getCurrencyCode(), c.receivedOn().toString(), c.externalReference(), c.source().name());
            return pay(call, c.idempotencyKey(), fingerprint, c.invoiceId(),
                    invoice -> PaymentDecision.decide(invoice, c.amount().minorUnits(), c.amount().currency().getCurrencyCode()),
                    c.receivedOn(), c.externalReference(), c.source());
        });
    }

    PaymentResult markInvoicePaid(OperationContext context, MarkInvoicePaid command) {
        return boundary.call(context, FinanceOperations.MARK_INVOICE_PAID, command, (call, c) -> {
            String fingerprint = fingerprint("markInvoicePaid", c.invoiceId(), c.receivedOn().toString(),
                    c.externalReference(), c.source().name());
            return pay(call, c.idempotencyKey(), fingerprint, c.invoiceId(), PaymentDecision::decideInFull,
                    c.receivedOn(), c.externalReference(), c.source());
        });
    }

    private PaymentResult pay(Call call, String key, String fingerprint, String invoiceId,
                              Function<Invoice, PaymentDecision.Outcome> decision, LocalDate receivedOn,
                              String externalReference, PaymentSource source) {
        Invoice invoice = parts.lock(call.access(), invoiceId);
        // under the lock: another call with this key may have committed while this one waited for it
        Optional<PaymentResult> replay = replay(key, fingerprint);
        if (replay.isPresent()) {
            return replay.get();
        }
        PaymentDecision.Outcome decided = decision.apply(invoice);
        if (decided instanceof PaymentDecision.Refused refused) {
            throw refused.toException();
        }
        PaymentDecision.Accepted accepted = (PaymentDecision.Accepted) decided;
        Instant now = parts.clock().instant();
        Payment payment = new Payment(parts.ids().nextId(), invoice.id(), accepted.amount(), receivedOn,
                externalReference, source, call.context().actor().userId(), now);
        // every read first (the deal once: its plan, then its move), then the writes
        Optional<Deal> deal = parts.stores().deals().findById(invoice.dealId());
        CommissionAllocation.Outcome allocated = invoice.commissions() == CommissionState.PENDING
                ? new CommissionAllocation.Blocked("earlier payments are still unallocated")
                : allocator.compute(invoice, deal, payment, !invoice.paid().isZero());
        parts.stores().payments().insert(payment);
        parts.audit().record(call, AuditAction.PAYMENT_RECORDED, EntityRef.of(EntityType.PAYMENT, payment.id()),
                Map.of("invoiceId", invoice.id(), "amount", accepted.amount().toString(), "source", source.name()));
        allocator.store(call.context(), invoice, payment, allocated);

        List<CommissionLine> lines = List.of();
        CommissionState commissions;
        if (allocated instanceof CommissionAllocation.Lines made) {
            lines = made.lines();
            commissions = CommissionState.ALLOCATED;
        } else {
            commissions = CommissionState.PENDING;
            pending(call, invoice, ((CommissionAllocation.Blocked) allocated).problem());
        }
        Invoice updated = invoice.withPaid(accepted.paid()).withStatus(accepted.status()).withCommissions(commissions)
                .next(parts.clock().instant());
        parts.stores().invoices().update(updated);
        requireInvoiceInvariants(invoice, updated, payment);
        if (accepted.status() == InvoiceStatus.PAID) {
            parts.audit().record(call, AuditAction.INVOICE_MARKED_PAID, FinanceParts.ref(updated),
                    Map.of("paid", accepted.paid().toString()));
            moveDealToPaymentReceived(call, deal);
        } else {
            parts.audit().record(call, AuditAction.INVOICE_STATUS_UPDATED, FinanceParts.ref(updated),
                    Map.of("status", accepted.status().name(), "paid", accepted.paid().toString()));
        }
        parts.stores().idempotencyKeys().insert(new IdempotencyRecord(FinanceService.PAYMENT_KEY_SCOPE, key,
                fingerprint, payment.id(), now, now.plus(parts.settings().idempotencyRetention())));
        return new PaymentResult(payment, updated, lines, commissions, false);
    }

    private Optional<PaymentResult> replay(String key, String fingerprint) {
        Optional<IdempotencyRecord> first = parts.stores().idempotencyKeys().find(FinanceService.PAYMENT_KEY_SCOPE, key);
        if (first.isEmpty()) {
            return Optional.empty();
        }
        if (!first.get().fingerprint().equals(fingerprint)) {
            throw BreakException.builder(ErrorCode.CONFLICT).reason(Reason.IDEMPOTENCY_KEY_REUSED)
                    .detail("This idempotency key was used before for a different request.").build();
        }
        Payment payment = parts.stores().payments().findById(first.get().resultId()).orElseThrow(() ->
                BreakException.workflowBreak(Reason.INVARIANT_BROKEN, "an idempotency record names a missing payment"));
        Invoice invoice = parts.stores().invoices().findById(payment.invoiceId()).orElseThrow(() ->
                BreakException.workflowBreak(Reason.INVARIANT_BROKEN, "a payment names a missing invoice"));
        List<CommissionLine> lines = parts.stores().commissions().byPayment(payment.id());
        return Optional.of(new PaymentResult(payment, invoice, lines,
                lines.isEmpty() ? CommissionState.PENDING : CommissionState.ALLOCATED, true));
    }

    /** Commissions that cannot be computed: refuse the payment, or queue the repair and report after commit. */
    private void pending(Call call, Invoice invoice, String problem) {
        BreakException workflowBreak = BreakException.builder(ErrorCode.WORKFLOW_BREAK).reason(Reason.COMMISSIONS_PENDING)
                .detail("Commissions for the invoice could not be computed: " + problem + ".")
                .metadata("invoiceId", invoice.id()).metadata("dealId", invoice.dealId()).build();
        if (parts.settings().pendingCommissions() == PendingCommissionsPolicy.REJECT_PAYMENT) {
            throw workflowBreak;
        }
        repair.queue(invoice.id());
        parts.audit().record(call, AuditAction.COMMISSIONS_PENDING, FinanceParts.ref(invoice), Map.of("problem", problem));
        call.reportAfterCommit(workflowBreak);
    }

    private void moveDealToPaymentReceived(Call call, Optional<Deal> deal) {
        deal.filter(d -> DealPipeline.PAID_IN_FULL.allows().test(d.stage(), DealStage.PAYMENT_RECEIVED))
                .ifPresent(d -> stages.move(call, d, DealStage.PAYMENT_RECEIVED));
    }

    private void requireInvoiceInvariants(Invoice before, Invoice invoice, Payment payment) {
        Optional<String> problem = WorkflowAssertions.MOVE_IS_A_TRANSITION.test(
                new WorkflowAssertions.InvoiceMove(before, invoice))
                .or(() -> WorkflowAssertions.firstFailure(WorkflowAssertions.ON_PAYMENT,
                        new WorkflowAssertions.PaymentMove(before, invoice, payment)));
        if (problem.isPresent()) {
            throw BreakException.builder(ErrorCode.WORKFLOW_BREAK).reason(Reason.INVARIANT_BROKEN)
                    .detail(problem.get()).metadata("invoiceId", invoice.id()).build();
        }
    }

    /** The request's fingerprint: SHA-256 over its parts, each ended by a zero byte. */
    static String fingerprint(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("every Java platform has SHA-256", missing);
        }
    }
}
