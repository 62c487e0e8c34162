package com.breakagency.core.finance;

import com.breakagency.core.boundary.Boundary;
import com.breakagency.core.recovery.StepOutcome;
import com.breakagency.ports.api.finance.EnsureCommissions;
import com.breakagency.ports.api.finance.EnsureCommissionsResult;
import com.breakagency.ports.api.recovery.JanitorFinding;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.CommissionState;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.Payment;
import com.breakagency.ports.model.work.StepStatus;
import com.breakagency.ports.model.work.WorkStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commission repair: completing the commissions of an invoice whose payments could not be allocated when
 * they arrived. Three ways in, one completion: the {@code Recovery.ensureCommissions} use case, the
 * {@value FinanceService#ENSURE_COMMISSIONS_STEP} step handler (queued by payment intake in the payment's
 * unit of work), and the janitor's sweep for payments without lines that no step covers. Each runs in one
 * unit of work that holds the invoice's row lock. Thread-safe.
 */
final class CommissionRepair {

    private static final Logger LOG = LoggerFactory.getLogger("com.breakagency.recovery");

    private final Boundary boundary;
    private final FinanceParts parts;
    private final CommissionAllocator allocator;

    CommissionRepair(Boundary boundary, FinanceParts parts, CommissionAllocator allocator) {
        this.boundary = boundary;
        this.parts = parts;
        this.allocator = allocator;
    }

    /** Queues the step that completes an invoice's commissions, in the running unit of work. */
    void queue(String invoiceId) {
        parts.stores().workQueue().enqueue(step(invoiceId, parts.clock().instant()));
    }

    private WorkStep step(String invoiceId, Instant now) {
        return new WorkStep(parts.ids().nextId(), FinanceService.ENSURE_COMMISSIONS_STEP,
                FinanceService.ensureCommissionsKey(invoiceId), Map.of("invoiceId", invoiceId), StepStatus.PENDING, 0,
                now, Optional.empty(), Optional.empty(), Optional.empty(), now, now, 1);
    }

    // ---- the use case ----

    EnsureCommissionsResult ensureCommissions(OperationContext context, EnsureCommissions command) {
        return boundary.call(context, FinanceOperations.ENSURE_COMMISSIONS, command, (call, c) -> {
            Invoice invoice = parts.lock(call.access(), c.invoiceId());
            Completion completion = allocateUnallocated(call.context(), invoice);
            if (completion.problem().isPresent()) {
                throw BreakException.builder(ErrorCode.WORKFLOW_BREAK).reason(Reason.COMMISSIONS_PENDING)
                        .detail("Commissions for the invoice still cannot be computed: " + completion.problem().get() + ".")
                        .metadata("invoiceId", invoice.id()).build();
            }
            return new EnsureCommissionsResult(completion.invoice(), completion.created());
        });
    }

    /**
     * What completing an invoice's commissions came to.
     *
     * @param invoice the invoice afterwards (ALLOCATED unless there is a problem)
     * @param created the lines created
     * @param problem why the commissions still cannot be computed; when present, the caller must roll back
     */
    private record Completion(Invoice invoice, List<CommissionLine> created, Optional<String> problem) {
    }

    /** Allocates the unallocated payments of an invoice the unit of work has locked, and marks it ALLOCATED. */
    private Completion allocateUnallocated(OperationContext context, Invoice invoice) {
        List<CommissionLine> created = new ArrayList<>();
        for (Payment payment : parts.stores().payments().byInvoice(invoice.id())) {
            if (!parts.stores().commissions().byPayment(payment.id()).isEmpty()) {
                continue;
            }
            CommissionAllocation.Outcome allocated = allocator.allocate(context, invoice, payment);
            if (allocated instanceof CommissionAllocation.Blocked blocked) {
                return new Completion(invoice, List.of(), Optional.of(blocked.problem()));
            }
            created.addAll(((CommissionAllocation.Lines) allocated).lines());
        }
        Invoice current = invoice;
        if (invoice.commissions() == CommissionState.PENDING) {
            current = invoice.withCommissions(CommissionState.ALLOCATED).next(parts.clock().instant());
            parts.stores().invoices().update(current);
        }
        return new Completion(current, created, Optional.empty());
    }

    // ---- the step ----

