package com.breakagency.core.finance;

import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.finance.Beneficiary;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.CommissionReversal;
import com.breakagency.ports.model.finance.CommissionStatus;
import com.breakagency.ports.model.finance.Refund;
import com.breakagency.ports.model.finance.ReversalKind;
import com.breakagency.ports.spi.IdGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A refund's commission effect, computed from what the caller read: the payment's lines, their earlier
 * reversals and what the brand keeps of the payment. Each beneficiary's net on the payment (their line plus
 * its reversals) becomes exactly their {@link LargestRemainder} share of what is kept, with the lines as
 * weights — the rule that split the payment — so a full refund nets every beneficiary to zero and the nets
 * always sum to what is kept. The reversal is the difference: an OFFSET of a line that is still owed and in no
 * payout, a CLAWBACK of one that is paid out or in a payout under way. No store access. Stateless.
 */
final class CommissionReversals {

    private CommissionReversals() {
    }

    /**
     * The reversals of one refund.
     *
     * @param refund  the refund
     * @param lines   the payment's lines
     * @param earlier every earlier reversal of those lines
     * @param kept    what the brand keeps of the payment after this refund, in minor units
     * @param inLive  the ids of lines a live payout holds
     * @param ids     makes the reversals' ids
     * @param now     their creation instant
     * @return the reversals, one per line whose net changes
     */
    static List<CommissionReversal> of(Refund refund, List<CommissionLine> lines, List<CommissionReversal> earlier,
                                       long kept, Set<String> inLive, IdGenerator ids, Instant now) {
        SortedMap<Beneficiary, Long> weights = new TreeMap<>();
        Map<Beneficiary, CommissionLine> byBeneficiary = new TreeMap<>();
        for (CommissionLine line : lines) {
            weights.put(line.beneficiary(), line.amount().minorUnits());
            byBeneficiary.put(line.beneficiary(), line);
        }
        if (weights.values().stream().allMatch(w -> w == 0)) {
            return List.of();
        }
        Map<String, Long> net = new TreeMap<>();
        for (CommissionLine line : lines) {
            net.put(line.id(), line.amount().minorUnits());
        }
        for (CommissionReversal r : earlier) {
            net.merge(r.reversesLineId(), r.amount().minorUnits(), Long::sum);
        }
        SortedMap<Beneficiary, Long> target = LargestRemainder.allocate(kept, weights);
        List<CommissionReversal> out = new ArrayList<>();
        for (Map.Entry<Beneficiary, Long> e : target.entrySet()) {
            CommissionLine line = byBeneficiary.get(e.getKey());
            long delta = e.getValue() - net.getOrDefault(line.id(), 0L);
            if (delta != 0) {
                ReversalKind kind = line.status() == CommissionStatus.PENDING_PAYOUT && !inLive.contains(line.id())
                        ? ReversalKind.OFFSET : ReversalKind.CLAWBACK;
                out.add(new CommissionReversal(ids.nextId(), refund.id(), line.id(), line.paymentId(), line.invoiceId(),
                        line.talentId(), line.beneficiary(), new Money(delta, line.amount().currency()), kind,
                        CommissionStatus.PENDING_PAYOUT, now));
            }
        }
        return out;
    }
}
