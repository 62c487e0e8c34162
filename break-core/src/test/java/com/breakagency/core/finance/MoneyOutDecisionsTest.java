package com.breakagency.core.finance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.core.finance.PayoutLifecycle.Transition;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.finance.Beneficiary;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.CommissionReversal;
import com.breakagency.ports.model.finance.CommissionState;
import com.breakagency.ports.model.finance.CommissionStatus;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.InvoiceStatus;
import com.breakagency.ports.model.finance.Payment;
import com.breakagency.ports.model.finance.PaymentSource;
import com.breakagency.ports.model.finance.Payout;
import com.breakagency.ports.model.finance.PayoutEntryKind;
import com.breakagency.ports.model.finance.PayoutItem;
import com.breakagency.ports.model.finance.PayoutStatus;
import com.breakagency.ports.model.finance.Refund;
import com.breakagency.ports.model.finance.ReversalKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The money-out decisions and assertions alone, without stores: the payout lifecycle's named moves, what a
 * payout gathers, when a refund or a credit note is refused, and each assertion catching what it names.
 */
class MoneyOutDecisionsTest {

    private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");
    private static final Currency GBP = Currency.getInstance("GBP");
    private static final Beneficiary TALENT = Beneficiary.talent("t-1");

    private static Money gbp(long minor) {
        return new Money(minor, GBP);
    }

    private static CommissionLine line(String id, long amount, CommissionStatus status, Instant at) {
        return new CommissionLine(id, "pay-1", "inv-1", "deal-1", "t-1", TALENT, gbp(amount), BigDecimal.ONE, "plan",
                gbp(amount), status, at);
    }

    private static CommissionReversal reversal(String id, long amount, ReversalKind kind) {
        return new CommissionReversal(id, "ref-1", "l-x", "pay-1", "inv-1", "t-1", TALENT, gbp(amount), kind,
                CommissionStatus.PENDING_PAYOUT, AT);
    }

    private static Invoice invoice(InvoiceStatus status, long total, long paid, long credited) {
        return new Invoice("inv-1", "deal-1", "brand-1", "t-1", Optional.of(1L), List.of(), gbp(total), gbp(paid),
                gbp(credited), Optional.empty(), status, CommissionState.ALLOCATED, 3, AT, AT);
    }

    private static Payment payment(long amount) {
        return new Payment("pay-1", "inv-1", gbp(amount), LocalDate.of(2026, 3, 1), "bank-1", PaymentSource.MANUAL,
                "finance-1", AT);
    }

    private static Refund refund(long amount) {
        return new Refund("ref-" + amount, "pay-1", "inv-1", gbp(amount), LocalDate.of(2026, 3, 2), "r-" + amount, "why",
                "finance-1", AT);
    }

    @Test
    void the_payout_lifecycle_names_every_move_and_refuses_the_rest() {
        Map<List<PayoutStatus>, Transition> allowed = Map.of(
                List.of(PayoutStatus.DRAFT, PayoutStatus.APPROVED), Transition.APPROVE,
                List.of(PayoutStatus.APPROVED, PayoutStatus.PAID), Transition.MARK_PAID,
                List.of(PayoutStatus.DRAFT, PayoutStatus.CANCELLED), Transition.CANCEL,
                List.of(PayoutStatus.APPROVED, PayoutStatus.CANCELLED), Transition.CANCEL);
        for (PayoutStatus from : PayoutStatus.values()) {
            for (PayoutStatus to : PayoutStatus.values()) {
                assertEquals(Optional.ofNullable(allowed.get(List.of(from, to))), PayoutLifecycle.between(from, to),
                        from + " -> " + to);
            }
            for (Transition t : Transition.values()) {
                if (!t.allowsFrom(from)) {
                    BreakException e = assertThrows(BreakException.class, () -> PayoutLifecycle.require(t, from));
                    assertEquals(Reason.INVALID_STATE_TRANSITION, e.reason());
                }
            }
        }
        assertEquals(List.of(Transition.values()), PayoutLifecycle.TRANSITIONS);
        assertTrue(PayoutStatus.PAID.isLive() && !PayoutStatus.CANCELLED.isLive());
    }

