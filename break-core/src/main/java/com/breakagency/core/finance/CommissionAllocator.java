package com.breakagency.core.finance;

import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.CommissionPlan;
import com.breakagency.ports.model.finance.CommissionReversal;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.Payment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Commission allocation, the job: reads what {@link CommissionAllocation} needs for one payment, asks it,
 * and stores and audits (COMMISSION_CREATED per line) the lines it returns, in the caller's unit of work.
 * Thread-safe.
 */
final class CommissionAllocator {

    private final FinanceParts parts;

    CommissionAllocator(FinanceParts parts) {
        this.parts = parts;
    }

    /**
     * Allocates one payment and stores its lines, unless its commissions cannot be computed.
     *
     * @param context who calls, for the audit events
     * @param invoice the invoice, locked by the caller
     * @param payment the payment, stored already
     * @return the stored lines, or why there are none (nothing is written then)
     */
    CommissionAllocation.Outcome allocate(OperationContext context, Invoice invoice, Payment payment) {
        Optional<Talent> talent = parts.stores().talents().findById(invoice.talentId());
        Optional<CommissionPlan> plan = talent.flatMap(t -> planFor(invoice, t));
        // the earlier lines matter only once there is a split to allocate by
        List<CommissionLine> earlier = plan.isPresent() ? parts.stores().commissions().byInvoice(invoice.id()) : List.of();
        List<CommissionReversal> reversals = plan.isPresent() ? parts.stores().refunds().reversalsByInvoice(invoice.id())
                : List.of();
        CommissionAllocation.Outcome outcome = CommissionAllocation.allocate(invoice, payment, talent, plan, earlier,
                reversals, parts.ids(), parts.clock().instant());
        if (outcome instanceof CommissionAllocation.Lines lines) {
            parts.stores().commissions().insertAll(lines.lines());
            for (CommissionLine line : lines.lines()) {
                Map<String, String> changes = new LinkedHashMap<>();
                changes.put("paymentId", payment.id());
                changes.put("beneficiary", line.beneficiary().kind() + ":" + line.beneficiary().id());
                changes.put("amount", line.amount().toString());
                parts.audit().record(context, AuditAction.COMMISSION_CREATED, FinanceParts.ref(invoice), changes);
            }
        }
        return outcome;
    }

    private Optional<CommissionPlan> planFor(Invoice invoice, Talent talent) {
        Optional<String> named = parts.stores().deals().findById(invoice.dealId()).flatMap(Deal::commissionPlanId)
                .or(talent::commissionPlanId);
        if (named.isPresent()) {
            return parts.stores().commissionPlans().find(named.get());
        }
        return Optional.of(parts.stores().commissionPlans().find(CommissionPlan.AGENCY_DEFAULT_ID)
                .orElse(CommissionPlan.AGENCY_DEFAULT));
    }
}