    StepOutcome runStep(OperationContext context, WorkStep step) {
        String invoiceId = step.payload().get("invoiceId");
        if (invoiceId == null) {
            return new StepOutcome.GiveUp("the step names no invoice");
        }
        try {
            Completion done = parts.stores().transactions().inTransaction(() -> {
                Invoice invoice = parts.stores().invoices().findByIdForUpdate(invoiceId)
                        .orElseThrow(() -> new NotYet("the invoice does not exist", true));
                Completion completion = allocateUnallocated(context, invoice);
                if (completion.problem().isPresent()) {
                    throw new NotYet(completion.problem().get(), false);
                }
                return completion;
            });
            return new StepOutcome.Done(done.created().size() + " commission lines created for invoice " + invoiceId);
        } catch (NotYet notYet) {
            String reason = "commissions for invoice " + invoiceId + " cannot be computed: " + notYet.getMessage();
            return notYet.permanent ? new StepOutcome.GiveUp(reason) : new StepOutcome.Retry(reason);
        }
    }

    /** Rolls back a step's unit of work that could not complete; an outcome, not an error. */
    private static final class NotYet extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean permanent;

        NotYet(String problem, boolean permanent) {
            super(problem, null, false, false);
            this.permanent = permanent;
        }
    }

    // ---- the janitor's sweep ----

    List<JanitorFinding> sweep(OperationContext context, String runId, Instant recordedBefore) {
        List<JanitorFinding> findings = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Optional<String> after = Optional.empty();
        // keyset pages of the anti-join, to the last: no cap, and each page costs the same however many
        // payments the books hold
        while (true) {
            List<Payment> page = parts.stores().payments().withoutCommissions(recordedBefore, after,
                    FinanceService.SWEEP_PAGE);
            for (Payment payment : page) {
                if (seen.add(payment.invoiceId())) {
                    queueIfUncovered(context, runId, payment).ifPresent(finding -> {
                        findings.add(finding);
                        afterCommitOrNow(() -> LOG.warn("janitor run {}: payment {} of invoice {} has no commission "
                                + "lines and no step to make them; queued step {}", runId, payment.id(),
                                payment.invoiceId(), finding.stepId()));
                    });
                }
            }
            if (page.size() < FinanceService.SWEEP_PAGE) {
                break;
            }
            after = Optional.of(page.get(page.size() - 1).id());
        }
        return findings;
    }

    private Optional<JanitorFinding> queueIfUncovered(OperationContext context, String runId, Payment payment) {
        String key = FinanceService.ensureCommissionsKey(payment.invoiceId());
        return parts.stores().transactions().inTransaction(() -> {
            if (activeStep(key)) {
                return Optional.<JanitorFinding>empty();
            }
            Optional<Invoice> locked = parts.stores().invoices().findByIdForUpdate(payment.invoiceId());
            // another janitor or the worker may have got here first while this one waited for the lock
            if (locked.isEmpty() || activeStep(key) || !parts.stores().commissions().byPayment(payment.id()).isEmpty()) {
                return Optional.<JanitorFinding>empty();
            }
            Invoice invoice = locked.get();
            if (!parts.stores().workQueue().enqueue(step(invoice.id(), parts.clock().instant()))) {
                return Optional.<JanitorFinding>empty();
            }
            String stepId = parts.stores().workQueue().findByDedupKey(key).map(WorkStep::id).orElseThrow();
            if (invoice.commissions() != CommissionState.PENDING) {
                parts.stores().invoices().update(invoice.withCommissions(CommissionState.PENDING)
                        .next(parts.clock().instant()));
            }
            Map<String, String> changes = new LinkedHashMap<>();
            changes.put("runId", runId);
            changes.put("kind", JanitorFinding.PAYMENT_WITHOUT_COMMISSIONS);
            changes.put("paymentId", payment.id());
            changes.put("stepId", stepId);
            parts.audit().record(context, AuditAction.JANITOR_FOUND, FinanceParts.ref(invoice), changes);
            return Optional.of(new JanitorFinding(JanitorFinding.PAYMENT_WITHOUT_COMMISSIONS,
                    FinanceParts.ref(invoice), stepId));
        });
    }

    private void afterCommitOrNow(Runnable action) {
        if (parts.stores().transactions().isActive()) {
            parts.stores().transactions().afterCommit(action);
        } else {
            action.run();
        }
    }

    private boolean activeStep(String dedupKey) {
        return parts.stores().workQueue().findByDedupKey(dedupKey).filter(s -> s.status() != StepStatus.DONE).isPresent();
    }
}
