package com.breakagency.testkit.contract;

import static com.breakagency.testkit.contract.ContractSupport.assertAlreadyExists;
import static com.breakagency.testkit.contract.ContractSupport.assertBreak;
import static com.breakagency.testkit.contract.ContractSupport.assertOneInsertWins;
import static com.breakagency.testkit.contract.ContractSupport.race;
import static com.breakagency.testkit.contract.ContractSupport.runAndRollBack;
import static com.breakagency.testkit.contract.MoneyOutFixtures.aRefund;
import static com.breakagency.testkit.contract.MoneyOutFixtures.aReversal;
import static com.breakagency.testkit.contract.MoneyOutFixtures.aStoredSplitPayment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.finance.CommissionReversal;
import com.breakagency.ports.model.finance.CommissionStatus;
import com.breakagency.ports.model.finance.Refund;
import com.breakagency.ports.model.finance.ReversalKind;
import com.breakagency.ports.spi.Persistence;
import com.breakagency.ports.spi.Refunds;
import com.breakagency.testkit.Fixtures;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every promise of the {@link Refunds} port. An adapter's test extends this class and returns a fresh bundle
 * from {@link #persistence()}.
 *
 * <p>What an adapter must do beyond keeping each field exactly: enforce one refund per (invoice, external
 * reference) and one reversal per (refund, line) with constraints, so they hold when two units of work insert at
 * once; store a batch of reversals all or none; move reversals to PAID_OUT only from PENDING_PAYOUT, all or none;
 * roll everything back with the unit of work. The contract stores each refund's invoice and payment, and each
 * reversal's line, before them, so an adapter may have foreign keys there.
 */
public abstract class RefundsContract {

    private Persistence persistence;
    private Refunds refunds;

    /**
     * The bundle under test. Called once before each test; must return a fresh, empty bundle whose stores share
     * its {@link Persistence#transactions()}.
     *
     * @return the bundle
     */
    protected abstract Persistence persistence();

    @BeforeEach
    void openStores() {
        persistence = persistence();
        refunds = persistence.refunds();
    }

    @Test
    void a_refund_reads_back_equal_by_id_payment_and_invoice() {
        MoneyOutFixtures.Paid paid = aStoredSplitPayment(persistence, Money.of(100_000, "GBP"));
        Refund refund = aRefund(paid, 25_000);

        refunds.insert(refund);

        assertEquals(Optional.of(refund), refunds.findById(refund.id()));
        assertEquals(List.of(refund), refunds.byPayment(paid.payment().id()));
        assertEquals(List.of(refund), refunds.byInvoice(paid.invoice().id()));
    }

    @Test
    void the_same_external_reference_on_one_invoice_is_refused_on_another_it_is_fine() {
        MoneyOutFixtures.Paid paid = aStoredSplitPayment(persistence, Money.of(100_000, "GBP"));
        Refund first = aRefund(paid, 1_000);
        refunds.insert(first);
        Refund again = new Refund(Fixtures.anId(), first.paymentId(), first.invoiceId(), first.amount(), first.refundedOn(),
                first.externalReference(), "again", "finance-1", first.recordedAt());

        assertAlreadyExists("externalReference", () -> refunds.insert(again));

        MoneyOutFixtures.Paid other = aStoredSplitPayment(persistence, Money.of(100_000, "GBP"));
        Refund elsewhere = new Refund(Fixtures.anId(), other.payment().id(), other.invoice().id(), first.amount(),
                first.refundedOn(), first.externalReference(), "elsewhere", "finance-1", first.recordedAt());
        refunds.insert(elsewhere);
        assertEquals(List.of(elsewhere), refunds.byInvoice(other.invoice().id()));
    }

    @Test
    void two_units_of_work_recording_one_provider_refund_at_once_store_one() {
        MoneyOutFixtures.Paid paid = aStoredSplitPayment(persistence, Money.of(100_000, "GBP"));
        Refund a = aRefund(paid, 1_000);
        Refund b = new Refund(Fixtures.anId(), a.paymentId(), a.invoiceId(), a.amount(), a.refundedOn(),
                a.externalReference(), a.reason(), a.recordedBy(), a.recordedAt());

        assertOneInsertWins(race(() -> persistence.transactions().inTransaction(() -> {
            refunds.insert(a);
            return null;
        }), () -> persistence.transactions().inTransaction(() -> {
            refunds.insert(b);
            return null;
        })), "externalReference");
        assertEquals(1, refunds.byPayment(paid.payment().id()).size());
    }

    @Test
    void reversals_read_back_by_payment_invoice_and_beneficiary_and_one_per_refund_and_line() {
        MoneyOutFixtures.Paid paid = aStoredSplitPayment(persistence, Money.of(100_000, "GBP"));
        Refund refund = aRefund(paid, 10_000);
        refunds.insert(refund);
        List<CommissionReversal> reversals = paid.lines().stream()
                .map(l -> aReversal(refund, l, -l.amount().minorUnits() / 10, ReversalKind.OFFSET)).toList();

        refunds.insertReversals(reversals);

        assertEquals(sorted(reversals), refunds.reversalsByPayment(paid.payment().id()));
        assertEquals(sorted(reversals), refunds.reversalsByInvoice(paid.invoice().id()));
        CommissionReversal talents = reversals.get(0);
        assertEquals(List.of(talents), refunds.reversalsOf(talents.beneficiary(), true, Optional.empty(), 10));
        CommissionReversal twice = aReversal(refund, paid.lines().get(0), -1, ReversalKind.OFFSET);
        assertAlreadyExists("reversal", () -> refunds.insertReversals(List.of(twice)));
    }

    @Test
    void a_batch_of_reversals_with_one_refused_stores_none_of_them() {
        MoneyOutFixtures.Paid paid = aStoredSplitPayment(persistence, Money.of(100_000, "GBP"));
        Refund refund = aRefund(paid, 10_000);
        refunds.insert(refund);
        CommissionReversal first = aReversal(refund, paid.lines().get(0), -8_000, ReversalKind.OFFSET);
        CommissionReversal sameLine = aReversal(refund, paid.lines().get(0), -1, ReversalKind.OFFSET);

        assertBreak(ErrorCode.CONFLICT, Reason.ALREADY_EXISTS, () -> persistence.transactions().inTransaction(() -> {
            refunds.insertReversals(List.of(first, sameLine));
            return null;
        }));

        assertEquals(List.of(), refunds.reversalsByPayment(paid.payment().id()));
    }

    @Test
    void reversals_move_to_paid_out_once_and_only_from_pending() {
        MoneyOutFixtures.Paid paid = aStoredSplitPayment(persistence, Money.of(100_000, "GBP"));
        Refund refund = aRefund(paid, 10_000);
        refunds.insert(refund);
        CommissionReversal r = aReversal(refund, paid.lines().get(0), -8_000, ReversalKind.CLAWBACK);
        refunds.insertReversals(List.of(r));

        persistence.transactions().inTransaction(() -> {
            refunds.markPaidOut(List.of(r.id()));
            return null;
        });

        assertEquals(CommissionStatus.PAID_OUT, refunds.reversalsByPayment(paid.payment().id()).get(0).status());
        assertEquals(List.of(), refunds.reversalsOf(r.beneficiary(), true, Optional.empty(), 10));
        assertBreak(ErrorCode.CONFLICT, Reason.INVALID_STATE_TRANSITION, () -> persistence.transactions().inTransaction(() -> {
            refunds.markPaidOut(List.of(r.id()));
            return null;
        }));
        assertBreak(ErrorCode.CONFLICT, Reason.INVALID_STATE_TRANSITION, () -> persistence.transactions().inTransaction(() -> {
            refunds.markPaidOut(List.of("no-such-reversal"));
            return null;
        }));
    }

    @Test
    void a_rolled_back_unit_of_work_keeps_no_refund_no_reversal_and_no_move() {
        MoneyOutFixtures.Paid paid = aStoredSplitPayment(persistence, Money.of(100_000, "GBP"));
        Refund kept = aRefund(paid, 10_000);
        refunds.insert(kept);
        CommissionReversal pending = aReversal(kept, paid.lines().get(1), -1_500, ReversalKind.OFFSET);
        refunds.insertReversals(List.of(pending));
        Refund refund = aRefund(paid, 5_000);

        runAndRollBack(persistence.transactions(), () -> {
            refunds.insert(refund);
            refunds.insertReversals(List.of(aReversal(refund, paid.lines().get(0), -4_000, ReversalKind.OFFSET)));
            refunds.markPaidOut(List.of(pending.id()));
        });

        assertEquals(List.of(kept), refunds.byPayment(paid.payment().id()));
        assertEquals(List.of(pending), refunds.reversalsByPayment(paid.payment().id()));
    }

    @Test
    void refunds_are_listed_by_the_half_open_period_of_their_day() {
        MoneyOutFixtures.Paid paid = aStoredSplitPayment(persistence, Money.of(100_000, "GBP"));
        LocalDate day = LocalDate.of(2031, 7, 14);
        Refund before = at(aRefund(paid, 1), day.minusDays(1));
        Refund first = at(aRefund(paid, 2), day);
        Refund last = at(aRefund(paid, 3), day.plusDays(1));
        Refund after = at(aRefund(paid, 4), day.plusDays(2));
        for (Refund r : List.of(before, first, last, after)) {
            refunds.insert(r);
        }

        List<Refund> listed = refunds.refundedBetween(day, day.plusDays(2), Optional.empty(), 10);

        assertEquals(sortedRefunds(List.of(first, last)), listed);
        assertTrue(refunds.refundedBetween(day, day.plusDays(2), Optional.of(listed.get(1).id()), 10).isEmpty());
    }

    private static Refund at(Refund r, LocalDate day) {
        return new Refund(r.id(), r.paymentId(), r.invoiceId(), r.amount(), day, r.externalReference(), r.reason(),
                r.recordedBy(), r.recordedAt());
    }

    private static List<CommissionReversal> sorted(List<CommissionReversal> reversals) {
        return reversals.stream().sorted(java.util.Comparator.comparing(CommissionReversal::id)).toList();
    }

    private static List<Refund> sortedRefunds(List<Refund> all) {
        return all.stream().sorted(java.util.Comparator.comparing(Refund::id)).toList();
    }
}
