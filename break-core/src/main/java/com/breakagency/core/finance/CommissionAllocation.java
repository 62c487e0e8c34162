package com.breakagency.core.finance;

import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.model.finance.Beneficiary;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.CommissionPlan;
import com.breakagency.ports.model.finance.CommissionReversal;
import com.breakagency.ports.model.finance.CommissionStatus;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.Payment;
import com.breakagency.ports.spi.IdGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The commission lines of one payment, computed from what the caller read: the invoice, the payment, its
 * talent and plan, and the lines of the invoice's earlier payments. No store access and no audit here: the
 * {@link CommissionAllocator} reads the inputs, and stores and audits {@link Lines}; {@link Blocked} says
 * why the commissions cannot be computed yet. The lines pass the workflow assertions on lines before they
 * are returned. Stateless.
 */
final class CommissionAllocation {

    /** What allocating a payment came to. */
    sealed interface Outcome permits Lines, Blocked {
    }

    /**
     * The payment's lines (no zero line), ready to store.
     *
     * @param lines the lines; they sum to the payment
     */
    record Lines(List<CommissionLine> lines) implements Outcome {
        /** Copies. */
        Lines {
            lines = List.copyOf(lines);
        }
    }

    /**
     * The commissions cannot be computed yet.
     *
     * @param problem why, in words with identifiers only
     */
    record Blocked(String problem) implements Outcome {
        /** Checks presence. */
        Blocked {
            Objects.requireNonNull(problem, "problem");
        }
    }

    private CommissionAllocation() {
    }

    /**
     * Allocates one payment.
     *
     * @param invoice the invoice
     * @param payment the payment, of that invoice
     * @param talent  the invoice's talent, empty if it is missing
     * @param plan    the plan that applies (the deal's, else the talent's, else the agency default), empty if
     *                a plan is named that does not exist
     * @param earlier every line of the invoice's earlier payments
     * @param ids     makes the lines' ids
     * @param now     the lines' creation instant
     * @return the lines, or why there are none
     */
    static Outcome allocate(Invoice invoice, Payment payment, Optional<Talent> talent, Optional<CommissionPlan> plan,
                            List<CommissionLine> earlier, IdGenerator ids, Instant now) {
        return allocate(invoice, payment, talent, plan, earlier, List.of(), ids, now);
    }

    /**
     * Allocates one payment of an invoice that may have refunds and credit notes: the final shares are of the
     * invoice's total less its credit notes, and what each beneficiary has had is their lines plus their
     * reversals (never counted above their final share, so rounding in earlier refunds cannot block a payment).
     *
     * @param invoice   the invoice
     * @param payment   the payment, of that invoice
     * @param talent    the invoice's talent, empty if it is missing
     * @param plan      the plan that applies, empty if a plan is named that does not exist
     * @param earlier   every line of the invoice's earlier payments
     * @param reversals every reversal of those lines
     * @param ids       makes the lines' ids
     * @param now       the lines' creation instant
     * @return the lines, or why there are none
     */
    static Outcome allocate(Invoice invoice, Payment payment, Optional<Talent> talent, Optional<CommissionPlan> plan,
                            List<CommissionLine> earlier, List<CommissionReversal> reversals, IdGenerator ids,
                            Instant now) {
        if (talent.isEmpty()) {
            return new Blocked("the invoice's talent is missing");
        }
        if (plan.isEmpty()) {
            return new Blocked("the commission plan named for the deal or talent is missing");
        }
        CommissionSplit.Weights weights = CommissionSplit.of(plan.get(), talent.get());
        if (!weights.complete()) {
            return new Blocked(weights.problem().get());
        }
        SortedMap<Beneficiary, Long> finalShares = Allocation.finalShares(invoice.netTotal().minorUnits(), weights.weights());
        Map<Beneficiary, Long> already = new TreeMap<>();
        for (CommissionLine line : earlier) {
            already.merge(line.beneficiary(), line.amount().minorUnits(), Long::sum);
        }
        for (CommissionReversal reversal : reversals) {
            already.merge(reversal.beneficiary(), reversal.amount().minorUnits(), Long::sum);
        }
        if (!reversals.isEmpty() || !invoice.credited().isZero()) {
            already.replaceAll((b, had) -> Math.max(0, Math.min(had, finalShares.getOrDefault(b, 0L))));
        }
        Optional<SortedMap<Beneficiary, Long>> parts = Allocation.ofPayment(payment.amount().minorUnits(), finalShares, already);
        if (parts.isEmpty()) {
            return new Blocked("earlier lines leave less owed than the payment");
        }
        List<CommissionLine> lines = new ArrayList<>();
        for (Map.Entry<Beneficiary, Long> part : parts.get().entrySet()) {
            if (part.getValue() != 0) {
                lines.add(new CommissionLine(ids.nextId(), payment.id(), invoice.id(), invoice.dealId(),
                        invoice.talentId(), part.getKey(), payment.amount(), weights.rate(part.getKey()), plan.get().id(),
                        new Money(part.getValue(), payment.amount().currency()), CommissionStatus.PENDING_PAYOUT, now));
            }
        }
        Optional<String> broken = WorkflowAssertions.firstFailure(WorkflowAssertions.ON_LINES,
                new WorkflowAssertions.PaymentLines(payment, lines));
        return broken.<Outcome>map(Blocked::new).orElseGet(() -> new Lines(lines));
    }
}
