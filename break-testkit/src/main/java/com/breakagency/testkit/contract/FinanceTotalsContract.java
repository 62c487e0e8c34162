package com.breakagency.testkit.contract;

import static com.breakagency.testkit.Fixtures.TODAY;
import static com.breakagency.testkit.Fixtures.aBankReference;
import static com.breakagency.testkit.Fixtures.aPayment;
import static com.breakagency.testkit.Fixtures.anId;
import static com.breakagency.testkit.Fixtures.anIssuedInvoice;
import static com.breakagency.testkit.Fixtures.theAgencySplitOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.finance.BeneficiaryKind;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.CommissionStatus;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.InvoiceStatus;
import com.breakagency.ports.model.finance.Payment;
import com.breakagency.ports.spi.Persistence;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The finance totals the stores sum themselves ({@code Invoices.outstandingByCurrency},
 * {@code Payments.receivedByCurrency}, {@code Commissions.amountByCurrency}), checked against sums this
 * contract computes on its own from the records it stored: invoices in several currencies and statuses,
 * due on either side of a day, partly and fully paid, some with credit notes, payments on days in and out of a period, the
 * agency's split of each payment. A bundle may hold records other tests left behind, so each figure is
 * read before and after the records are stored, and the difference must be exactly the independent
 * sum. An adapter's test extends this class and returns a fresh bundle from {@link #persistence()}.
 */
public abstract class FinanceTotalsContract {

    private static final List<String> CURRENCIES = List.of("GBP", "EUR", "USD");
    private static final Set<InvoiceStatus> OPEN = EnumSet.of(InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID);
    private static final Set<BeneficiaryKind> NOT_TALENT = EnumSet.of(BeneficiaryKind.HOUSE, BeneficiaryKind.AGENT);

    private Persistence stores;

    /** For subclasses. */
    protected FinanceTotalsContract() {
    }

    /**
     * A bundle whose stores this contract may fill.
     *
     * @return the bundle
     */
    protected abstract Persistence persistence();

    @BeforeEach
    void open() {
        stores = persistence();
    }

    /** What the contract stored, and the sums it computed itself. */
    private record Stored(Map<String, Long> receivables, Map<String, Long> overdue, Map<String, Long> received,
                          Map<String, Long> pending) {
    }

    @Test
    void each_figure_grows_by_exactly_the_independent_sum_of_what_was_stored() {
        LocalDate from = TODAY.minusDays(3);
        LocalDate to = TODAY.plusDays(4);
        Figures before = figures(from, to);

        Stored stored = store(new Random(20261202L), 60, from, to);

        Figures after = figures(from, to);
        assertEquals(stored.receivables(), after.minus(before).receivables(), "outstanding on open invoices");
        assertEquals(stored.overdue(), after.minus(before).overdue(), "outstanding on open invoices due before today");
        assertEquals(stored.received(), after.minus(before).received(), "received in [from, to)");
        assertEquals(stored.pending(), after.minus(before).pending(), "pending payout to agents and the house");
    }

    @Test
    void no_status_and_no_kind_sum_to_nothing() {
        store(new Random(7L), 5, TODAY, TODAY.plusDays(1));

        assertEquals(Map.of(), stores.invoices().outstandingByCurrency(Set.of(), Optional.empty()));
        assertEquals(Map.of(), stores.commissions().amountByCurrency(CommissionStatus.PENDING_PAYOUT, Set.of()));
        assertEquals(Map.of(), stores.payments().receivedByCurrency(TODAY.plusYears(40), TODAY.plusYears(41)));
    }

    /** The four figures as the stores sum them. */
    private record Figures(Map<String, Long> receivables, Map<String, Long> overdue, Map<String, Long> received,
                           Map<String, Long> pending) {
        Figures minus(Figures earlier) {
            return new Figures(difference(receivables, earlier.receivables), difference(overdue, earlier.overdue),
                    difference(received, earlier.received), difference(pending, earlier.pending));
        }

        private static Map<String, Long> difference(Map<String, Long> now, Map<String, Long> then) {
            Map<String, Long> out = new TreeMap<>();
            now.forEach((code, sum) -> {
                long grown = sum - then.getOrDefault(code, 0L);
                if (grown != 0) {
                    out.put(code, grown);
                }
            });
            return out;
        }
    }

