package com.breakagency.core.finance;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.finance.InvoiceStatus;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which status moves an invoice may make, as named transitions in one list (as the deal pipeline's moves
 * are): DRAFT → ISSUED → PARTIALLY_PAID → PAID, or VOID while nothing is paid; refunds move a paid or partly
 * paid invoice back to PARTIALLY_PAID, or to REFUNDED when nothing is kept; a credit note may settle a partly
 * paid one. The use cases ask it before
 * they store a move, the workflow assertions check stored invoices against it, and the statuses a payment
 * may start from are the {@linkplain InvoiceStatus#isOpen() open} ones that {@code Invoice.overdueOn}
 * reads in break-ports, so "open", "payable" and "overdue-able" cannot drift apart. A move that no
 * transition names is CONFLICT/INVALID_STATE_TRANSITION. Stateless.
 */
final class InvoiceLifecycle {

    /** A named move, from any of some statuses to one status. */
    enum Transition {
        /** A draft is issued: it gets its number and due date. */
        ISSUE("issue a draft", EnumSet.of(InvoiceStatus.DRAFT), InvoiceStatus.ISSUED),
        /** A payment arrives that leaves something owed. */
        PART_PAY("a payment leaves something owed", open(), InvoiceStatus.PARTIALLY_PAID),
        /** The payment arrives that settles the invoice. */
        PAY_IN_FULL("a payment settles the invoice", open(), InvoiceStatus.PAID),
        /** An invoice nothing was paid on is cancelled. */
        VOID("void before anything is paid", EnumSet.of(InvoiceStatus.DRAFT, InvoiceStatus.ISSUED),
                InvoiceStatus.VOID),
        /** A refund leaves part of what was paid kept. */
        REFUND_PART("a refund leaves part of the payments kept", EnumSet.of(InvoiceStatus.PARTIALLY_PAID, InvoiceStatus.PAID),
                InvoiceStatus.PARTIALLY_PAID),
        /** A refund leaves nothing of what was paid kept. */
        REFUND_IN_FULL("a refund leaves nothing kept", EnumSet.of(InvoiceStatus.PARTIALLY_PAID, InvoiceStatus.PAID),
                InvoiceStatus.REFUNDED),
        /** A credit note takes the total down to what was paid already. */
        CREDIT_SETTLES("a credit note leaves nothing owed", EnumSet.of(InvoiceStatus.PARTIALLY_PAID), InvoiceStatus.PAID);

        private final String description;
        private final Set<InvoiceStatus> from;
        private final InvoiceStatus to;

        Transition(String description, Set<InvoiceStatus> from, InvoiceStatus to) {
            this.description = description;
            this.from = Collections.unmodifiableSet(EnumSet.copyOf(from));
            this.to = to;
        }

        /** @return what the move is, in words */
        String description() {
            return description;
        }

        /** @return the statuses it may start from */
        Set<InvoiceStatus> from() {
            return from;
        }

        /** @return the status it ends in */
        InvoiceStatus to() {
            return to;
        }

        /**
         * Whether the move may start from a status.
         *
         * @param status the invoice's current status
         * @return true if it is one of {@link #from()}
         */
        boolean allowsFrom(InvoiceStatus status) {
            return from.contains(status);
        }

        // here rather than in the outer class, whose initialization would start this enum's too early
        private static Set<InvoiceStatus> open() {
            EnumSet<InvoiceStatus> open = EnumSet.noneOf(InvoiceStatus.class);
            Arrays.stream(InvoiceStatus.values()).filter(InvoiceStatus::isOpen).forEach(open::add);
            return open;
        }
    }

    /** Every transition: the whole lifecycle. */
    static final List<Transition> TRANSITIONS = List.of(Transition.values());

    /** The transitions a payment makes. */
    static final List<Transition> PAYMENTS = List.of(Transition.PART_PAY, Transition.PAY_IN_FULL);

    /** The transitions a refund makes. */
    static final List<Transition> REFUNDS = List.of(Transition.REFUND_PART, Transition.REFUND_IN_FULL);

    /** The statuses a credit note may be issued in: issued, partly paid or paid. */
    static final java.util.Set<InvoiceStatus> CREDITABLE = Collections.unmodifiableSet(
            EnumSet.of(InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID, InvoiceStatus.PAID));

    private InvoiceLifecycle() {
    }

    /**
     * The transition that moves an invoice between two statuses.
     *
     * @param from the current status
     * @param to   the next status
     * @return the transition, or empty when the lifecycle does not allow the move
     */
    static Optional<Transition> between(InvoiceStatus from, InvoiceStatus to) {
        return TRANSITIONS.stream().filter(t -> t.to() == to && t.allowsFrom(from)).findFirst();
    }

    /**
     * Whether an invoice in this status accepts payments: some payment transition starts from it.
     *
     * @param status the status
     * @return true for the open statuses
     */
    static boolean acceptsPayments(InvoiceStatus status) {
        return PAYMENTS.stream().anyMatch(t -> t.allowsFrom(status));
    }

    /**
     * Checks a named move.
     *
     * @param transition the move the use case is about to store
     * @param from       the invoice's current status
     * @throws BreakException CONFLICT/INVALID_STATE_TRANSITION when the move may not start there
     */
    static void require(Transition transition, InvoiceStatus from) {
        if (!transition.allowsFrom(from)) {
            throw refused(from, transition.to());
        }
    }

    /**
     * The refusal of a move the lifecycle does not allow.
     *
     * @param from the current status
     * @param to   the requested status
     * @return CONFLICT/INVALID_STATE_TRANSITION naming both
     */
    static BreakException refused(InvoiceStatus from, InvoiceStatus to) {
        return BreakException.builder(ErrorCode.CONFLICT).reason(Reason.INVALID_STATE_TRANSITION)
                .detail("An invoice cannot move from " + from + " to " + to + ".")
                .metadata("from", from.name()).metadata("to", to.name()).build();
    }
}