    @Test
    void a_payout_gathers_every_owed_free_line_and_the_negative_entries_that_keep_it_at_zero_or_more() {
        List<CommissionLine> lines = List.of(line("l-1", 1_000, CommissionStatus.PENDING_PAYOUT, AT),
                line("l-2", 500, CommissionStatus.PAID_OUT, AT),
                line("l-3", 700, CommissionStatus.PENDING_PAYOUT, AT),
                line("l-4", 300, CommissionStatus.PENDING_PAYOUT, AT.plusSeconds(60)));
        List<CommissionReversal> reversals = List.of(reversal("r-1", -1_500, ReversalKind.CLAWBACK),
                reversal("r-2", -200, ReversalKind.OFFSET), reversal("r-3", -900, ReversalKind.CLAWBACK));

        PayoutDecision.Outcome outcome = PayoutDecision.gather("po-1", GBP, lines, reversals, Set.of("l-3"),
                Optional.of(AT.plusSeconds(1)));

        PayoutDecision.Gathered gathered = assertInstanceOf(PayoutDecision.Gathered.class, outcome);
        // l-1 (1,000) only: l-2 is paid out, l-3 in a live payout, l-4 after the bound; then the offset (-200)
        // first, then the clawbacks in id order as far as they fit: -1,500 does not, -900 does not either
        assertEquals(List.of("l-1", "r-2"), gathered.items().stream().map(PayoutItem::entryId).toList());
        assertEquals(gbp(800), gathered.amount());
        assertInstanceOf(PayoutDecision.NothingOwed.class, PayoutDecision.gather("po-2", GBP, List.of(),
                reversals, Set.of(), Optional.empty()), "clawbacks alone are nothing to pay out");
        assertInstanceOf(PayoutDecision.NothingOwed.class, PayoutDecision.gather("po-3", Currency.getInstance("USD"),
                lines, reversals, Set.of(), Optional.empty()), "another currency is another payout");
    }

    @Test
    void a_refund_is_refused_beyond_what_is_left_of_the_payment_and_on_an_invoice_not_paid() {
        Invoice paid = invoice(InvoiceStatus.PAID, 10_000, 10_000, 0);
        Payment payment = payment(10_000);

        RefundDecision.Accepted part = assertInstanceOf(RefundDecision.Accepted.class,
                RefundDecision.decide(paid, payment, List.of(refund(4_000)), gbp(5_000)));
        assertEquals(gbp(1_000), part.keptOfPayment());
        assertEquals(InvoiceLifecycle.Transition.REFUND_PART, part.transition());
        RefundDecision.Refused tooMuch = assertInstanceOf(RefundDecision.Refused.class,
                RefundDecision.decide(paid, payment, List.of(refund(4_000)), gbp(6_001)));
        assertEquals(Reason.REFUND_EXCEEDS_PAYMENT, tooMuch.toException().reason());
        RefundDecision.Accepted all = assertInstanceOf(RefundDecision.Accepted.class,
                RefundDecision.decide(paid, payment, List.of(), gbp(10_000)));
        assertEquals(InvoiceLifecycle.Transition.REFUND_IN_FULL, all.transition());
        assertEquals(ErrorCode.VALIDATION_FAILED, ((RefundDecision.Refused) RefundDecision.decide(paid, payment,
                List.of(), Money.of(1, "USD"))).toException().code());
        assertEquals(Reason.INVALID_STATE_TRANSITION, ((RefundDecision.Refused) RefundDecision.decide(
                invoice(InvoiceStatus.REFUNDED, 10_000, 0, 0), payment, List.of(), gbp(1))).toException().reason());
    }

    @Test
    void a_credit_note_leaves_the_total_above_zero_and_needs_a_refund_exactly_when_paid_beyond_the_new_total() {
        assertEquals(Reason.REFUND_REQUIRED, refused(invoice(InvoiceStatus.PAID, 10_000, 10_000, 0), 1, false).reason());
        assertEquals(ErrorCode.VALIDATION_FAILED, refused(invoice(InvoiceStatus.ISSUED, 10_000, 0, 0), 1, true).code());
        assertEquals(Reason.CREDIT_EXCEEDS_BALANCE, refused(invoice(InvoiceStatus.ISSUED, 10_000, 0, 2_000), 8_000, false)
                .reason());
        assertEquals(Reason.INVALID_STATE_TRANSITION, refused(invoice(InvoiceStatus.DRAFT, 10_000, 0, 0), 1, false)
                .reason());

        CreditNoteDecision.Accepted withRefund = assertInstanceOf(CreditNoteDecision.Accepted.class,
                CreditNoteDecision.decide(invoice(InvoiceStatus.PAID, 10_000, 10_000, 0), gbp(3_000), true));
        assertEquals(Optional.of(gbp(3_000)), withRefund.refund());
        assertEquals(InvoiceStatus.PAID, withRefund.status());
        CreditNoteDecision.Accepted settles = assertInstanceOf(CreditNoteDecision.Accepted.class,
                CreditNoteDecision.decide(invoice(InvoiceStatus.PARTIALLY_PAID, 10_000, 6_000, 0), gbp(4_000), false));
        assertEquals(InvoiceStatus.PAID, settles.status());
        assertEquals(Optional.of(InvoiceLifecycle.Transition.CREDIT_SETTLES), settles.move());
        assertEquals(gbp(4_000), settles.credited());
    }