    private Figures figures(LocalDate from, LocalDate to) {
        return stores.transactions().inTransaction(() -> new Figures(
                stores.invoices().outstandingByCurrency(OPEN, Optional.empty()),
                stores.invoices().outstandingByCurrency(OPEN, Optional.of(TODAY)),
                stores.payments().receivedByCurrency(from, to),
                stores.commissions().amountByCurrency(CommissionStatus.PENDING_PAYOUT, NOT_TALENT)));
    }

    /** Stores {@code n} invoices with payments and lines, and sums them independently. */
    private Stored store(Random random, int n, LocalDate from, LocalDate to) {
        Map<String, Long> receivables = new TreeMap<>();
        Map<String, Long> overdue = new TreeMap<>();
        Map<String, Long> received = new TreeMap<>();
        Map<String, Long> pending = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            String currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
            long total = 1_000 + random.nextInt(5_000_000);
            Invoice issued = anIssuedInvoice(Money.of(total, currency))
                    .withDueDate(Optional.of(TODAY.plusDays(random.nextInt(61) - 30)));
            // none, part or all of it paid, in one or two payments received on days around the period
            int shape = random.nextInt(4);
            List<Long> amounts = switch (shape) {
                case 0 -> List.of();
                case 1 -> List.of(total / 3);
                case 2 -> List.of(total / 4, total / 5);
                default -> List.of(total / 2, total - total / 2);
            };
            long paid = amounts.stream().mapToLong(Long::longValue).sum();
            // a credit note on every third invoice left with something owed: what is owed is total - credited - paid
            long credited = paid < total && random.nextInt(3) == 0 ? (total - paid) / 3 : 0;
            InvoiceStatus status = paid == 0 ? InvoiceStatus.ISSUED : paid == total ? InvoiceStatus.PAID
                    : InvoiceStatus.PARTIALLY_PAID;
            Invoice invoice = issued.withPaid(Money.of(paid, currency)).withCredited(Money.of(credited, currency))
                    .withStatus(status);
            List<Payment> payments = new ArrayList<>();
            List<CommissionLine> lines = new ArrayList<>();
            for (long amount : amounts) {
                Payment payment = aPayment(invoice, Money.of(amount, currency), aBankReference());
                LocalDate day = TODAY.plusDays(random.nextInt(15) - 7);
                payment = new Payment(payment.id(), payment.invoiceId(), payment.amount(), day,
                        payment.externalReference(), payment.source(), payment.recordedBy(), payment.recordedAt());
                payments.add(payment);
                if (!day.isBefore(from) && day.isBefore(to)) {
                    received.merge(currency, amount, Long::sum);
                }
                for (CommissionLine line : theAgencySplitOf(invoice, payment, anId())) {
                    lines.add(line);
                    if (line.beneficiary().kind() != BeneficiaryKind.TALENT) {
                        pending.merge(currency, line.amount().minorUnits(), Long::sum);
                    }
                }
            }
            if (OPEN.contains(status)) {
                receivables.merge(currency, total - credited - paid, Long::sum);
                if (invoice.dueDate().orElseThrow().isBefore(TODAY)) {
                    overdue.merge(currency, total - credited - paid, Long::sum);
                }
            }
            stores.transactions().inTransaction(() -> {
                stores.invoices().insert(invoice);
                payments.forEach(stores.payments()::insert);
                stores.commissions().insertAll(lines);
                return null;
            });
        }
        receivables.values().removeIf(v -> v == 0);
        overdue.values().removeIf(v -> v == 0);
        return new Stored(receivables, overdue, received, pending);
    }
}
