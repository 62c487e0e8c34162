package com.breakagency.core.finance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.breakagency.core.BreakAgency;
import com.breakagency.core.TestAgencies;
import com.breakagency.ports.api.finance.ApprovePayout;
import com.breakagency.ports.api.finance.CancelPayout;
import com.breakagency.ports.api.finance.CreatePayout;
import com.breakagency.ports.api.finance.FinanceTotals;
import com.breakagency.ports.api.finance.IssueCreditNote;
import com.breakagency.ports.api.finance.MarkPayoutPaid;
import com.breakagency.ports.api.finance.PayoutStatement;
import com.breakagency.ports.api.finance.PayoutStatementQuery;
import com.breakagency.ports.api.finance.RefundPayment;
import com.breakagency.ports.api.finance.RefundResult;
import com.breakagency.ports.api.finance.TotalsQuery;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.crm.DealStage;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.model.finance.Beneficiary;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.CommissionReversal;
import com.breakagency.ports.model.finance.CommissionStatus;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.InvoiceStatus;
import com.breakagency.ports.model.finance.Payment;
import com.breakagency.ports.model.finance.Payout;
import com.breakagency.ports.model.finance.PayoutItem;
import com.breakagency.ports.model.finance.PayoutStatus;
import com.breakagency.ports.model.finance.ReversalKind;
import com.breakagency.testkit.AgencyFixture;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Money going out, step by step: a payment, the talent's payout, a refund after it (a clawback for the talent,
 * offsets for the agent and the house), the next payout deducting the clawback, the statement showing each step,
 * and the paid payout never changing. Then credit notes, cancellations and the totals.
 */
class ClawbackTest {

    private static final String AGENT = "agent-kim";

    @Test
    void a_refund_after_the_payout_is_clawed_back_from_the_next_payout_and_the_statement_shows_each_step() {
        try (AgencyFixture<BreakAgency> world = TestAgencies.inMemory()) {
            Talent talent = world.aTalentManagedBy(AGENT);
            Beneficiary who = Beneficiary.talent(talent.id());
            Instant start = world.clock().instant();
            Invoice invoice = world.anIssuedInvoice(talent, Money.of(100_000, "GBP"));
            Payment payment = world.payInFull(invoice).payment();
            Payout first = world.aPaidPayout(who, "GBP");
            assertEquals(Money.of(80_000, "GBP"), first.amount());
            List<PayoutItem> firstItems = world.stores().payouts().items(first.id());
            List<CommissionLine> paidLines = world.stores().commissions().byPayment(payment.id());

            RefundResult refund = world.finance().refundPayment(AgencyFixture.aFinanceUser(),
                    RefundPayment.of(payment.id(), Money.of(50_000, "GBP"), world.today(), "refund-1"));

            assertEquals(InvoiceStatus.PARTIALLY_PAID, refund.invoice().status());
            assertEquals(Money.of(50_000, "GBP"), refund.invoice().paid());
            assertEquals(DealStage.PAYMENT_PENDING, world.stores().deals().findById(invoice.dealId()).orElseThrow().stage(),
                    "the deal leaves PAYMENT_RECEIVED");
            Map<Beneficiary, CommissionReversal> byWho = new java.util.HashMap<>();
            refund.reversals().forEach(r -> byWho.put(r.beneficiary(), r));
            assertEquals(Money.of(-40_000, "GBP"), byWho.get(who).amount());
            assertEquals(ReversalKind.CLAWBACK, byWho.get(who).kind());
            assertEquals(ReversalKind.OFFSET, byWho.get(Beneficiary.agent(AGENT)).kind());
            assertEquals(Money.of(-2_500, "GBP"), byWho.get(Beneficiary.agent(AGENT)).amount());
            assertEquals(Money.of(-7_500, "GBP"), byWho.get(Beneficiary.HOUSE).amount());

            // the next payout: the new lines are too small for the clawback, so it waits and shows as owed
            Invoice second = world.anIssuedInvoice(talent, Money.of(25_000, "GBP"));
            world.payInFull(second);
            Payout small = world.aPaidPayout(who, "GBP");
            assertEquals(Money.of(20_000, "GBP"), small.amount(), "a payout never goes below zero");
            Invoice third = world.anIssuedInvoice(talent, Money.of(75_000, "GBP"));
            world.payInFull(third);
            Payout deducted = world.aPaidPayout(who, "GBP");
            assertEquals(Money.of(60_000 - 40_000, "GBP"), deducted.amount(), "the clawback is deducted");
            assertEquals(CommissionStatus.PAID_OUT, world.stores().refunds().reversalsByPayment(payment.id()).stream()
                    .filter(r -> r.beneficiary().equals(who)).findFirst().orElseThrow().status());

            assertEquals(first, world.stores().payouts().findById(first.id()).orElseThrow(), "the paid payout is unchanged");
            assertEquals(firstItems, world.stores().payouts().items(first.id()));
            assertEquals(paidLines, world.stores().commissions().byPayment(payment.id()), "its lines are unchanged");

            PayoutStatement statement = world.finance().payoutStatement(AgencyFixture.aTalentUser(talent.id()),
                    PayoutStatementQuery.forTalent(talent.id(), start, world.clock().instant().plusSeconds(1)));
            PayoutStatement.Balance gbp = statement.balances().get("GBP");
            assertEquals(Money.zero(gbp.opening().currency()), gbp.opening());
            assertEquals(Money.of(80_000 + 20_000 + 60_000, "GBP"), gbp.earned());
            assertEquals(Money.of(-40_000, "GBP"), gbp.reversed());
            assertEquals(Money.of(80_000 + 20_000 + 20_000, "GBP"), gbp.paidOut());
            assertEquals(Money.zero(gbp.opening().currency()), gbp.closing());
            assertEquals(3, statement.lines().size());
            assertEquals(1, statement.reversals().size());
            assertEquals(List.of(first.id(), small.id(), deducted.id()), statement.payouts().stream().map(Payout::id).toList());
        }
    }