    private static BreakException refused(Invoice invoice, long amount, boolean withRefund) {
        return assertInstanceOf(CreditNoteDecision.Refused.class, CreditNoteDecision.decide(invoice, gbp(amount),
                withRefund)).toException();
    }

    @Test
    void reversals_take_each_beneficiary_to_its_share_of_what_is_kept_and_a_full_refund_to_zero() {
        CommissionLine talent = line("l-t", 8_001, CommissionStatus.PAID_OUT, AT);
        CommissionLine house = new CommissionLine("l-h", "pay-1", "inv-1", "deal-1", "t-1", Beneficiary.HOUSE, gbp(10_001),
                BigDecimal.ONE, "plan", gbp(2_000), CommissionStatus.PENDING_PAYOUT, AT);
        int[] next = {0};
        List<CommissionReversal> half = CommissionReversals.of(refund(5_000), List.of(talent, house), List.of(), 5_001,
                Set.of(), () -> "rev-" + next[0]++, AT);
        Map<Beneficiary, Long> kept = Map.of(TALENT, 8_001L, Beneficiary.HOUSE, 2_000L);
        long talentNet = 8_001 + half.stream().filter(r -> r.beneficiary().equals(TALENT)).mapToLong(r -> r.amount().minorUnits()).sum();
        assertEquals(LargestRemainder.allocate(5_001, kept).get(TALENT), talentNet);
        assertEquals(ReversalKind.CLAWBACK, half.stream().filter(r -> r.beneficiary().equals(TALENT)).findFirst()
                .orElseThrow().kind());
        assertEquals(ReversalKind.OFFSET, half.stream().filter(r -> r.beneficiary().equals(Beneficiary.HOUSE)).findFirst()
                .orElseThrow().kind());

        List<CommissionReversal> rest = CommissionReversals.of(refund(5_001), List.of(talent, house), half, 0, Set.of(),
                () -> "rev-" + next[0]++, AT);
        long net = 8_001 + 2_000 + half.stream().mapToLong(r -> r.amount().minorUnits()).sum()
                + rest.stream().mapToLong(r -> r.amount().minorUnits()).sum();
        assertEquals(0, net);
    }

    @Test
    void each_money_out_assertion_catches_what_it_names() {
        Payout payout = new Payout("po-1", TALENT, gbp(100), PayoutStatus.DRAFT, Optional.empty(), Optional.empty(),
                Optional.empty(), 1, AT, AT);
        List<PayoutItem> items = List.of(new PayoutItem("po-1", "l-1", PayoutEntryKind.LINE, gbp(150)),
                new PayoutItem("po-1", "r-1", PayoutEntryKind.REVERSAL, gbp(-50)));
        assertEquals(Optional.empty(), MoneyOutAssertions.PAYOUT_EQUALS_ITEMS.test(new MoneyOutAssertions.PayoutItems(payout, items)));
        assertTrue(MoneyOutAssertions.PAYOUT_EQUALS_ITEMS.test(new MoneyOutAssertions.PayoutItems(payout, items.subList(0, 1)))
                .isPresent());
        Payout negative = new Payout("po-2", TALENT, gbp(-1), PayoutStatus.DRAFT, Optional.empty(), Optional.empty(),
                Optional.empty(), 1, AT, AT);
        assertTrue(MoneyOutAssertions.PAYOUT_NOT_NEGATIVE.test(new MoneyOutAssertions.PayoutItems(negative, List.of()))
                .isPresent());
        assertTrue(MoneyOutAssertions.PAYOUT_ITEMS_IN_ITS_CURRENCY.test(new MoneyOutAssertions.PayoutItems(payout,
                List.of(new PayoutItem("po-1", "l-9", PayoutEntryKind.LINE, Money.of(100, "USD"))))).isPresent());
        MoneyOutAssertions.PaymentNet overRefunded = new MoneyOutAssertions.PaymentNet(payment(100),
                List.of(refund(60), refund(41)), List.of(), List.of());
        assertTrue(MoneyOutAssertions.REFUNDS_WITHIN_PAYMENT.test(overRefunded).isPresent());
        MoneyOutAssertions.PaymentNet drifted = new MoneyOutAssertions.PaymentNet(payment(100), List.of(refund(50)),
                List.of(line("l-1", 100, CommissionStatus.PENDING_PAYOUT, AT)), List.of(reversal("r-1", -49, ReversalKind.OFFSET)));
        assertTrue(MoneyOutAssertions.NET_LINES_EQUAL_KEPT.test(drifted).isPresent());
        BreakException broken = assertThrows(BreakException.class, () -> MoneyOutAssertions.require(
                MoneyOutAssertions.ON_REFUND, drifted));
        assertEquals(Reason.INVARIANT_BROKEN, broken.reason());
    }
}
