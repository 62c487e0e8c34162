package com.breakagency.core.finance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.core.BreakAgency;
import com.breakagency.core.TestAgencies;
import com.breakagency.ports.api.finance.ApprovePayout;
import com.breakagency.ports.api.finance.MarkPayoutPaid;
import com.breakagency.ports.api.finance.RefundPayment;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.model.finance.Beneficiary;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.CommissionStatus;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.Payment;
import com.breakagency.ports.model.finance.Payout;
import com.breakagency.ports.model.finance.PayoutStatus;
import com.breakagency.ports.model.finance.Refund;
import com.breakagency.testkit.AgencyFixture;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Any interleaving of duplicate refund and payout-paid calls from several threads at once — the same key, other
 * keys, the same provider or bank reference — ends with one refund and one payout transition: one refund row,
 * one set of reversals, one PAYOUT_MARKED_PAID, every key naming what its first call made, and the books exact.
 */
class DuplicateRefundAndPayoutProperties {

    private static final long TOTAL = 100_000;
    private static final long REFUND = 30_000;
    private static ExecutorService threads;

    @BeforeContainer
    static void startThreads() {
        threads = Executors.newFixedThreadPool(4);
    }

    @AfterContainer
    static void stopThreads() {
        threads.shutdownNow();
    }

    /**
     * One call.
     *
     * @param refund true for a refund of the payment, false for marking the payout paid
     * @param key    the idempotency key
     * @param day    which day the call names (another day with a used key is other parameters)
     */
    record Attempt(boolean refund, String key, int day) {
    }

    @Provide
    Arbitrary<List<Attempt>> attempts() {
        Arbitrary<Attempt> one = Combinators.combine(Arbitraries.of(true, false), Arbitraries.of("k0", "k1", "k2"),
                Arbitraries.integers().between(1, 2)).as(Attempt::new);
        return one.list().ofMinSize(2).ofMaxSize(10);
    }

    @Property(tries = 120)
    void duplicate_refunds_and_payout_payments_in_any_interleaving_make_one_refund_and_one_payout_transition(
            @ForAll("attempts") List<Attempt> attempts) throws Exception {
        try (AgencyFixture<BreakAgency> world = TestAgencies.inMemory()) {
            Talent talent = world.aTalentManagedBy("agent-3");
            Invoice invoice = world.anIssuedInvoice(talent, Money.of(TOTAL, "GBP"));
            Payment payment = world.pay(invoice, TOTAL).payment();
            Payout payout = world.finance().approvePayout(AgencyFixture.aFinanceUser(),
                    ApprovePayout.of(world.aPayout(Beneficiary.agent("agent-3"), "GBP")));
            CountDownLatch start = new CountDownLatch(1);
            Map<String, String> refundByKey = new ConcurrentHashMap<>();
            List<Future<String>> outcomes = new ArrayList<>();
            for (Attempt a : attempts) {
                outcomes.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    try {
                        if (a.refund()) {
                            var r = world.finance().refundPayment(AgencyFixture.aFinanceUser(), RefundPayment.of(
                                    payment.id(), Money.of(REFUND, "GBP"), LocalDate.of(2026, 1, a.day()), "provider-refund-1")
                                    .withIdempotencyKey(a.key()));
                            String previous = refundByKey.putIfAbsent(a.key(), r.refund().id());
                            assertTrue(previous == null || previous.equals(r.refund().id()), "a key names one refund");
                            return r.replayed() ? "replay" : "done";
                        }
                        Payout p = world.finance().markPayoutPaid(AgencyFixture.aFinanceUser(), MarkPayoutPaid.of(
                                payout.id(), LocalDate.of(2026, 1, a.day()), "bank-transfer-1").withIdempotencyKey("p" + a.key()));
                        assertEquals(PayoutStatus.PAID, p.status());
                        return "done";
                    } catch (BreakException e) {
                        return e.code() + "/" + e.reason();
                    }
                }));
            }
            start.countDown();
            boolean anyRefund = false;
            boolean anyPaid = false;
            for (int i = 0; i < outcomes.size(); i++) {
                String outcome = outcomes.get(i).get(60, TimeUnit.SECONDS);
                assertTrue(outcome.equals("done") || outcome.equals("replay") || outcome.startsWith(ErrorCode.CONFLICT + "/"),
                        outcome);
                anyRefund |= attempts.get(i).refund();
                anyPaid |= !attempts.get(i).refund();
            }

            List<Refund> refunds = world.stores().refunds().byPayment(payment.id());
            assertEquals(anyRefund ? 1 : 0, refunds.size(), "one refund for one provider reference");
            refundByKey.values().forEach(id -> assertEquals(refunds.get(0).id(), id));
            assertEquals(anyPaid ? 1 : 0, world.auditEvents(AuditAction.PAYOUT_MARKED_PAID).size(),
                    "one payout transition");
            assertEquals(anyRefund ? 1 : 0, world.auditEvents(AuditAction.PAYMENT_REFUNDED).size());
            Payout after = world.stores().payouts().findById(payout.id()).orElseThrow();
            assertEquals(anyPaid ? PayoutStatus.PAID : PayoutStatus.APPROVED, after.status());
            List<CommissionLine> lines = world.stores().commissions().byPayment(payment.id());
            CommissionLine agentLine = lines.stream().filter(l -> l.beneficiary().equals(Beneficiary.agent("agent-3")))
                    .findFirst().orElseThrow();
            assertEquals(anyPaid ? CommissionStatus.PAID_OUT : CommissionStatus.PENDING_PAYOUT, agentLine.status());
            long net = lines.stream().mapToLong(l -> l.amount().minorUnits()).sum() + world.stores().refunds()
                    .reversalsByPayment(payment.id()).stream().mapToLong(r -> r.amount().minorUnits()).sum();
            assertEquals(TOTAL - (anyRefund ? REFUND : 0), net, "the lines net to what was kept");
            assertEquals(TOTAL - (anyRefund ? REFUND : 0), world.reload(invoice).paid().minorUnits());
        }
    }
}
