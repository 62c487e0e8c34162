package com.breakagency.testkit.contract;

import static com.breakagency.testkit.Fixtures.NOW;
import static com.breakagency.testkit.Fixtures.TODAY;
import static com.breakagency.testkit.contract.ContractSupport.assertAlreadyExists;
import static com.breakagency.testkit.contract.ContractSupport.assertNotFound;
import static com.breakagency.testkit.contract.ContractSupport.assertOneInsertWins;
import static com.breakagency.testkit.contract.ContractSupport.assertVersionMismatch;
import static com.breakagency.testkit.contract.ContractSupport.race;
import static com.breakagency.testkit.contract.ContractSupport.runAndRollBack;
import static com.breakagency.testkit.contract.MoneyOutFixtures.aStoredSplitPayment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.finance.Beneficiary;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.Payout;
import com.breakagency.ports.model.finance.PayoutEntryKind;
import com.breakagency.ports.model.finance.PayoutItem;
import com.breakagency.ports.model.finance.PayoutStatus;
import com.breakagency.ports.spi.Payouts;
import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.Fixtures;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every promise of the {@link Payouts} port. An adapter's test extends this class and returns a fresh bundle
 * from {@link #persistence()}.
 *
 * <p>What an adapter must do beyond keeping each field exactly: keep an entry in at most one live payout with a
 * constraint (so two units of work gathering the same line at once store one payout holding it), free a
 * cancelled payout's entries in the same update, check versions optimistically, never change a payout's
 * beneficiary, amount or items, and roll all of it back with the unit of work.
 */
public abstract class PayoutsContract {

    private Persistence persistence;
    private Payouts payouts;

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
        payouts = persistence.payouts();
    }

    private static Payout aPayoutOf(CommissionLine line) {
        return new Payout(Fixtures.anId(), line.beneficiary(), line.amount(), PayoutStatus.DRAFT, Optional.empty(),
                Optional.empty(), Optional.empty(), 1, NOW, NOW);
    }

    private static List<PayoutItem> itemsOf(Payout payout, CommissionLine... lines) {
        return java.util.Arrays.stream(lines).map(l -> new PayoutItem(payout.id(), l.id(), PayoutEntryKind.LINE, l.amount()))
                .sorted(java.util.Comparator.comparing(PayoutItem::entryId)).toList();
    }

    private void insert(Payout payout, List<PayoutItem> items) {
        persistence.transactions().inTransaction(() -> {
            payouts.insert(payout, items);
            return null;
        });
    }

    @Test
    void a_payout_and_its_items_read_back_equal() {
        CommissionLine line = aStoredSplitPayment(persistence, Money.of(100_000, "GBP")).lines().get(0);
        Payout payout = aPayoutOf(line);

        insert(payout, itemsOf(payout, line));

        assertEquals(Optional.of(payout), payouts.findById(payout.id()));
        assertEquals(itemsOf(payout, line), payouts.items(payout.id()));
        assertEquals(Set.of(line.id()), payouts.inLivePayouts(List.of(line.id(), "not-in-a-payout")));
        assertEquals(List.of(payout), payouts.list(new Payouts.Query(Optional.of(line.beneficiary()), Optional.empty(),
                Optional.empty(), Optional.empty()), Optional.empty(), 10));
    }

    @Test
    void a_line_in_a_live_payout_cannot_go_into_another_until_that_one_is_cancelled() {
        CommissionLine line = aStoredSplitPayment(persistence, Money.of(100_000, "GBP")).lines().get(0);
        Payout first = aPayoutOf(line);
        insert(first, itemsOf(first, line));
        Payout second = aPayoutOf(line);

        assertAlreadyExists("entryId", () -> insert(second, itemsOf(second, line)));
        assertEquals(Optional.empty(), payouts.findById(second.id()));

        Payout cancelled = first.withStatus(PayoutStatus.CANCELLED).next(NOW.plusSeconds(1));
        persistence.transactions().inTransaction(() -> {
            payouts.update(cancelled);
            return null;
        });
        assertEquals(Set.of(), payouts.inLivePayouts(List.of(line.id())));
        insert(second, itemsOf(second, line));
        assertEquals(Set.of(line.id()), payouts.inLivePayouts(List.of(line.id())));
        assertEquals(itemsOf(first, line), payouts.items(first.id()), "a cancelled payout keeps its items");
    }

    @Test
    void two_units_of_work_gathering_the_same_line_at_once_store_one_payout() {
        CommissionLine line = aStoredSplitPayment(persistence, Money.of(100_000, "GBP")).lines().get(0);
        Payout a = aPayoutOf(line);
        Payout b = aPayoutOf(line);

        int winner = assertOneInsertWins(race(() -> insert(a, itemsOf(a, line)), () -> insert(b, itemsOf(b, line))),
                "entryId");

        Payout won = winner == 0 ? a : b;
        Payout lost = winner == 0 ? b : a;
        assertEquals(Optional.of(won), payouts.findById(won.id()));
        assertEquals(Optional.empty(), payouts.findById(lost.id()));
        assertEquals(List.of(), payouts.items(lost.id()));
    }

    @Test
    void an_update_checks_the_version_and_changes_only_status_reference_and_day() {
        CommissionLine line = aStoredSplitPayment(persistence, Money.of(100_000, "GBP")).lines().get(0);
        Payout payout = aPayoutOf(line);
        insert(payout, itemsOf(payout, line));
        Payout approved = payout.withStatus(PayoutStatus.APPROVED).next(NOW.plusSeconds(1));
        persistence.transactions().inTransaction(() -> {
            payouts.update(approved);
            return null;
        });
        Payout paid = approved.withStatus(PayoutStatus.PAID).withPayment("transfer-1", TODAY).next(NOW.plusSeconds(2));

        assertVersionMismatch(() -> payouts.update(approved));
        persistence.transactions().inTransaction(() -> {
            payouts.update(paid);
            return null;
        });

        assertEquals(Optional.of(paid), payouts.findById(payout.id()));
        assertEquals(Set.of(line.id()), payouts.inLivePayouts(List.of(line.id())), "a paid payout holds its lines");
        assertNotFound(() -> payouts.update(aPayoutOf(line).next(NOW)));
    }

    @Test
    void paid_payouts_are_listed_by_the_half_open_period_of_their_day() {
        CommissionLine line = aStoredSplitPayment(persistence, Money.of(100_000, "GBP")).lines().get(0);
        LocalDate day = LocalDate.of(2032, 3, 9);
        Beneficiary who = line.beneficiary();
        Payout inPeriod = new Payout(Fixtures.anId(), who, line.amount(), PayoutStatus.PAID, Optional.empty(),
                Optional.of("t-1"), Optional.of(day), 3, NOW, NOW);
        Payout later = new Payout(Fixtures.anId(), who, line.amount(), PayoutStatus.PAID, Optional.empty(),
                Optional.of("t-2"), Optional.of(day.plusDays(1)), 3, NOW, NOW);
        insert(inPeriod, List.of());
        insert(later, List.of());

        assertEquals(List.of(inPeriod), payouts.list(new Payouts.Query(Optional.of(who), Optional.of(PayoutStatus.PAID),
                Optional.of(day), Optional.of(day.plusDays(1))), Optional.empty(), 10));
    }

    @Test
    void a_rolled_back_unit_of_work_keeps_no_payout_and_frees_nothing() {
        CommissionLine line = aStoredSplitPayment(persistence, Money.of(100_000, "GBP")).lines().get(0);
        Payout kept = aPayoutOf(line);
        insert(kept, itemsOf(kept, line));
        CommissionLine other = aStoredSplitPayment(persistence, Money.of(100_000, "GBP")).lines().get(0);
        Payout dropped = aPayoutOf(other);

        runAndRollBack(persistence.transactions(), () -> {
            payouts.insert(dropped, itemsOf(dropped, other));
            payouts.update(kept.withStatus(PayoutStatus.CANCELLED).next(NOW));
        });

        assertEquals(Optional.empty(), payouts.findById(dropped.id()));
        assertEquals(Optional.of(kept), payouts.findById(kept.id()));
        assertEquals(Set.of(line.id()), payouts.inLivePayouts(List.of(line.id(), other.id())));
    }

    @Test
    void locking_a_payout_needs_a_unit_of_work() {
        assertThrows(IllegalStateException.class, () -> payouts.findByIdForUpdate("any"));
    }
}
