package com.breakagency.core.finance;

import com.breakagency.testkit.AgencyFixture;
import com.breakagency.core.TestAgencies;
import com.breakagency.core.BreakAgency;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.breakagency.ports.api.finance.FinanceTotals;
import com.breakagency.ports.api.finance.TotalsQuery;
import com.breakagency.ports.api.finance.VoidInvoice;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.finance.Invoice;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agency's figures on a data set in GBP, USD, EUR and JPY (with a draft in CHF, a void invoice in SEK
 * and a zero-value draft in NOK, which cannot be issued): one figure per currency, each equal to a sum this test works out from the bills it sent and
 * the money it received, never one currency added to another.
 */
class FinanceTotalsTest {

    static final LocalDate ISSUED_ON = LocalDate.of(2026, 1, 5);
    static final LocalDate TODAY = LocalDate.of(2026, 2, 14);
    static final LocalDate PERIOD_FROM = LocalDate.of(2026, 1, 10);
    static final LocalDate PERIOD_TO = LocalDate.of(2026, 2, 1);

    enum Fate { DRAFT, ISSUED, VOID }

    record Receipt(long amount, LocalDate receivedOn) {
    }

    /** One bill the agency sent: its currency, total, due date (null: the agency's 30 days), and what came in. */
    record Bill(String name, Fate fate, String currency, long total, LocalDate due, List<Receipt> receipts) {
        long paid() {
            return receipts.stream().mapToLong(Receipt::amount).sum();
        }

        LocalDate effectiveDue() {
            return due != null ? due : ISSUED_ON.plusDays(30);
        }

        boolean open() {
            return fate == Fate.ISSUED && paid() < total;
        }
    }

    static Bill issued(String name, String currency, long total, LocalDate due, Receipt... receipts) {
        return new Bill(name, Fate.ISSUED, currency, total, due, List.of(receipts));
    }

    static Receipt received(long amount, int month, int day) {
        return new Receipt(amount, LocalDate.of(2026, month, day));
    }

    static LocalDate due(int month, int day) {
        return LocalDate.of(2026, month, day);
    }

    static final List<Bill> BILLS = List.of(
            issued("GBP unpaid, overdue", "GBP", 100_000, due(1, 15)),
            issued("GBP partly paid in the period", "GBP", 200_000, due(2, 20), received(50_000, 1, 12)),
            issued("GBP paid before the period", "GBP", 30_000, due(1, 20), received(30_000, 1, 8)),
            issued("GBP on standard terms, overdue", "GBP", 40_000, null),
            issued("GBP partly paid after the period, overdue", "GBP", 60_000, due(1, 25), received(20_000, 2, 3)),
            new Bill("GBP draft", Fate.DRAFT, "GBP", 99_000, null, List.of()),
            issued("USD unpaid", "USD", 150_000, due(3, 1)),
            issued("USD partly paid, overdue", "USD", 80_000, due(1, 31), received(20_000, 1, 20)),
            issued("USD paid on the period's last day", "USD", 25_000, due(2, 28), received(25_000, 1, 31)),
            issued("EUR unpaid, not yet due", "EUR", 90_000, due(3, 15)),
            issued("EUR paid on the period's first day", "EUR", 60_000, due(2, 1), received(60_000, 1, 10)),
            issued("EUR paid on the day the period ends", "EUR", 40_000, due(2, 10), received(40_000, 2, 1)),
            issued("JPY partly paid before the period, overdue", "JPY", 50_000, due(1, 20), received(20_000, 1, 5)),
            new Bill("CHF draft", Fate.DRAFT, "CHF", 10_000, null, List.of()),
            new Bill("NOK zero-value deal: cannot be issued, stays a draft", Fate.DRAFT, "NOK", 0, null, List.of()),
            new Bill("SEK voided", Fate.VOID, "SEK", 77_000, due(1, 30), List.of()));

    private AgencyFixture<BreakAgency> books;

