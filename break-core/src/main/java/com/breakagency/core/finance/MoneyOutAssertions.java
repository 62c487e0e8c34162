package com.breakagency.core.finance;

import com.breakagency.core.finance.WorkflowAssertions.Assertion;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.CommissionReversal;
import com.breakagency.ports.model.finance.Payment;
import com.breakagency.ports.model.finance.Payout;
import com.breakagency.ports.model.finance.PayoutItem;
import com.breakagency.ports.model.finance.Refund;
import java.util.List;
import java.util.Optional;

/**
 * The assertions of money going out, as named values that each run alone: checked before a unit of work
 * that creates or pays a payout, or records a refund, commits. Stateless.
 */
public final class MoneyOutAssertions {

    /**
     * A payout and its items as stored.
     *
     * @param payout the payout
     * @param items  its items
     */
    public record PayoutItems(Payout payout, List<PayoutItem> items) {
    }

    /**
     * A payment, its refunds, its lines and their reversals.
     *
     * @param payment   the payment
     * @param refunds   its refunds
     * @param lines     its lines
     * @param reversals their reversals
     */
    public record PaymentNet(Payment payment, List<Refund> refunds, List<CommissionLine> lines,
                             List<CommissionReversal> reversals) {
    }

    /** A payout's amount is exactly the sum of its items. */
    public static final Assertion<PayoutItems> PAYOUT_EQUALS_ITEMS = new Assertion<>("a payout equals the sum of its lines",
            pi -> {
                Money sum = Money.zero(pi.payout().amount().currency());
                for (PayoutItem item : pi.items()) {
                    sum = sum.plus(item.amount());
                }
                return sum.equals(pi.payout().amount()) ? Optional.empty()
                        : Optional.of("payout of " + pi.payout().amount() + " but its lines sum to " + sum);
            });

    /** No payout is negative. */
    public static final Assertion<PayoutItems> PAYOUT_NOT_NEGATIVE = new Assertion<>("no payout is negative",
            pi -> pi.payout().amount().isNegative() ? Optional.of("payout of " + pi.payout().amount()) : Optional.empty());

    /** A payout pays one beneficiary's lines in its own currency, and holds at least one. */
    public static final Assertion<PayoutItems> PAYOUT_ITEMS_IN_ITS_CURRENCY = new Assertion<>(
            "a payout's lines are in its currency", pi -> pi.items().isEmpty() ? Optional.of("a payout without lines")
                    : pi.items().stream().filter(i -> !i.amount().currency().equals(pi.payout().amount().currency()))
                    .findFirst().map(i -> "line " + i.entryId() + " is in " + i.amount().currency()));

    /** The refunds of a payment never exceed it. */
    public static final Assertion<PaymentNet> REFUNDS_WITHIN_PAYMENT = new Assertion<>("refunds stay within the payment",
            pn -> {
                Money refunded = Money.zero(pn.payment().amount().currency());
                for (Refund r : pn.refunds()) {
                    refunded = refunded.plus(r.amount());
                }
                return refunded.minorUnits() <= pn.payment().amount().minorUnits() ? Optional.empty()
                        : Optional.of("refunds of " + refunded + " on a payment of " + pn.payment().amount());
            });

    /** The payment's lines and their reversals sum exactly to what the brand kept of it. */
    public static final Assertion<PaymentNet> NET_LINES_EQUAL_KEPT = new Assertion<>(
            "lines net of reversals sum to what was kept", pn -> {
                Money kept = pn.payment().amount();
                for (Refund r : pn.refunds()) {
                    kept = kept.minus(r.amount());
                }
                Money net = Money.zero(kept.currency());
                for (CommissionLine l : pn.lines()) {
                    net = net.plus(l.amount());
                }
                for (CommissionReversal r : pn.reversals()) {
                    net = net.plus(r.amount());
                }
                return net.equals(kept) ? Optional.empty() : Optional.of("lines net to " + net + " of " + kept + " kept");
            });

    /** Every check of a payout. */
    public static final List<Assertion<PayoutItems>> ON_PAYOUT = List.of(PAYOUT_EQUALS_ITEMS, PAYOUT_NOT_NEGATIVE,
            PAYOUT_ITEMS_IN_ITS_CURRENCY);

    /** Every check of a refunded payment. */
    public static final List<Assertion<PaymentNet>> ON_REFUND = List.of(REFUNDS_WITHIN_PAYMENT, NET_LINES_EQUAL_KEPT);

    private MoneyOutAssertions() {
    }

    /**
     * Runs checks and throws on the first failure.
     *
     * @param checks  the checks
     * @param subject what to check
     * @param <T>     its type
     * @throws BreakException WORKFLOW_BREAK/INVARIANT_BROKEN, which rolls the unit of work back
     */
    static <T> void require(List<Assertion<T>> checks, T subject) {
        Optional<String> problem = WorkflowAssertions.firstFailure(checks, subject);
        if (problem.isPresent()) {
            throw BreakException.builder(ErrorCode.WORKFLOW_BREAK).reason(Reason.INVARIANT_BROKEN).detail(problem.get())
                    .build();
        }
    }
}
