package com.breakagency.core.finance;

import com.breakagency.ports.model.finance.Beneficiary;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How one payment of an invoice is split into commission lines so that, once the invoice is fully
 * paid, every beneficiary's total is exactly its share of the invoice total.
 *
 * <p>The invoice total is allocated once by {@link LargestRemainder} into each beneficiary's final
 * share. Each payment is then allocated, again by largest remainder, in proportion to what each
 * beneficiary is still owed of that final share. A part never exceeds what its beneficiary is still owed,
 * so no line is ever negative, every payment's lines sum to it, and the last payment leaves every
 * beneficiary at exactly its final share. (Allocating each cumulative amount and subtracting what was
 * allocated before would break the second promise: the largest remainder method is not monotone in the
 * amount, so a share can shrink when the amount grows, and a line would be negative.) Stateless.
 */
public final class Allocation {

    private Allocation() {
    }

    /**
     * The final share of each beneficiary in an invoice total.
     *
     * @param invoiceTotal the total, in minor units
     * @param weights      the split
     * @return each beneficiary's share of the total
     */
    public static SortedMap<Beneficiary, Long> finalShares(long invoiceTotal, Map<Beneficiary, Long> weights) {
        return LargestRemainder.allocate(invoiceTotal, weights);
    }

    /**
     * One payment's parts.
     *
     * @param payment      the payment, in minor units; at most what is still owed in all
     * @param finalShares  each beneficiary's share of the invoice total
     * @param alreadyPaid  what each beneficiary got from the invoice's earlier payments
     * @return the parts of this payment (zero parts included), or empty if the earlier lines leave less
     *         owed than the payment (which the workflow assertions then report)
     */
    public static java.util.Optional<SortedMap<Beneficiary, Long>> ofPayment(long payment,
            Map<Beneficiary, Long> finalShares, Map<Beneficiary, Long> alreadyPaid) {
        SortedMap<Beneficiary, Long> owed = new TreeMap<>();
        long totalOwed = 0;
        for (Map.Entry<Beneficiary, Long> share : finalShares.entrySet()) {
            long left = share.getValue() - alreadyPaid.getOrDefault(share.getKey(), 0L);
            if (left < 0) {
                return java.util.Optional.empty();
            }
            owed.put(share.getKey(), left);
            totalOwed += left;
        }
        for (Beneficiary paidBefore : alreadyPaid.keySet()) {
            if (!finalShares.containsKey(paidBefore) && alreadyPaid.get(paidBefore) != 0) {
                return java.util.Optional.empty();
            }
        }
        if (payment > totalOwed || (payment > 0 && totalOwed == 0)) {
            return java.util.Optional.empty();
        }
        if (payment == 0) {
            SortedMap<Beneficiary, Long> zeros = new TreeMap<>();
            owed.keySet().forEach(b -> zeros.put(b, 0L));
            return java.util.Optional.of(zeros);
        }
        return java.util.Optional.of(LargestRemainder.allocate(payment, owed));
    }
}
