package com.breakagency.core.finance;

import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.CommissionReversal;
import com.breakagency.ports.model.finance.CommissionStatus;
import com.breakagency.ports.model.finance.PayoutEntryKind;
import com.breakagency.ports.model.finance.PayoutItem;
import com.breakagency.ports.model.finance.ReversalKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a new payout gathers, decided from the beneficiary's entries alone: no store, no clock. Every owed
 * (PENDING_PAYOUT) line and reversal of the currency that no live payout holds and that was created before the
 * bound; the positive ones all, then the negative ones (offsets first, then clawbacks, each in id order) as far
 * as the payout stays at zero or more. A negative entry left out stays owed for the next payout. Stateless.
 */
final class PayoutDecision {

    /** What the decision came to. */
    sealed interface Outcome permits Gathered, NothingOwed {
    }

    /**
     * The payout's items and amount.
     *
     * @param items  the items, in entry id order
     * @param amount their sum, zero or more
     */
    record Gathered(List<PayoutItem> items, Money amount) implements Outcome {
        /** Copies. */
        Gathered {
            items = List.copyOf(items);
        }
    }

    /** Nothing positive is owed: no payout. */
    record NothingOwed() implements Outcome {
    }

    private PayoutDecision() {
    }

    /**
     * Gathers a payout.
     *
     * @param payoutId  the new payout's id, for its items
     * @param currency  the payout's currency
     * @param lines     the beneficiary's owed lines (any currency, any payout)
     * @param reversals the beneficiary's owed reversals (any currency, any payout)
     * @param inLive    the ids of entries a live payout holds
     * @param upTo      only entries created before this instant, if present
     * @return the items, or nothing owed
     */
    static Outcome gather(String payoutId, Currency currency, List<CommissionLine> lines,
                          List<CommissionReversal> reversals, Set<String> inLive, Optional<Instant> upTo) {
        List<PayoutItem> positive = new ArrayList<>();
        List<Candidate> negative = new ArrayList<>();
        for (CommissionLine line : lines) {
            if (free(line.status(), line.id(), line.amount(), line.createdAt(), currency, inLive, upTo)) {
                add(positive, negative, new Candidate(new PayoutItem(payoutId, line.id(), PayoutEntryKind.LINE,
                        line.amount()), 0));
            }
        }
        for (CommissionReversal reversal : reversals) {
            if (free(reversal.status(), reversal.id(), reversal.amount(), reversal.createdAt(), currency, inLive, upTo)) {
                add(positive, negative, new Candidate(new PayoutItem(payoutId, reversal.id(), PayoutEntryKind.REVERSAL,
                        reversal.amount()), reversal.kind() == ReversalKind.OFFSET ? 0 : 1));
            }
        }
        if (positive.isEmpty()) {
            return new NothingOwed();
        }
        long sum = 0;
        List<PayoutItem> items = new ArrayList<>(positive);
        for (PayoutItem item : positive) {
            sum = Math.addExact(sum, item.amount().minorUnits());
        }
        negative.sort(Comparator.comparingInt(Candidate::rank).thenComparing(c -> c.item().entryId()));
        for (Candidate c : negative) {
            long next = sum + c.item().amount().minorUnits();
            if (next >= 0) {
                items.add(c.item());
                sum = next;
            }
        }
        items.sort(Comparator.comparing(PayoutItem::entryId));
        return new Gathered(items, new Money(sum, currency));
    }

    private record Candidate(PayoutItem item, int rank) {
    }

    private static void add(List<PayoutItem> positive, List<Candidate> negative, Candidate c) {
        if (c.item().amount().isNegative()) {
            negative.add(c);
        } else if (!c.item().amount().isZero()) {
            positive.add(c.item());
        }
    }

    private static boolean free(CommissionStatus status, String id, Money amount, Instant createdAt, Currency currency,
                                Set<String> inLive, Optional<Instant> upTo) {
        return status == CommissionStatus.PENDING_PAYOUT && amount.currency().equals(currency) && !inLive.contains(id)
                && upTo.map(createdAt::isBefore).orElse(true);
    }
}
