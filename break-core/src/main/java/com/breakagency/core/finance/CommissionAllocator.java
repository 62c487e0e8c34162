package com.breakagency.core.finance;

import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.CommissionPlan;
import com.breakagency.ports.model.finance.CommissionReversal;
import com.breakagency.ports.model.finance.CommissionState;
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
        CommissionAllocation.Outcome outcome = compute(invoice, parts.stores().deals().findById(invoice.dealId()),
                payment, true);
        store(context, invoice, payment, outcome);
        return outcome;
    }

    /**
     * Reads what the split of one payment needs and computes its lines; writes nothing, so a caller can read
     * everything first and then write (a store may send the writes of a unit of work together).
     *
     * @param invoice         the invoice, locked by the caller
     * @param deal            the invoice's deal as the caller read it in this unit of work, empty if missing
     * @param payment         the payment, stored or about to be
     * @param earlierPayments false when the caller knows the invoice has no other payment (nothing paid on
     *                        the locked invoice), so there are no earlier lines to read
     * @return the lines to store, or why there are none
     */
    CommissionAllocation.Outcome compute(Invoice invoice, Optional<Deal> deal, Payment payment, boolean earlierPayments) {
        Optional<Talent> talent = parts.stores().talents().findById(invoice.talentId());
        Optional<CommissionPlan> plan = talent.flatMap(t -> planFor(deal, t));
        // the earlier lines matter only once there is a split to allocate by
        List<CommissionLine> earlier = plan.isPresent() && earlierPayments
                ? parts.stores().commissions().byInvoice(invoice.id()) : List.of();
        // reversals come from refunds: unless the invoice's commissions are PENDING every earlier payment is
        // allocated and its lines add up to it, so the earlier lines add up to more than is paid only once something
        // was refunded, and only then are there reversals to read; a repair reads them always
        List<CommissionReversal> reversals = plan.isPresent() && refundedSince(earlier, invoice)
                ? parts.stores().refunds().reversalsByInvoice(invoice.id()) : List.of();
        return CommissionAllocation.allocate(invoice, payment, talent, plan, earlier, reversals, parts.ids(),
                parts.clock().instant());
    }

    /**
     * Stores and audits (COMMISSION_CREATED per line) the lines {@link #compute} returned, after the payment.
     *
     * @param context who calls, for the audit events
     * @param invoice the invoice, locked by the caller
     * @param payment the payment, stored in this unit of work before the lines
     * @param outcome what {@link #compute} returned; nothing is written when it is blocked
     */
    void store(OperationContext context, Invoice invoice, Payment payment, CommissionAllocation.Outcome outcome) {
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
    }

    /** Whether a refund may have taken some of the earlier payments back (true unless the rows in hand rule it out). */
    private static boolean refundedSince(List<CommissionLine> earlier, Invoice invoice) {
        if (invoice.commissions() == CommissionState.PENDING) {
            return true;
        }
        long allocated = 0;
        for (CommissionLine line : earlier) {
            allocated += line.amount().minorUnits();
        }
        return allocated != invoice.paid().minorUnits();
    }

    private Optional<CommissionPlan> planFor(Optional<Deal> deal, Talent talent) {
        Optional<String> named = deal.flatMap(Deal::commissionPlanId)
                .or(talent::commissionPlanId);
        if (named.isPresent()) {
            return parts.stores().commissionPlans().find(named.get());
        }
        return Optional.of(parts.stores().commissionPlans().find(CommissionPlan.AGENCY_DEFAULT_ID)
                .orElse(CommissionPlan.AGENCY_DEFAULT));
    }
}