    @Test
    void a_full_refund_nets_every_beneficiary_to_zero_and_the_invoice_is_refunded() {
        try (AgencyFixture<BreakAgency> world = TestAgencies.inMemory()) {
            Talent talent = world.aTalentManagedBy(AGENT);
            Invoice invoice = world.anIssuedInvoice(talent, Money.of(33_333, "GBP"));
            Payment payment = world.payInFull(invoice).payment();
            world.refund(payment, 10_001);

            RefundResult rest = world.refund(payment, 23_332);

            assertEquals(InvoiceStatus.REFUNDED, rest.invoice().status());
            Map<Beneficiary, Long> net = new java.util.HashMap<>();
            world.stores().commissions().byPayment(payment.id()).forEach(l -> net.merge(l.beneficiary(), l.amount().minorUnits(), Long::sum));
            world.stores().refunds().reversalsByPayment(payment.id()).forEach(r -> net.merge(r.beneficiary(), r.amount().minorUnits(), Long::sum));
            net.values().forEach(v -> assertEquals(0L, v));
            BreakException more = assertThrows(BreakException.class, () -> world.refund(payment, 1));
            assertEquals(ErrorCode.CONFLICT, more.code());
        }
    }

    @Test
    void more_than_is_left_of_a_payment_is_refused_and_nothing_is_written() {
        try (AgencyFixture<BreakAgency> world = TestAgencies.inMemory()) {
            Invoice invoice = world.anIssuedInvoice(world.aTalentManagedBy(AGENT), Money.of(10_000, "GBP"));
            Payment payment = world.pay(invoice, 4_000).payment();
            AgencyFixture.Written before = world.written();

            BreakException refused = assertThrows(BreakException.class, () -> world.refund(payment, 4_001));

            assertEquals(Reason.REFUND_EXCEEDS_PAYMENT, refused.reason());
            assertEquals(before, world.written());
        }
    }

    @Test
    void a_credit_note_on_a_paid_invoice_needs_its_refund_and_both_happen_together() {
        try (AgencyFixture<BreakAgency> world = TestAgencies.inMemory()) {
            Invoice invoice = world.anIssuedInvoice(world.aTalentManagedBy(AGENT), Money.of(100_000, "GBP"));
            Payment payment = world.payInFull(invoice).payment();
            IssueCreditNote note = IssueCreditNote.of(invoice.id(), Money.of(10_000, "GBP"), "one post fewer", "credit-1");

            BreakException refused = assertThrows(BreakException.class,
                    () -> world.finance().issueCreditNote(AgencyFixture.aFinanceUser(), note));
            assertEquals(Reason.REFUND_REQUIRED, refused.reason());

            var result = world.finance().issueCreditNote(AgencyFixture.aFinanceUser(),
                    note.withRefund(payment.id(), "refund-for-credit-1", world.today()));
            assertEquals(1, result.creditNote().number());
            assertEquals(Money.of(10_000, "GBP"), result.refund().orElseThrow().refund().amount());
            assertEquals(InvoiceStatus.PAID, result.invoice().status());
            assertEquals(Money.of(100_000, "GBP"), result.invoice().total(), "the invoice's total is never edited");
            assertEquals(Money.of(90_000, "GBP"), result.invoice().netTotal());
            assertEquals(Money.of(90_000, "GBP"), result.invoice().paid());
            var replay = world.finance().issueCreditNote(AgencyFixture.aFinanceUser(),
                    note.withRefund(payment.id(), "refund-for-credit-1", world.today()));
            assertEquals(true, replay.replayed());
            assertEquals(result.creditNote(), replay.creditNote());
            Invoice other = world.anIssuedInvoice(world.aTalentManagedBy(AGENT), Money.of(5_000, "GBP"));
            assertEquals(2, world.finance().issueCreditNote(AgencyFixture.aFinanceUser(),
                    IssueCreditNote.of(other.id(), Money.of(1_000, "GBP"), "typo", "credit-2")).creditNote().number(),
                    "credit notes are numbered in their own sequence");
        }
    }

