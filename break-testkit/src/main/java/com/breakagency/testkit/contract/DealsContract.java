package com.breakagency.testkit.contract;

import static com.breakagency.testkit.Fixtures.NOW;
import static com.breakagency.testkit.Fixtures.aDeal;
import static com.breakagency.testkit.Fixtures.anAuditEvent;
import static com.breakagency.testkit.Fixtures.anId;
import static com.breakagency.testkit.contract.ContractSupport.RACE_ROUNDS;
import static com.breakagency.testkit.contract.ContractSupport.assertAlreadyExists;
import static com.breakagency.testkit.contract.ContractSupport.assertNotFound;
import static com.breakagency.testkit.contract.ContractSupport.assertOneWins;
import static com.breakagency.testkit.contract.ContractSupport.assertVersionMismatch;
import static com.breakagency.testkit.contract.ContractSupport.pageThrough;
import static com.breakagency.testkit.contract.ContractSupport.race;
import static com.breakagency.testkit.contract.ContractSupport.runAndRollBack;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.DealStage;
import com.breakagency.ports.spi.Deals;
import com.breakagency.ports.spi.Persistence;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every promise of the {@link Deals} port. An adapter's test extends this class and returns a fresh
 * bundle from {@link #persistence()}.
 *
 * <p>Adapters must keep every stage and any currency's amount exactly, keep instants to at least the
 * microsecond, order ids as {@link String#compareTo(String)} does, and fill every page: a page holds
 * the first {@code limit} matching deals after the cursor, so only the last page is shorter than the
 * limit.
 *
 * <p>Every test makes its own records with fresh ids and scopes its listings to a fresh brand, talent
 * or agent, so records other tests left behind do not disturb it.
 *
 * <p>The properties run on the jqwik engine, so the test class path needs {@code net.jqwik:jqwik}
 * (without it they are silently skipped). jqwik calls {@link #persistence()} before each property, but
 * runs no JUnit {@code @BeforeAll} or {@code @BeforeEach} method of the subclass: set up what the
 * factory needs in the factory itself or in static state.
 */
public abstract class DealsContract extends PropertyContract {

    private static final Instant LATER = NOW.plus(3, ChronoUnit.DAYS).plus(5, ChronoUnit.MICROS);

    private Persistence persistence;
    private Deals deals;

    /**
     * The bundle under test. Called once before each test and each property; must return a fresh, empty
     * bundle whose stores share its {@link Persistence#transactions()}.
     *
     * @return the bundle
     */
    protected abstract Persistence persistence();

    @BeforeEach
    @BeforeProperty
    void openStores() {
        persistence = persistence();
        deals = persistence.deals();
    }

    // ---- round trips -------------------------------------------------------------------------------

    @Test
    void a_stored_deal_reads_back_equal_in_every_stage() {
        for (DealStage stage : DealStage.values()) {
            Deal deal = inStage(aDeal(anId(), anId(), anId()), stage);
            deals.insert(deal);

            assertEquals(Optional.of(deal), deals.findById(deal.id()), stage.name());
        }
    }

    @Test
    void amounts_and_currencies_and_a_commission_plan_read_back_equal() {
        List<Money> values = List.of(Money.of(0, "GBP"), Money.of(1, "USD"), Money.of(1_500_000, "JPY"),
                Money.of(999_999_999_999L, "EUR"), Money.of(12_345, "KWD"));
        for (Money value : values) {
            Deal d = aDeal(anId(), anId(), anId());
            Deal deal = new Deal(d.id(), d.brandId(), d.talentId(), d.ownerAgentId(),
                    "Campaign \u2014 \u00e9t\u00e9 2026", value, DealStage.NEGOTIATION, Optional.of(anId()), 1, NOW, LATER);
            deals.insert(deal);

            assertEquals(Optional.of(deal), deals.findById(deal.id()), value.toString());
        }
    }

    @Test
    void an_unknown_id_finds_nothing() {
        deals.insert(aDeal(anId(), anId(), anId()));

        assertEquals(Optional.empty(), deals.findById(anId()));
    }

    @Test
    void a_taken_id_is_refused_naming_id_and_the_stored_deal_stays() {
        Deal first = aDeal(anId(), anId(), anId());
        deals.insert(first);
        Deal other = aDeal(anId(), anId(), anId());
        Deal sameId = new Deal(first.id(), other.brandId(), other.talentId(), other.ownerAgentId(), "Impostor",
                other.value(), other.stage(), other.commissionPlanId(), 1, NOW, NOW);

        assertAlreadyExists("id", () -> deals.insert(sameId));

        assertEquals(Optional.of(first), deals.findById(first.id()));
    }

    // ---- optimistic versions -----------------------------------------------------------------------

    @Test
    void an_update_with_the_next_version_replaces_the_deal() {
        Deal deal = aDeal(anId(), anId(), anId());
        deals.insert(deal);

        Deal updated = new Deal(deal.id(), anId(), anId(), anId(), "Summer campaign", Money.of(400_000, "EUR"),
                DealStage.CONTRACT_SENT, Optional.of(anId()), 2, deal.createdAt(), LATER);
        deals.update(updated);
        assertEquals(Optional.of(updated), deals.findById(deal.id()));

        Deal third = next(updated, DealStage.CONTRACT_SIGNED);
        deals.update(third);
        assertEquals(Optional.of(third), deals.findById(deal.id()));
    }

    @Test
    void an_update_from_a_stale_version_is_refused_with_version_mismatch_and_changes_nothing() {
        Deal deal = aDeal(anId(), anId(), anId());
        deals.insert(deal);
        Deal winner = next(deal, DealStage.NEGOTIATION);
        deals.update(winner);

        assertVersionMismatch(() -> deals.update(next(deal, DealStage.LOST)));

        assertEquals(Optional.of(winner), deals.findById(deal.id()));
    }

    @Test
    void an_update_that_skips_a_version_or_repeats_one_is_refused() {
        Deal deal = aDeal(anId(), anId(), anId());
        deals.insert(deal);

        assertVersionMismatch(() -> deals.update(withVersion(deal, 3)));
        assertVersionMismatch(() -> deals.update(withVersion(deal, 1)));

        assertEquals(Optional.of(deal), deals.findById(deal.id()));
    }

    @Test
    void updating_a_deal_that_does_not_exist_is_not_found() {
        Deal ghost = withVersion(aDeal(anId(), anId(), anId()), 2);

        assertNotFound(() -> deals.update(ghost));

        assertEquals(Optional.empty(), deals.findById(ghost.id()));
    }

    // ---- listings ----------------------------------------------------------------------------------

    @Test
    void a_listing_is_in_ascending_id_order_whatever_the_insertion_order() {
        String brand = anId();
        List<Deal> made = List.of(aDeal(brand, anId(), anId()), aDeal(brand, anId(), anId()),
                aDeal(brand, anId(), anId()), aDeal(brand, anId(), anId()));
        for (int i : new int[] {3, 1, 0, 2}) {
            deals.insert(made.get(i));
        }

        assertEquals(made, deals.list(ofBrand(brand), Optional.empty(), 10));
    }

    @Test
    void each_filter_part_lists_only_the_deals_it_names() {
        String brand = anId();
        String talent = anId();
        String agent = anId();
        Deal ofBrand = aDeal(brand, anId(), anId());
        Deal ofTalent = aDeal(anId(), talent, anId());
        Deal ofAgent = aDeal(anId(), anId(), agent);
        Deal unrelated = aDeal(anId(), anId(), anId());
        for (Deal d : List.of(ofBrand, ofTalent, ofAgent, unrelated)) {
            deals.insert(d);
        }

        assertEquals(List.of(ofBrand), deals.list(
                new Deals.Query(Optional.of(brand), Optional.empty(), Optional.empty(), Optional.empty()),
                Optional.empty(), 10));
        assertEquals(List.of(ofTalent), deals.list(
                new Deals.Query(Optional.empty(), Optional.of(talent), Optional.empty(), Optional.empty()),
                Optional.empty(), 10));
        assertEquals(List.of(ofAgent), deals.list(
                new Deals.Query(Optional.empty(), Optional.empty(), Optional.of(agent), Optional.empty()),
                Optional.empty(), 10));
    }

    @Test
    void the_stage_filter_lists_only_deals_in_that_stage() {
        String brand = anId();
        Deal lead = aDeal(brand, anId(), anId());
        Deal signed = inStage(aDeal(brand, anId(), anId()), DealStage.CONTRACT_SIGNED);
        Deal lost = inStage(aDeal(brand, anId(), anId()), DealStage.LOST);
        for (Deal d : List.of(lead, signed, lost)) {
            deals.insert(d);
        }

        assertEquals(List.of(signed), deals.list(
                new Deals.Query(Optional.of(brand), Optional.empty(), Optional.empty(),
                        Optional.of(DealStage.CONTRACT_SIGNED)), Optional.empty(), 10));
        assertEquals(List.of(), deals.list(
                new Deals.Query(Optional.of(brand), Optional.empty(), Optional.empty(),
                        Optional.of(DealStage.COMPLETED)), Optional.empty(), 10));
    }

    @Test
    void every_present_filter_part_must_match() {
        String brand = anId();
        String talent = anId();
        String agent = anId();
        Deal match = inStage(aDeal(brand, talent, agent), DealStage.NEGOTIATION);
        List<Deal> nearMisses = List.of(inStage(aDeal(anId(), talent, agent), DealStage.NEGOTIATION),
                inStage(aDeal(brand, anId(), agent), DealStage.NEGOTIATION),
                inStage(aDeal(brand, talent, anId()), DealStage.NEGOTIATION),
                aDeal(brand, talent, agent));
        deals.insert(match);
        nearMisses.forEach(deals::insert);

        assertEquals(List.of(match), deals.list(new Deals.Query(Optional.of(brand), Optional.of(talent),
                Optional.of(agent), Optional.of(DealStage.NEGOTIATION)), Optional.empty(), 10));
    }

    @Test
    void after_id_and_limit_page_through_every_deal_once() {
        String brand = anId();
        List<Deal> made = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Deal d = aDeal(brand, anId(), anId());
            deals.insert(d);
            made.add(d);
        }

        assertEquals(made.subList(1, 4), deals.list(ofBrand(brand), Optional.of(made.get(0).id()), 3));
        assertEquals(List.of(), deals.list(ofBrand(brand), Optional.of(made.get(6).id()), 3));
        for (int limit : new int[] {1, 2, 3, 7, 8}) {
            assertEquals(made, pageThrough((cursor, n) -> deals.list(ofBrand(brand), cursor, n), Deal::id, limit,
                    true), "limit " + limit);
        }
    }

    @Test
    void deals_inserted_between_page_fetches_never_make_a_deal_repeat_or_go_missing() {
        String brand = anId();
        List<Deal> early = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            early.add(aDeal(brand, anId(), anId()));
        }
        // made before the listing starts but stored during it: some land after the cursor, some before
        List<Deal> heldBack = List.of(early.get(5), early.get(0), early.get(8));
        early.removeAll(heldBack);
        early.forEach(deals::insert);

        List<Deal> listed = new ArrayList<>();
        List<Deal> expected = new ArrayList<>(early);
        Optional<String> cursor = Optional.empty();
        for (int fetch = 0; fetch < 50; fetch++) {
            List<Deal> page = deals.list(ofBrand(brand), cursor, 3);
            if (page.isEmpty()) {
                break;
            }
            listed.addAll(page);
            cursor = Optional.of(page.get(page.size() - 1).id());
            if (fetch < heldBack.size()) {
                Deal late = heldBack.get(fetch);
                Deal fresh = aDeal(brand, anId(), anId());
                deals.insert(late);
                deals.insert(fresh);
                if (late.id().compareTo(cursor.get()) > 0) {
                    expected.add(late);
                }
                expected.add(fresh);
            }
        }

        expected.sort(Comparator.comparing(Deal::id));
        assertEquals(expected, listed);
    }

    /**
     * Paging through any set of deals with any page size lists every deal of the brand exactly once, in
     * ascending id order; deals of other brands never appear.
     *
     * @param ours     per deal, whether it is with our brand (the rest are with another brand)
     * @param pageSize the limit
     * @param random   the insertion order
     */
    @Property(tries = 200)
    void keyset_pagination_returns_every_item_exactly_once_for_any_page_size_and_any_data_set(
            @ForAll @Size(max = 60) List<Boolean> ours, @ForAll @IntRange(min = 1, max = 25) int pageSize,
            @ForAll Random random) {
        String brand = anId();
        String otherBrand = anId();
        List<Deal> all = new ArrayList<>();
        for (boolean mine : ours) {
            all.add(aDeal(mine ? brand : otherBrand, anId(), anId()));
        }
        List<String> expected = all.stream().filter(d -> d.brandId().equals(brand)).map(Deal::id).sorted().toList();
        Collections.shuffle(all, random);
        all.forEach(deals::insert);

        List<String> listed = pageThrough((cursor, limit) -> deals.list(ofBrand(brand), cursor, limit), Deal::id,
                pageSize, true).stream().map(Deal::id).toList();

        assertEquals(expected, listed);
        assertEquals(listed.size(), Set.copyOf(listed).size(), "a deal was listed twice");
    }

    // ---- units of work -----------------------------------------------------------------------------

    @Test
    void a_rolled_back_insert_leaves_no_deal() {
        Deal deal = aDeal(anId(), anId(), anId());

        runAndRollBack(persistence.transactions(), () -> deals.insert(deal));

        assertEquals(Optional.empty(), deals.findById(deal.id()));
        assertEquals(List.of(), deals.list(ofBrand(deal.brandId()), Optional.empty(), 10));
    }

    @Test
    void a_rolled_back_stage_change_and_its_audit_event_leave_no_trace() {
        Deal deal = aDeal(anId(), anId(), anId());
        deals.insert(deal);
        EntityRef ref = EntityRef.of(EntityType.DEAL, deal.id());

        runAndRollBack(persistence.transactions(), () -> {
            deals.update(next(deal, DealStage.NEGOTIATION));
            persistence.auditLog().append(anAuditEvent(AuditAction.DEAL_STAGE_CHANGED, ref));
        });

        assertEquals(Optional.of(deal), deals.findById(deal.id()));
        assertEquals(List.of(), persistence.auditLog().byEntity(ref, Optional.empty(), 10));
        deals.update(next(deal, DealStage.NEGOTIATION));
        assertEquals(2, deals.findById(deal.id()).orElseThrow().version());
    }

    // ---- concurrency -------------------------------------------------------------------------------

    @Test
    void two_threads_moving_the_same_deal_from_one_version_one_wins() {
        for (int round = 0; round < RACE_ROUNDS; round++) {
            Deal deal = aDeal(anId(), anId(), anId());
            deals.insert(deal);
            List<Deal> attempts = List.of(next(deal, DealStage.NEGOTIATION), next(deal, DealStage.LOST));

            int winner = assertOneWins(race(() -> deals.update(attempts.get(0)), () -> deals.update(attempts.get(1))),
                    Reason.VERSION_MISMATCH);

            assertEquals(Optional.of(attempts.get(winner)), deals.findById(deal.id()));
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private static Deals.Query ofBrand(String brandId) {
        return new Deals.Query(Optional.of(brandId), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The next version of a deal: a new stage, version + 1, updated later. */
    private static Deal next(Deal d, DealStage stage) {
        return new Deal(d.id(), d.brandId(), d.talentId(), d.ownerAgentId(), d.title(), d.value(), stage,
                d.commissionPlanId(), d.version() + 1, d.createdAt(), LATER);
    }

    private static Deal withVersion(Deal d, long version) {
        return new Deal(d.id(), d.brandId(), d.talentId(), d.ownerAgentId(), d.title(), d.value(), d.stage(),
                d.commissionPlanId(), version, d.createdAt(), d.updatedAt());
    }

    private static Deal inStage(Deal d, DealStage stage) {
        return new Deal(d.id(), d.brandId(), d.talentId(), d.ownerAgentId(), d.title(), d.value(), stage,
                d.commissionPlanId(), d.version(), d.createdAt(), d.updatedAt());
    }
}
