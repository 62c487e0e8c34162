package com.breakagency.core.crm;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.crm.DealStage;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Which stage moves the agency's pipeline allows, as named rules that can each be tested alone. A move
 * by hand is allowed when one of {@link #BY_HAND} allows it; finance's one move is
 * {@link #PAID_IN_FULL}. Stateless.
 */
public final class DealPipeline {

    /**
     * A named rule about moves.
     *
     * @param name  what the rule allows, in words
     * @param allows whether it allows a move from one stage to another
     */
    public record Move(String name, BiPredicate<DealStage, DealStage> allows) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Forward to any later stage up to PAYMENT_PENDING; skipping stages is allowed. */
    public static final Move FORWARD_UP_TO_PAYMENT_PENDING = new Move("forward up to PAYMENT_PENDING",
            (from, to) -> from.compareTo(DealStage.PAYMENT_PENDING) < 0 && from != DealStage.LOST
                    && to.compareTo(from) > 0 && to.compareTo(DealStage.PAYMENT_PENDING) <= 0);

    /** Back by one stage from NEGOTIATION or CONTRACT_SENT. */
    public static final Move BACK_ONE_STAGE = new Move("back one stage from NEGOTIATION or CONTRACT_SENT",
            (from, to) -> (from == DealStage.NEGOTIATION && to == DealStage.NEW_LEAD)
                    || (from == DealStage.CONTRACT_SENT && to == DealStage.NEGOTIATION));

    /** To LOST from any stage before PAYMENT_RECEIVED. */
    public static final Move LOSE_BEFORE_PAYMENT = new Move("to LOST before PAYMENT_RECEIVED",
            (from, to) -> to == DealStage.LOST && from != DealStage.LOST
                    && from.compareTo(DealStage.PAYMENT_RECEIVED) < 0);

    /** From LOST back to NEW_LEAD. */
    public static final Move REOPEN_LOST = new Move("from LOST back to NEW_LEAD",
            (from, to) -> from == DealStage.LOST && to == DealStage.NEW_LEAD);

    /** To COMPLETED only from PAYMENT_RECEIVED. */
    public static final Move COMPLETE_AFTER_PAYMENT = new Move("to COMPLETED from PAYMENT_RECEIVED",
            (from, to) -> from == DealStage.PAYMENT_RECEIVED && to == DealStage.COMPLETED);

    /** Finance's move when the deal's invoice is fully paid; never allowed by hand. */
    public static final Move PAID_IN_FULL = new Move("PAYMENT_PENDING to PAYMENT_RECEIVED when paid in full",
            (from, to) -> from == DealStage.PAYMENT_PENDING && to == DealStage.PAYMENT_RECEIVED);

    /** Finance's move when a refund leaves the deal's invoice no longer paid in full; never allowed by hand. */
    public static final Move NO_LONGER_PAID_IN_FULL = new Move("PAYMENT_RECEIVED back to PAYMENT_PENDING after a refund",
            (from, to) -> from == DealStage.PAYMENT_RECEIVED && to == DealStage.PAYMENT_PENDING);

    /** Every move a person may make. */
    public static final List<Move> BY_HAND = List.of(FORWARD_UP_TO_PAYMENT_PENDING, BACK_ONE_STAGE,
            LOSE_BEFORE_PAYMENT, REOPEN_LOST, COMPLETE_AFTER_PAYMENT);

    private DealPipeline() {
    }

    /**
     * Whether a person may move a deal between two stages.
     *
     * @param from the current stage
     * @param to   the requested stage
     * @return true if a rule of {@link #BY_HAND} allows it
     */
    public static boolean allowedByHand(DealStage from, DealStage to) {
        return BY_HAND.stream().anyMatch(rule -> rule.allows().test(from, to));
    }

    /**
     * Checks a move by hand.
     *
     * @param from the current stage
     * @param to   the requested stage
     * @throws BreakException CONFLICT/INVALID_STATE_TRANSITION if no rule allows it
     */
    public static void requireByHand(DealStage from, DealStage to) {
        if (!allowedByHand(from, to)) {
            throw BreakException.builder(com.breakagency.ports.error.ErrorCode.CONFLICT)
                    .reason(Reason.INVALID_STATE_TRANSITION)
                    .detail("A deal cannot move from " + from + " to " + to + ".")
                    .metadata("from", from.name()).metadata("to", to.name()).build();
        }
    }
}
