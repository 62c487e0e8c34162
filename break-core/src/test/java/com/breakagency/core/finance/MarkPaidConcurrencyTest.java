package com.breakagency.core.finance;

import com.breakagency.testkit.AgencyFixture;
import com.breakagency.core.TestAgencies;
import com.breakagency.core.BreakAgency;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.ports.api.finance.PaymentResult;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.InvoiceStatus;
import com.breakagency.ports.model.finance.Payment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;

class MarkPaidConcurrencyTest {

    @RepeatedTest(5)
    void thirty_two_threads_marking_one_invoice_paid_create_one_payment_and_one_commission_set() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(32);
        try (AgencyFixture<BreakAgency> world = TestAgencies.inMemory()) {
            Invoice invoice = world.anIssuedInvoice(100_000, "GBP");
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> outcomes = new ArrayList<>();
            Map<String, PaymentResult> successes = new ConcurrentHashMap<>();
            AtomicInteger replays = new AtomicInteger();
            for (int t = 0; t < 32; t++) {
                // half retry one request (same key), half are separate requests for the same bank transaction
                String key = t % 2 == 0 ? "key-shared" : "key-" + t;
                String reference = t % 2 == 0 ? "bank-tx-1" : "bank-tx-" + (t % 4);
                outcomes.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    try {
                        PaymentResult r = world.agency().finance().markInvoicePaid(AgencyFixture.aFinanceUser(),
                                world.aFullPayment(invoice, reference, key));
                        if (r.replayed()) {
                            replays.incrementAndGet();
                        } else {
                            successes.put(r.payment().id(), r);
                        }
                        return r.replayed() ? "replay" : "paid";
                    } catch (BreakException e) {
                        return e.code() + "/" + e.reason();
                    }
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> f : outcomes) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            assertEquals(1, successes.size(), results::toString);
            for (String r : results) {
                assertTrue(r.equals("paid") || r.equals("replay") || r.startsWith(ErrorCode.CONFLICT.name()), r);
            }
            List<Payment> payments = world.stores().payments().byInvoice(invoice.id());
            assertEquals(1, payments.size());
            List<CommissionLine> lines = world.stores().commissions().byInvoice(invoice.id());
            assertEquals(3, lines.size(), "one line each for talent, house and managing agent");
            assertEquals(100_000, lines.stream().mapToLong(l -> l.amount().minorUnits()).sum());
            assertEquals(1, world.auditEventsOf(AuditAction.INVOICE_MARKED_PAID, EntityType.INVOICE, invoice.id()).size());
            assertEquals(3, world.auditEventsOf(AuditAction.COMMISSION_CREATED, EntityType.INVOICE, invoice.id()).size());
            assertEquals(InvoiceStatus.PAID, world.stores().invoices().findById(invoice.id()).orElseThrow().status());
            assertTrue(world.reports().reports().isEmpty(), "nothing worth reporting happened");
        } finally {
            threads.shutdownNow();
        }
    }
}
