package com.breakagency.core.finance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.core.BreakAgency;
import com.breakagency.core.TestAgencies;
import com.breakagency.ports.api.finance.ApprovePayout;
import com.breakagency.ports.api.finance.CreatePayout;
import com.breakagency.ports.api.finance.IssueCreditNote;
import com.breakagency.ports.api.finance.MarkPayoutPaid;
import com.breakagency.ports.api.finance.RefundPayment;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.model.finance.Beneficiary;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.CommissionReversal;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.InvoiceStatus;
import com.breakagency.ports.model.finance.Payment;
import com.breakagency.ports.model.finance.Payout;
import com.breakagency.ports.model.finance.PayoutItem;
import com.breakagency.ports.model.finance.PayoutStatus;
import com.breakagency.ports.model.finance.Refund;
import com.breakagency.ports.spi.Payouts;
import com.breakagency.testkit.AgencyFixture;
import com.breakagency.testkit.Fixtures;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For any sequence of payments, partial and full refunds, credit notes and payouts on an invoice, the books stay
 * exact to the minor unit: each beneficiary's net on each payment (its line plus the line's reversals) is exactly
 * its largest-remainder share of what the brand kept of that payment, so a fully refunded payment nets everyone to
 * zero; the nets of all beneficiaries add up to what the invoice kept; no payout is negative and every payout is
 * the sum of its lines.
 */
class MoneyOutProperties {

    /** One step: what kind, and a fraction (0..1000 per mille) that sizes it against what is possible. */
    record Step(Kind kind, int perMille) {
    }

