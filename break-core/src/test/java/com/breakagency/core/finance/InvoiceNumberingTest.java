package com.breakagency.core.finance;

import com.breakagency.testkit.AgencyFixture;
import com.breakagency.testkit.ForwardingPersistence;
import com.breakagency.core.TestAgencies;
import com.breakagency.core.BreakAgency;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.ports.api.finance.IssueInvoice;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.InvoiceStatus;
import com.breakagency.ports.spi.Activities;
import com.breakagency.ports.spi.AuditLog;
import com.breakagency.ports.spi.Brands;
import com.breakagency.ports.spi.CommissionPlans;
import com.breakagency.ports.spi.Commissions;
import com.breakagency.ports.spi.Contacts;
import com.breakagency.ports.spi.Deals;
import com.breakagency.ports.spi.IdempotencyKeys;
import com.breakagency.ports.spi.Invoices;
import com.breakagency.ports.spi.Payments;
import com.breakagency.ports.spi.Persistence;
import com.breakagency.ports.spi.Talents;
import com.breakagency.ports.spi.Transactions;
import com.breakagency.ports.spi.WorkQueue;
import com.breakagency.testkit.InMemoryPersistence;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Invoice numbers are unique and gapless: concurrent issues share out 1..n, and a failed issue takes no number. */
class InvoiceNumberingTest {

    private static final int INVOICES = 100;
    private static final int THREADS = 8;

    @Test
    void a_hundred_drafts_issued_from_eight_threads_at_once_get_the_numbers_one_to_a_hundred() throws Exception {
        try (AgencyFixture<BreakAgency> books = TestAgencies.inMemory()) {
            ConcurrentLinkedQueue<Invoice> drafts = new ConcurrentLinkedQueue<>();
            for (int i = 0; i < INVOICES; i++) {
                drafts.add(books.aDraftInvoice(10_000 + i, "GBP"));
            }
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<List<Invoice>>> workers = new ArrayList<>();
            try {
                for (int t = 0; t < THREADS; t++) {
                    workers.add(pool.submit(() -> {
                        start.await();
                        List<Invoice> issued = new ArrayList<>();
                        for (Invoice draft = drafts.poll(); draft != null; draft = drafts.poll()) {
                            issued.add(books.finance().issueInvoice(AgencyFixture.aFinanceUser(),
                                    IssueInvoice.of(draft)));
                        }
                        return issued;
                    }));
                }
                start.countDown();
                List<Invoice> issued = new ArrayList<>();
                for (Future<List<Invoice>> worker : workers) {
                    issued.addAll(worker.get(30, TimeUnit.SECONDS));
                }

                assertEquals(INVOICES, issued.size());
                List<Long> numbers = issued.stream().map(i -> i.number().orElseThrow()).sorted().toList();
                assertEquals(LongStream.rangeClosed(1, INVOICES).boxed().toList(), numbers,
                        "every number from 1 to " + INVOICES + " exactly once");
                for (Invoice invoice : issued) {
                    Invoice stored = books.reload(invoice);
                    assertEquals(InvoiceStatus.ISSUED, stored.status());
                    assertEquals(invoice.number(), stored.number(), "the stored number is the one handed out");
                }
                assertEquals(INVOICES, books.auditEvents(AuditAction.INVOICE_ISSUED).size());
            } finally {
                pool.shutdownNow();
                assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
            }
        }
    }

    @Test
    void an_issue_with_a_stale_version_takes_no_number_and_the_next_issue_gets_the_next_one() {
        try (AgencyFixture<BreakAgency> books = TestAgencies.inMemory()) {
            Invoice first = books.issue(books.aDraftInvoice(10_000, "GBP"), null);
            Invoice second = books.aDraftInvoice(20_000, "GBP");

            BreakException stale = assertThrows(BreakException.class, () -> books.finance().issueInvoice(
                    AgencyFixture.aFinanceUser(), IssueInvoice.of(second.id(), second.version() + 1)));
            assertEquals(ErrorCode.CONFLICT, stale.code());
            assertEquals(Reason.VERSION_MISMATCH, stale.reason());
            BreakException twice = assertThrows(BreakException.class, () -> books.finance().issueInvoice(
                    AgencyFixture.aFinanceUser(), IssueInvoice.of(first)));
            assertEquals(Reason.INVALID_STATE_TRANSITION, twice.reason());

            Invoice issued = books.issue(second, null);
            assertEquals(Optional.of(1L), first.number());
            assertEquals(Optional.of(2L), issued.number(), "no number was spent on the failed issues");
        }
    }

    @Test
    void an_issue_that_fails_after_drawing_its_number_gives_the_number_back() {
        AtomicBoolean failNextUpdate = new AtomicBoolean();
        try (AgencyFixture<BreakAgency> books = TestAgencies.inMemoryBehind(stores -> new FailingInvoiceUpdates(stores, failNextUpdate))) {
            Invoice first = books.issue(books.aDraftInvoice(10_000, "GBP"), null);
            Invoice second = books.aDraftInvoice(20_000, "GBP");

            failNextUpdate.set(true);
            BreakException down = assertThrows(BreakException.class, () -> books.issue(second, null));
            assertEquals(ErrorCode.PERSISTENCE_UNAVAILABLE, down.code());
            assertEquals(InvoiceStatus.DRAFT, books.reload(second).status());

            Invoice issued = books.issue(second, null);
            assertEquals(Optional.of(1L), first.number());
            assertEquals(Optional.of(2L), issued.number(), "the failed issue's number was rolled back with it");
            Set<Long> numbers = books.stores().invoices().list(Invoices.Query.ALL, Optional.empty(), 100).stream()
                    .flatMap(i -> i.number().stream()).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(Set.of(1L, 2L), numbers);
        }
    }

    /** The in-memory stores, except that the next invoice update fails as a lost database would, once armed. */
    private static final class FailingInvoiceUpdates extends ForwardingPersistence {
        private final Persistence stores;
        private final AtomicBoolean failNextUpdate;
        private final Invoices invoices;

        FailingInvoiceUpdates(Persistence stores, AtomicBoolean failNextUpdate) {
            super(stores);
            this.stores = stores;
            this.failNextUpdate = failNextUpdate;
            this.invoices = new Invoices() {
                @Override
                public void insert(Invoice invoice) {
                    stores.invoices().insert(invoice);
                }

                @Override
                public void update(Invoice invoice) {
                    if (failNextUpdate.compareAndSet(true, false)) {
                        throw BreakException.persistenceUnavailable(new IOException("connection reset"));
                    }
                    stores.invoices().update(invoice);
                }

                @Override
                public Optional<Invoice> findById(String id) {
                    return stores.invoices().findById(id);
                }

                @Override
                public Optional<Invoice> findByIdForUpdate(String id) {
                    return stores.invoices().findByIdForUpdate(id);
                }

                @Override
                public Optional<Invoice> findByDeal(String dealId) {
                    return stores.invoices().findByDeal(dealId);
                }

                @Override
                public long nextNumber() {
                    return stores.invoices().nextNumber();
                }

                @Override
                public List<Invoice> list(Query query, Optional<String> afterId, int limit) {
                    return stores.invoices().list(query, afterId, limit);
                }
            };
        }

        @Override
        public Invoices invoices() {
            return invoices;
        }
    }
}
