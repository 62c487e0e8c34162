package com.breakagency.core.finance;

import com.breakagency.testkit.AgencyFixture;
import com.breakagency.core.TestAgencies;
import com.breakagency.core.BreakAgency;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.ports.api.finance.PaymentResult;
import com.breakagency.ports.api.finance.RecordPayment;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.finance.Beneficiary;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.CommissionPlan;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.InvoiceStatus;
import com.breakagency.ports.model.finance.Payment;
import com.breakagency.ports.model.finance.PaymentSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Any interleaving of duplicate payment calls — same key, different keys, the same external reference,
 * full and partial amounts — from several threads at once ends with one payment per external reference,
 * one allocation per payment, and the books in agreement.
 */
class DuplicatePaymentProperties {

    private static final long TOTAL = 100_000;
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
     * One call: a full payment (amount 0 here) or a partial one, under a key, for a bank reference.
     *
     * @param key       the idempotency key
     * @param reference the external reference
     * @param amount    0 for mark-paid, else the partial amount
     */
    record Attempt(String key, String reference, long amount) {
    }

    @Provide
    Arbitrary<List<Attempt>> attempts() {
        Arbitrary<Attempt> one = Combinators.combine(Arbitraries.of("k0", "k1", "k2", "k3"),
                Arbitraries.of("r0", "r1", "r2"),
                Arbitraries.oneOf(Arbitraries.just(0L), Arbitraries.longs().between(1, TOTAL))).as(Attempt::new);
        return one.list().ofMinSize(2).ofMaxSize(12);
    }

    @Property(tries = 150)
    void duplicate_payment_calls_in_any_interleaving_leave_one_payment_per_reference_and_one_allocation_per_payment(
            @ForAll("attempts") List<Attempt> attempts) throws Exception {
        try (AgencyFixture<BreakAgency> world = TestAgencies.inMemory()) {
            Invoice invoice = world.anIssuedInvoice(TOTAL, "GBP");
            CountDownLatch start = new CountDownLatch(1);
            Map<String, String> paymentByKey = new ConcurrentHashMap<>();
            List<Future<String>> outcomes = new ArrayList<>();
            for (Attempt a : attempts) {
                outcomes.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    try {
                        PaymentResult r = a.amount() == 0
                                ? world.agency().finance().markInvoicePaid(AgencyFixture.aFinanceUser(),
                                        world.aFullPayment(invoice, a.reference(), a.key()))
                                : world.agency().finance().recordPayment(AgencyFixture.aFinanceUser(), RecordPayment.of(invoice.id(), Money.of(a.amount(), "GBP"), LocalDate.of(2026, 1, 6), a.reference()).withIdempotencyKey(a.key()).via(PaymentSource.BANK_FEED));
                        String previous = paymentByKey.putIfAbsent(a.key(), r.payment().id());
                        if (previous != null) {
                            assertEquals(previous, r.payment().id(), "a key always names the same payment");
                        }
                        return r.replayed() ? "replay" : "paid";
                    } catch (BreakException e) {
                        return e.code() + "/" + e.reason();
                    }
                }));
            }
            start.countDown();
            for (Future<String> f : outcomes) {
                String outcome = f.get(60, TimeUnit.SECONDS);
                assertTrue(outcome.equals("paid") || outcome.equals("replay") || outcome.startsWith("CONFLICT/")
                        || outcome.startsWith("VALIDATION_FAILED/"), outcome);
                assertNotEquals(ErrorCode.UNHANDLED_ERROR.name(), outcome.split("/")[0]);
            }

            Invoice after = world.stores().invoices().findById(invoice.id()).orElseThrow();
            List<Payment> payments = world.stores().payments().byInvoice(invoice.id());
            Map<String, Long> perReference = payments.stream()
                    .collect(Collectors.groupingBy(Payment::externalReference, Collectors.counting()));
            perReference.values().forEach(n -> assertEquals(1L, n, "one payment per external reference"));
            long paid = payments.stream().mapToLong(p -> p.amount().minorUnits()).sum();
            assertEquals(paid, after.paid().minorUnits());
            assertTrue(paid <= TOTAL);
            assertEquals(paid == TOTAL ? InvoiceStatus.PAID : paid == 0 ? InvoiceStatus.ISSUED : InvoiceStatus.PARTIALLY_PAID,
                    after.status());
            Map<Beneficiary, Long> perBeneficiary = new HashMap<>();
            for (Payment payment : payments) {
                List<CommissionLine> lines = world.stores().commissions().byPayment(payment.id());
                Set<Beneficiary> beneficiaries = lines.stream().map(CommissionLine::beneficiary).collect(Collectors.toSet());
                assertEquals(lines.size(), beneficiaries.size(), "one line per beneficiary per payment");
                assertEquals(payment.amount().minorUnits(), lines.stream().mapToLong(l -> l.amount().minorUnits()).sum());
                lines.forEach(l -> perBeneficiary.merge(l.beneficiary(), l.amount().minorUnits(), Long::sum));
            }
            if (paid == TOTAL) {
                Map<Beneficiary, Long> expected = Allocation.finalShares(TOTAL,
                        CommissionSplit.of(CommissionPlan.AGENCY_DEFAULT, world.stores().talents().findById(invoice.talentId()).orElseThrow()).weights());
                assertEquals(expected, perBeneficiary, "fully paid: every beneficiary has exactly its share");
            }
            assertEquals(Set.copyOf(paymentByKey.values()), payments.stream().map(Payment::id).collect(Collectors.toSet()),
                    "every payment belongs to exactly the key that made it");
        }
    }
}