    @BeforeEach
    void keep_the_books() {
        books = TestAgencies.inMemory();
        books.clock().set(ISSUED_ON.atTime(LocalTime.of(9, 0)).toInstant(ZoneOffset.UTC));
        record Due(Invoice invoice, Receipt receipt) {
        }
        List<Due> receipts = new ArrayList<>();
        for (Bill bill : BILLS) {
            Invoice draft = books.aDraftInvoice(bill.total(), bill.currency());
            if (bill.fate() == Fate.DRAFT) {
                continue;
            }
            Invoice sent = books.issue(draft, bill.due());
            if (bill.fate() == Fate.VOID) {
                books.finance().voidInvoice(AgencyFixture.aFinanceUser(), new VoidInvoice(sent.id(), sent.version(), "duplicate"));
            }
            bill.receipts().forEach(r -> receipts.add(new Due(sent, r)));
        }
        receipts.sort(Comparator.comparing(d -> d.receipt().receivedOn()));
        for (Due d : receipts) {
            books.clock().set(d.receipt().receivedOn().atTime(LocalTime.of(10, 0)).toInstant(ZoneOffset.UTC));
            books.pay(d.invoice(), d.receipt().amount(), d.receipt().receivedOn());
        }
        books.clock().set(TODAY.atTime(LocalTime.of(11, 0)).toInstant(ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        books.close();
    }

    private FinanceTotals totals(LocalDate from, LocalDate to) {
        return books.finance().totals(AgencyFixture.aFinanceUser(), new TotalsQuery(from, to));
    }

    /** Sums per currency, leaving out currencies with nothing to add. */
    private static Map<String, Money> perCurrency(Map<String, Long> sums) {
        Map<String, Money> out = new TreeMap<>();
        sums.forEach((currency, sum) -> {
            if (sum != 0) {
                out.put(currency, Money.of(sum, currency));
            }
        });
        return out;
    }

    private static Map<String, Money> outstanding(Predicate<Bill> which) {
        Map<String, Long> sums = new TreeMap<>();
        BILLS.stream().filter(Bill::open).filter(which).forEach(b -> sums.merge(b.currency(), b.total() - b.paid(), Long::sum));
        return perCurrency(sums);
    }

    private static Map<String, Money> receivedBetween(LocalDate from, LocalDate to) {
        Map<String, Long> sums = new TreeMap<>();
        for (Bill bill : BILLS) {
            for (Receipt r : bill.receipts()) {
                if (!r.receivedOn().isBefore(from) && r.receivedOn().isBefore(to)) {
                    sums.merge(bill.currency(), r.amount(), Long::sum);
                }
            }
        }
        return perCurrency(sums);
    }

    /** The agency's 20% of every payment (house 15%, managing agent 5%); the data set's amounts divide exactly. */
    private static Map<String, Money> agencyShareOfEveryPayment() {
        Map<String, Long> sums = new TreeMap<>();
        for (Bill bill : BILLS) {
            for (Receipt r : bill.receipts()) {
                if (r.amount() % 20 != 0 || bill.total() % 20 != 0) {
                    throw new IllegalStateException("the data set should split exactly: " + bill.name());
                }
                sums.merge(bill.currency(), r.amount() * 2000 / 10_000, Long::sum);
            }
        }
        return perCurrency(sums);
    }

    @Test
    void receivables_are_what_is_outstanding_on_issued_and_partly_paid_invoices_per_currency() {
        FinanceTotals totals = totals(PERIOD_FROM, PERIOD_TO);

        assertEquals(outstanding(b -> true), totals.receivables());
        assertEquals(Money.of(1_000_00 + 1_500_00 + 400_00 + 400_00, "GBP"), totals.receivables().get("GBP"),
                "worked by hand: two unpaid, two partly paid; the paid, draft and other currencies' bills left out");
        assertEquals(Money.of(30_000, "JPY"), totals.receivables().get("JPY"), "yen have no minor unit");
        assertEquals(TODAY, totals.asOf());
    }

    @Test
    void overdue_is_the_outstanding_part_of_open_invoices_due_before_today_by_the_clock() {
        books.clock().set(due(1, 15).atTime(LocalTime.of(23, 59)).toInstant(ZoneOffset.UTC));
        assertEquals(Map.of(), totals(PERIOD_FROM, PERIOD_TO).overdue(), "an invoice is not overdue on its due date");
        books.clock().set(due(1, 16).atStartOfDay().toInstant(ZoneOffset.UTC));
        assertEquals(Map.of("GBP", Money.of(1_000_00, "GBP")), totals(PERIOD_FROM, PERIOD_TO).overdue(),
                "the day after, it is");

        books.clock().set(TODAY.atTime(LocalTime.of(11, 0)).toInstant(ZoneOffset.UTC));
        FinanceTotals totals = totals(PERIOD_FROM, PERIOD_TO);

        assertEquals(outstanding(b -> b.effectiveDue().isBefore(TODAY)), totals.overdue());
        assertEquals(Money.of(1_000_00 + 400_00 + 400_00, "GBP"), totals.overdue().get("GBP"),
                "worked by hand: due 15 Jan, due 4 Feb on standard terms, due 25 Jan partly paid");
        assertFalse(totals.overdue().containsKey("EUR"), "no EUR invoice is overdue, so EUR has no key");
    }

    @Test
    void received_counts_only_payments_received_in_the_period_asked_for() {
        FinanceTotals january = totals(PERIOD_FROM, PERIOD_TO);
        assertEquals(receivedBetween(PERIOD_FROM, PERIOD_TO), january.received());
        assertEquals(Money.of(200_00 + 250_00, "USD"), january.received().get("USD"),
                "the period's last day counts, the day it ends does not");
        assertEquals(Money.of(600_00, "EUR"), january.received().get("EUR"));
        assertFalse(january.received().containsKey("JPY"), "the yen arrived before the period");

        FinanceTotals february = totals(PERIOD_TO, LocalDate.of(2026, 3, 1));
        assertEquals(receivedBetween(PERIOD_TO, LocalDate.of(2026, 3, 1)), february.received());
        assertEquals(Map.of("GBP", Money.of(200_00, "GBP"), "EUR", Money.of(400_00, "EUR")), february.received());

        assertEquals(Map.of(), totals(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)).received());
    }

    @Test
    void pending_commissions_are_the_agency_and_agent_lines_of_every_payment_never_the_talent_payouts() {
        FinanceTotals totals = totals(PERIOD_FROM, PERIOD_TO);

        assertEquals(agencyShareOfEveryPayment(), totals.commissionsPending());
        assertEquals(Money.of(200_00, "GBP"), totals.commissionsPending().get("GBP"),
                "20% of the GBP 1,000.00 that arrived, in or out of the period");
        assertEquals(Money.of(4_000, "JPY"), totals.commissionsPending().get("JPY"));
    }

    @Test
    void no_figure_has_a_currency_without_amounts_and_none_adds_one_currency_to_another() {
        FinanceTotals totals = totals(PERIOD_FROM, PERIOD_TO);

        for (Map<String, Money> figure : List.of(totals.receivables(), totals.overdue(), totals.received(),
                totals.commissionsPending())) {
            figure.forEach((code, money) -> {
                assertEquals(code, money.currency().getCurrencyCode(), "each figure is in its own currency");
                assertFalse(money.isZero(), code + " appears with nothing in it");
            });
            assertFalse(figure.containsKey("CHF"), "a draft is not a receivable");
            assertFalse(figure.containsKey("SEK"), "a void invoice is not a receivable");
            assertFalse(figure.containsKey("NOK"), "an invoice with nothing owed adds no currency");
        }
        Money gbp = totals.receivables().get("GBP");
        Money usd = totals.receivables().get("USD");
        long gbpBillsOnly = outstanding(b -> b.currency().equals("GBP")).get("GBP").minorUnits();
        long gbpAndUsdBills = gbpBillsOnly + outstanding(b -> b.currency().equals("USD")).get("USD").minorUnits();
        assertEquals(gbpBillsOnly, gbp.minorUnits());
        assertNotEquals(gbpAndUsdBills, gbp.minorUnits(), "the GBP figure leaves the USD bills out");
        assertEquals(Money.of(1_500_00 + 600_00, "USD"), usd);
    }
}
