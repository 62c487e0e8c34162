package com.breakagency.core.finance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.core.finance.InvoiceLifecycle.Transition;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.finance.CommissionState;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.InvoiceStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The invoice lifecycle on its own, without a store: every move it names is allowed, and every other pair
 * of statuses is refused as CONFLICT/INVALID_STATE_TRANSITION. The expected moves are written out here
 * from the documented lifecycle (DRAFT → ISSUED → PARTIALLY_PAID → PAID, or VOID while nothing is paid),
 * not read from the class under test.
 */
class InvoiceLifecycleTest {

    private static final InvoiceStatus DRAFT = InvoiceStatus.DRAFT;
    private static final InvoiceStatus ISSUED = InvoiceStatus.ISSUED;
    private static final InvoiceStatus PART = InvoiceStatus.PARTIALLY_PAID;
    private static final InvoiceStatus PAID = InvoiceStatus.PAID;
    private static final InvoiceStatus VOID = InvoiceStatus.VOID;
    private static final InvoiceStatus REFUNDED = InvoiceStatus.REFUNDED;

    /** Each allowed move, and the transitions that make it (the first one is what {@code between} names). */
    private static final Map<List<InvoiceStatus>, List<Transition>> ALLOWED = Map.of(
            List.of(DRAFT, ISSUED), List.of(Transition.ISSUE),
            List.of(ISSUED, PART), List.of(Transition.PART_PAY),
            List.of(PART, PART), List.of(Transition.PART_PAY, Transition.REFUND_PART),
            List.of(ISSUED, PAID), List.of(Transition.PAY_IN_FULL),
            List.of(PART, PAID), List.of(Transition.PAY_IN_FULL, Transition.CREDIT_SETTLES),
            List.of(DRAFT, VOID), List.of(Transition.VOID),
            List.of(ISSUED, VOID), List.of(Transition.VOID),
            List.of(PAID, PART), List.of(Transition.REFUND_PART),
            List.of(PAID, REFUNDED), List.of(Transition.REFUND_IN_FULL),
            List.of(PART, REFUNDED), List.of(Transition.REFUND_IN_FULL));

    @Test
    void every_documented_move_is_a_named_transition() {
        ALLOWED.forEach((move, transitions) -> {
            assertEquals(Optional.of(transitions.get(0)), InvoiceLifecycle.between(move.get(0), move.get(1)), move.toString());
            transitions.forEach(t -> InvoiceLifecycle.require(t, move.get(0)));
        });
    }

    @Test
    void every_other_pair_of_statuses_is_refused() {
        int refused = 0;
        for (InvoiceStatus from : InvoiceStatus.values()) {
            for (InvoiceStatus to : InvoiceStatus.values()) {
                if (!ALLOWED.containsKey(List.of(from, to))) {
                    assertEquals(Optional.empty(), InvoiceLifecycle.between(from, to), from + " -> " + to);
                    refused++;
                }
            }
        }
        assertEquals(36 - 10, refused, "six statuses make 36 pairs, ten of them allowed");
    }

    @Test
    void a_transition_started_from_a_status_it_does_not_name_is_an_invalid_state_transition() {
        for (Transition transition : Transition.values()) {
            for (InvoiceStatus from : InvoiceStatus.values()) {
                if (ALLOWED.getOrDefault(List.of(from, transition.to()), List.of()).contains(transition)) {
                    continue;
                }
                BreakException refused = assertThrows(BreakException.class, () -> InvoiceLifecycle.require(transition, from),
                        transition + " from " + from);
                assertEquals(ErrorCode.CONFLICT, refused.code());
                assertEquals(Reason.INVALID_STATE_TRANSITION, refused.reason());
                assertEquals(from.name(), refused.metadata().get("from"));
                assertEquals(transition.to().name(), refused.metadata().get("to"));
            }
        }
    }

    @Test
    void the_list_holds_every_transition_once() {
        assertEquals(List.of(Transition.values()), InvoiceLifecycle.TRANSITIONS);
        assertEquals(ALLOWED.values().stream().flatMap(List::stream).collect(java.util.stream.Collectors.toSet()),
                EnumSet.copyOf(InvoiceLifecycle.TRANSITIONS));
    }

    @Test
    void payments_start_from_the_open_statuses_which_are_the_ones_an_invoice_can_be_overdue_in() {
        LocalDate today = LocalDate.of(2026, 3, 10);
        for (InvoiceStatus status : InvoiceStatus.values()) {
            boolean open = status == ISSUED || status == PART;
            assertEquals(open, status.isOpen(), status.name());
            assertEquals(open, InvoiceLifecycle.acceptsPayments(status), status.name());
            assertEquals(open, WorkflowAssertions.acceptsPayments(status), status.name());
            assertEquals(open, invoice(status, Optional.of(today.minusDays(1))).overdueOn(today), status.name());
            assertEquals(false, invoice(status, Optional.of(today)).overdueOn(today), "due today is not overdue");
        }
    }

    @Test
    void the_workflow_assertion_accepts_a_stay_or_a_transition_and_names_any_other_move() {
        for (InvoiceStatus from : InvoiceStatus.values()) {
            for (InvoiceStatus to : InvoiceStatus.values()) {
                Optional<String> problem = WorkflowAssertions.MOVE_IS_A_TRANSITION.test(new WorkflowAssertions.InvoiceMove(
                        invoice(from, Optional.empty()), invoice(to, Optional.empty())));
                boolean fine = from == to || ALLOWED.containsKey(List.of(from, to));
                assertEquals(fine, problem.isEmpty(), from + " -> " + to);
                if (!fine) {
                    assertTrue(problem.get().contains("moved from " + from + " to " + to), problem.get());
                }
            }
        }
    }

    private static Invoice invoice(InvoiceStatus status, Optional<LocalDate> due) {
        Instant at = Instant.parse("2026-03-01T09:00:00Z");
        return new Invoice("inv-1", "deal-1", "brand-1", "talent-1", Optional.empty(), List.of(),
                Money.of(100_00, "GBP"), Money.zero(Money.of(0, "GBP").currency()), due, status, CommissionState.NONE, 1,
                at, at);
    }
}