    enum Kind { PAY, REFUND_PART, REFUND_ALL, CREDIT, PAYOUT_TALENT, PAYOUT_AGENT }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(1, 1000)).as(Step::new)
                .list().ofMinSize(1).ofMaxSize(14);
    }

    @Property(tries = 200)
    void every_beneficiary_nets_exactly_its_share_of_what_was_kept_and_every_payout_is_its_lines(
            @ForAll("steps") List<Step> steps, @ForAll("totals") long total) {
        try (AgencyFixture<BreakAgency> world = TestAgencies.inMemory()) {
            Talent talent = world.aTalentManagedBy("agent-7");
            Invoice invoice = world.anIssuedInvoice(talent, Money.of(total, "GBP"));
            int n = 0;
            for (Step step : steps) {
                n++;
                Invoice now = world.reload(invoice);
                try {
                    run(world, talent, now, step, n);
                } catch (BreakException refused) {
                    assertTrue(refused.code() == ErrorCode.CONFLICT, () -> step + ": " + refused.code() + "/" + refused.reason());
                }
                check(world, invoice, talent);
            }
        }
    }

    @Provide
    Arbitrary<Long> totals() {
        return Arbitraries.longs().between(1, 2_000_000);
    }

    private static void run(AgencyFixture<BreakAgency> world, Talent talent, Invoice invoice, Step step, int n) {
        long outstanding = invoice.outstanding().minorUnits();
        switch (step.kind()) {
            case PAY -> {
                if (outstanding > 0 && invoice.status().isOpen()) {
                    world.pay(invoice, Math.max(1, outstanding * step.perMille() / 1000));
                }
            }
            case REFUND_PART, REFUND_ALL -> {
                List<Payment> payments = world.stores().payments().byInvoice(invoice.id());
                if (payments.isEmpty()) {
                    return;
                }
                Payment payment = payments.get(step.perMille() % payments.size());
                long left = payment.amount().minorUnits() - world.stores().refunds().byPayment(payment.id()).stream()
                        .mapToLong(r -> r.amount().minorUnits()).sum();
                if (left <= 0) {
                    return;
                }
                long amount = step.kind() == Kind.REFUND_ALL ? left : Math.max(1, left * step.perMille() / 1000);
                world.finance().refundPayment(AgencyFixture.aFinanceUser(), RefundPayment.of(payment.id(),
                        Money.of(amount, "GBP"), world.today(), "refund-" + n));
            }
            case CREDIT -> {
                long net = invoice.netTotal().minorUnits();
                long amount = Math.max(1, (net - 1) * step.perMille() / 1000);
                if (net <= 1) {
                    return;
                }
                long newNet = net - amount;
                long excess = invoice.paid().minorUnits() - newNet;
                IssueCreditNote command = IssueCreditNote.of(invoice.id(), Money.of(amount, "GBP"), "a correction",
                        "credit-" + n);
                if (excess > 0) {
                    Optional<Payment> refundable = world.stores().payments().byInvoice(invoice.id()).stream()
                            .filter(p -> left(world, p) >= excess).findFirst();
                    if (refundable.isEmpty()) {
                        return;
                    }
                    command = command.withRefund(refundable.get().id(), "credit-refund-" + n, world.today());
                }
                world.finance().issueCreditNote(AgencyFixture.aFinanceUser(), command);
            }
            case PAYOUT_TALENT, PAYOUT_AGENT -> {
                Beneficiary who = step.kind() == Kind.PAYOUT_TALENT ? Beneficiary.talent(talent.id())
                        : Beneficiary.agent("agent-7");
                Payout payout = world.finance().createPayout(AgencyFixture.aFinanceUser(),
                        new CreatePayout(who.kind(), who.id(), "GBP", null));
                if (step.perMille() % 3 == 0) {
                    return;
                }
                Payout approved = world.finance().approvePayout(AgencyFixture.aFinanceUser(), ApprovePayout.of(payout));
                world.finance().markPayoutPaid(AgencyFixture.aFinanceUser(),
                        MarkPayoutPaid.of(approved.id(), LocalDate.of(2026, 2, 1), Fixtures.aBankReference()));
            }
        }
    }

    private static long left(AgencyFixture<BreakAgency> world, Payment p) {
        return p.amount().minorUnits() - world.stores().refunds().byPayment(p.id()).stream()
                .mapToLong(r -> r.amount().minorUnits()).sum();
    }

    private static void check(AgencyFixture<BreakAgency> world, Invoice original, Talent talent) {
        Invoice invoice = world.reload(original);
        List<Payment> payments = world.stores().payments().byInvoice(invoice.id());
        long keptOnInvoice = 0;
        for (Payment payment : payments) {
            long kept = left(world, payment);
            assertTrue(kept >= 0, "no payment is refunded beyond itself");
            keptOnInvoice += kept;
            List<CommissionLine> lines = world.stores().commissions().byPayment(payment.id());
            List<CommissionReversal> reversals = world.stores().refunds().reversalsByPayment(payment.id());
            SortedMap<Beneficiary, Long> weights = new TreeMap<>();
            Map<Beneficiary, Long> net = new HashMap<>();
            for (CommissionLine line : lines) {
                weights.put(line.beneficiary(), line.amount().minorUnits());
                net.merge(line.beneficiary(), line.amount().minorUnits(), Long::sum);
            }
            for (CommissionReversal r : reversals) {
                net.merge(r.beneficiary(), r.amount().minorUnits(), Long::sum);
            }
            SortedMap<Beneficiary, Long> share = LargestRemainder.allocate(kept, weights);
            for (Beneficiary b : weights.keySet()) {
                assertEquals(share.get(b), net.get(b), () -> b + " nets its share of the " + kept + " kept of " + payment.amount());
            }
            if (kept == 0) {
                net.values().forEach(v -> assertEquals(0L, v, "a fully refunded payment nets everyone to zero"));
            }
        }
        assertEquals(keptOnInvoice, invoice.paid().minorUnits(), "the invoice's paid figure is what it kept");
        assertTrue(invoice.paid().minorUnits() <= invoice.netTotal().minorUnits());
        if (!payments.isEmpty() && keptOnInvoice == 0) {
            assertEquals(InvoiceStatus.REFUNDED, invoice.status());
        }
        for (Payout payout : world.stores().payouts().list(Payouts.Query.ALL, Optional.empty(), Integer.MAX_VALUE)) {
            assertFalse(payout.amount().isNegative(), "no payout is negative");
            List<PayoutItem> items = world.stores().payouts().items(payout.id());
            assertEquals(payout.amount().minorUnits(), items.stream().mapToLong(i -> i.amount().minorUnits()).sum(),
                    "a payout is the sum of its lines");
            if (payout.status() == PayoutStatus.PAID) {
                for (PayoutItem item : items) {
                    boolean paidOut = world.stores().commissions().byInvoice(invoice.id()).stream()
                            .anyMatch(l -> l.id().equals(item.entryId()) && l.status().name().equals("PAID_OUT"))
                            || world.stores().refunds().reversalsByInvoice(invoice.id()).stream()
                            .anyMatch(r -> r.id().equals(item.entryId()) && r.status().name().equals("PAID_OUT"));
                    assertTrue(paidOut, "every line of a paid payout is PAID_OUT");
                }
            }
        }
        List<Refund> refunds = world.stores().refunds().byInvoice(invoice.id());
        assertEquals(refunds.size(), refunds.stream().map(Refund::externalReference).distinct().count());
    }
}
