package com.breakagency.core.finance;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.finance.PayoutStatus;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which status moves a payout may make, as named transitions in one list (as the invoice's are): DRAFT →
 * APPROVED → PAID, or CANCELLED from DRAFT or APPROVED. PAID and CANCELLED are final. A move no transition
 * names is CONFLICT/INVALID_STATE_TRANSITION. Stateless.
 */
final class PayoutLifecycle {

    /** A named move, from any of some statuses to one status. */
    enum Transition {
        /** A draft is approved for payment. */
        APPROVE("approve a draft", EnumSet.of(PayoutStatus.DRAFT), PayoutStatus.APPROVED),
        /** An approved payout is paid; its lines become PAID_OUT. */
        MARK_PAID("pay an approved payout", EnumSet.of(PayoutStatus.APPROVED), PayoutStatus.PAID),
        /** A payout not yet paid is cancelled; its lines are free again. */
        CANCEL("cancel before it is paid", EnumSet.of(PayoutStatus.DRAFT, PayoutStatus.APPROVED), PayoutStatus.CANCELLED);

        private final String description;
        private final Set<PayoutStatus> from;
        private final PayoutStatus to;

        Transition(String description, Set<PayoutStatus> from, PayoutStatus to) {
            this.description = description;
            this.from = Collections.unmodifiableSet(EnumSet.copyOf(from));
            this.to = to;
        }

        /** @return what the move is, in words */
        String description() {
            return description;
        }

        /** @return the statuses it may start from */
        Set<PayoutStatus> from() {
            return from;
        }

        /** @return the status it ends in */
        PayoutStatus to() {
            return to;
        }

        /**
         * Whether the move may start from a status.
         *
         * @param status the payout's current status
         * @return true if it is one of {@link #from()}
         */
        boolean allowsFrom(PayoutStatus status) {
            return from.contains(status);
        }
    }

    /** Every transition: the whole lifecycle. */
    static final List<Transition> TRANSITIONS = List.of(Transition.values());

    private PayoutLifecycle() {
    }

    /**
     * The transition that moves a payout between two statuses.
     *
     * @param from the current status
     * @param to   the next status
     * @return the transition, or empty when the lifecycle does not allow the move
     */
    static Optional<Transition> between(PayoutStatus from, PayoutStatus to) {
        return TRANSITIONS.stream().filter(t -> t.to() == to && t.allowsFrom(from)).findFirst();
    }

    /**
     * Checks a named move.
     *
     * @param transition the move the use case is about to store
     * @param from       the payout's current status
     * @throws BreakException CONFLICT/INVALID_STATE_TRANSITION when the move may not start there
     */
    static void require(Transition transition, PayoutStatus from) {
        if (!transition.allowsFrom(from)) {
            throw BreakException.builder(ErrorCode.CONFLICT).reason(Reason.INVALID_STATE_TRANSITION)
                    .detail("A payout cannot move from " + from + " to " + transition.to() + ".")
                    .metadata("from", from.name()).metadata("to", transition.to().name()).build();
        }
    }
}