    @Test
    void a_cancelled_payout_frees_its_lines_and_a_paid_one_cannot_be_cancelled() {
        try (AgencyFixture<BreakAgency> world = TestAgencies.inMemory()) {
            Talent talent = world.aTalentManagedBy(AGENT);
            world.payInFull(world.anIssuedInvoice(talent, Money.of(10_000, "GBP")));
            Beneficiary who = Beneficiary.talent(talent.id());
            Payout draft = world.aPayout(who, "GBP");
            BreakException nothing = assertThrows(BreakException.class, () -> world.aPayout(who, "GBP"));
            assertEquals(Reason.NOTHING_TO_PAY_OUT, nothing.reason());

            Payout cancelled = world.finance().cancelPayout(AgencyFixture.aFinanceUser(), CancelPayout.of(draft, "wrong month"));
            assertEquals(PayoutStatus.CANCELLED, cancelled.status());
            Payout again = world.aPaidPayout(who, "GBP");
            assertEquals(draft.amount(), again.amount());
            BreakException late = assertThrows(BreakException.class, () -> world.finance().cancelPayout(
                    AgencyFixture.aFinanceUser(), CancelPayout.of(again, "too late")));
            assertEquals(Reason.INVALID_STATE_TRANSITION, late.reason());
            BreakException unapproved = assertThrows(BreakException.class, () -> world.finance().markPayoutPaid(
                    AgencyFixture.aFinanceUser(), MarkPayoutPaid.of(cancelled.id(), world.today(), "transfer-x")));
            assertEquals(Reason.INVALID_STATE_TRANSITION, unapproved.reason());
            BreakException reused = assertThrows(BreakException.class, () -> world.finance().markPayoutPaid(
                    AgencyFixture.aFinanceUser(), MarkPayoutPaid.of(again.id(), world.today().plusDays(1), "t")
                            .withIdempotencyKey(again.externalReference().orElseThrow())));
            assertEquals(Reason.IDEMPOTENCY_KEY_REUSED, reused.reason());
        }
    }

    @Test
    void the_totals_show_cash_out_commissions_owed_and_paid_refunds_and_credit_notes_per_currency() {
        try (AgencyFixture<BreakAgency> world = TestAgencies.inMemory()) {
            Talent talent = world.aTalentManagedBy(AGENT);
            Payment gbp = world.payInFull(world.anIssuedInvoice(talent, Money.of(100_000, "GBP"))).payment();
            world.payInFull(world.anIssuedInvoice(talent, Money.of(50_000, "USD")));
            world.aPaidPayout(Beneficiary.talent(talent.id()), "GBP");
            world.refund(gbp, 10_000);
            Invoice open = world.anIssuedInvoice(talent, Money.of(7_000, "USD"));
            world.finance().issueCreditNote(AgencyFixture.aFinanceUser(),
                    IssueCreditNote.of(open.id(), Money.of(700, "USD"), "discount", "credit-usd"));
            LocalDate today = world.today();

            FinanceTotals totals = world.finance().totals(AgencyFixture.aFinanceUser(),
                    new TotalsQuery(today.minusDays(1), today.plusDays(1)));

            assertEquals(Money.of(80_000, "GBP"), totals.commissionsPaid().get("GBP"));
            assertEquals(Money.of(90_000, "GBP"), totals.cashOut().get("GBP"), "payouts plus refunds");
            assertEquals(Money.of(10_000, "GBP"), totals.refunds().get("GBP"));
            // owed in GBP: the agent's 5,000 less its 500 offset, and the talent's 8,000 clawback
            assertEquals(Money.of(5_000 - 500 - 8_000, "GBP"), totals.commissionsOwed().get("GBP"));
            assertEquals(Money.of(40_000 + 2_500, "USD"), totals.commissionsOwed().get("USD"));
            assertEquals(Map.of("USD", Money.of(700, "USD")), totals.creditNotes());
            assertEquals(null, totals.cashOut().get("USD"), "currencies are never added together");
            assertEquals(Money.of(6_300, "USD"), totals.receivables().get("USD"));
        }
    }
}
