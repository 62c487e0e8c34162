package com.breakagency.testkit.contract;

import static com.breakagency.testkit.Fixtures.NOW;
import static com.breakagency.testkit.Fixtures.aBrand;
import static com.breakagency.testkit.Fixtures.aBrandOwnedBy;
import static com.breakagency.testkit.Fixtures.aDomain;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.model.crm.BrandStatus;
import com.breakagency.ports.model.crm.Normalize;
import com.breakagency.ports.spi.Brands;
import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.CrmArbitraries;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every promise of the {@link Brands} port. An adapter's test extends this class and returns a fresh
 * bundle from {@link #persistence()}; the contract uses its {@link Brands} store, its
 * {@link Persistence#transactions() transactions} for rollback and its audit log for the rule that a
 * rolled-back change leaves no audit event.
 *
 * <p>What an adapter must do beyond the javadoc of {@link Brands}:
 * <ul>
 *   <li>keep instants to at least the microsecond: the fixtures' timestamps have microseconds and must
 *       come back equal;</li>
 *   <li>order ids as {@link String#compareTo(String)} does (fixture ids use only {@code [0-9a-f]}, so
 *       any collation agrees);</li>
 *   <li>fill every page: a page holds the first {@code limit} matching records after the cursor, so
 *       only the last page is shorter than the limit;</li>
 *   <li>answer {@link Brands#findByDomain(String)} from an index on the normalized domain (callers
 *       normalize with {@link Normalize#domain(String)}; the store compares exactly, it never scans or
 *       matches patterns).</li>
 * </ul>
 *
 * <p>Every test makes its own records with fresh ids and scopes its listings to a fresh owning agent
 * or name, so records other tests left behind do not disturb it.
 *
 * <p>The properties run on the jqwik engine, so the test class path needs {@code net.jqwik:jqwik}
 * (without it they are silently skipped). jqwik calls {@link #persistence()} before each property, but
 * runs no JUnit {@code @BeforeAll} or {@code @BeforeEach} method of the subclass: set up what the
 * factory needs in the factory itself or in static state.
 */
public abstract class BrandsContract extends PropertyContract {

    private static final Instant LATER = NOW.plus(90, ChronoUnit.MINUTES).plus(7, ChronoUnit.MICROS);

    private Persistence persistence;
    private Brands brands;

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
        brands = persistence.brands();
    }

    // ---- round trips -------------------------------------------------------------------------------

    @Test
    void a_stored_brand_reads_back_equal_by_id_and_by_domain() {
        Brand brand = aBrand(aDomain(), aDomain());
        brands.insert(brand);

        assertEquals(Optional.of(brand), brands.findById(brand.id()));
        for (String domain : brand.domains()) {
            assertEquals(Optional.of(brand), brands.findByDomain(domain));
        }
    }

    @Test
    void a_brand_without_domains_or_tags_reads_back_equal() {
        Brand bare = new Brand(anId(), "No Web Ltd", Set.of(), BrandStatus.ARCHIVED, anId(), Set.of(), 1, NOW, LATER);
        brands.insert(bare);

        assertEquals(Optional.of(bare), brands.findById(bare.id()));
    }

    @Test
    void timestamps_keep_their_microseconds() {
        Instant created = Instant.parse("2026-03-01T23:59:59.999999Z");
        Brand brand = at(aBrand(), created, created.plus(1, ChronoUnit.MICROS));
        brands.insert(brand);

        Brand read = brands.findById(brand.id()).orElseThrow();
        assertEquals(created, read.createdAt());
        assertEquals(created.plus(1, ChronoUnit.MICROS), read.updatedAt());
    }

    @Test
    void an_unknown_id_or_domain_finds_nothing() {
        brands.insert(aBrand());

        assertEquals(Optional.empty(), brands.findById(anId()));
        assertEquals(Optional.empty(), brands.findByDomain(aDomain()));
    }

    /**
     * Any brand, with any name and tags a command accepts, survives a round trip unchanged.
     *
     * @param brand a brand
     */
    @Property(tries = 50)
    void any_brand_survives_a_round_trip(@ForAll("anyBrand") Brand brand) {
        brands.insert(brand);
        assertEquals(Optional.of(brand), brands.findById(brand.id()));
    }

    @Provide
    Arbitrary<Brand> anyBrand() {
        return CrmArbitraries.brands();
    }

    // ---- uniqueness --------------------------------------------------------------------------------

    @Test
    void a_second_brand_claiming_a_taken_domain_is_refused_naming_domains() {
        String shared = aDomain();
        Brand first = aBrand(shared);
        brands.insert(first);

        Brand second = aBrand(aDomain(), shared);
        assertAlreadyExists("domains", () -> brands.insert(second));

        assertEquals(Optional.empty(), brands.findById(second.id()));
        assertEquals(Optional.of(first), brands.findByDomain(shared));
    }

    @Test
    void a_refused_insert_claims_none_of_its_domains() {
        String taken = aDomain();
        brands.insert(aBrand(taken));
        String free = aDomain();
        Brand refused = aBrand(free, taken);

        assertAlreadyExists("domains", () -> brands.insert(refused));

        assertEquals(Optional.empty(), brands.findByDomain(free));
        Brand later = aBrand(free);
        brands.insert(later);
        assertEquals(Optional.of(later), brands.findByDomain(free));
    }

    @Test
    void a_taken_id_is_refused_naming_id_and_the_stored_brand_stays() {
        Brand first = aBrand();
        brands.insert(first);
        String otherDomain = aDomain();
        Brand sameId = new Brand(first.id(), "Impostor", Set.of(otherDomain), BrandStatus.ACTIVE, anId(), Set.of(),
                1, NOW, NOW);

        assertAlreadyExists("id", () -> brands.insert(sameId));

        assertEquals(Optional.of(first), brands.findById(first.id()));
        assertEquals(Optional.empty(), brands.findByDomain(otherDomain));
    }

    @Test
    void an_update_claiming_another_brands_domain_is_refused_and_changes_nothing() {
        String theirs = aDomain();
        Brand other = aBrand(theirs);
        Brand mine = aBrand();
        brands.insert(other);
        brands.insert(mine);
        String extra = aDomain();

        assertAlreadyExists("domains", () -> brands.update(next(mine, "Mine", extra, theirs)));

        assertEquals(Optional.of(mine), brands.findById(mine.id()));
        assertEquals(Optional.of(other), brands.findByDomain(theirs));
        assertEquals(Optional.empty(), brands.findByDomain(extra));
        for (String domain : mine.domains()) {
            assertEquals(Optional.of(mine), brands.findByDomain(domain));
        }
    }

    @Test
    void an_update_that_drops_a_domain_frees_it_for_other_brands() {
        String kept = aDomain();
        String dropped = aDomain();
        Brand brand = aBrand(kept, dropped);
        brands.insert(brand);

        Brand updated = next(brand, brand.name(), kept);
        brands.update(updated);

        assertEquals(Optional.empty(), brands.findByDomain(dropped));
        assertEquals(Optional.of(updated), brands.findByDomain(kept));
        Brand newcomer = aBrand(dropped);
        brands.insert(newcomer);
        assertEquals(Optional.of(newcomer), brands.findByDomain(dropped));
    }

    @Test
    void an_update_that_keeps_its_domains_does_not_conflict_with_itself() {
        Brand brand = aBrand(aDomain(), aDomain());
        brands.insert(brand);

        Brand renamed = next(brand, "Acme Skincare International", brand.domains().toArray(String[]::new));
        brands.update(renamed);

        assertEquals(Optional.of(renamed), brands.findById(brand.id()));
    }

    // ---- optimistic versions -----------------------------------------------------------------------

    @Test
    void an_update_with_the_next_version_replaces_the_brand() {
        Brand brand = aBrand();
        brands.insert(brand);
        String newDomain = aDomain();

        Brand updated = new Brand(brand.id(), "Acme Beauty", Set.of(newDomain), BrandStatus.ARCHIVED, anId(),
                Set.of("archived-2026"), 2, brand.createdAt(), LATER);
        brands.update(updated);

        assertEquals(Optional.of(updated), brands.findById(brand.id()));
        assertEquals(Optional.of(updated), brands.findByDomain(newDomain));
        Brand third = next(updated, "Acme Beauty Group", newDomain);
        brands.update(third);
        assertEquals(3, brands.findById(brand.id()).orElseThrow().version());
    }

    @Test
    void an_update_from_a_stale_version_is_refused_with_version_mismatch_and_changes_nothing() {
        Brand brand = aBrand();
        brands.insert(brand);
        Brand winner = next(brand, "Winner", brand.domains().toArray(String[]::new));
        brands.update(winner);
        String loserDomain = aDomain();

        assertVersionMismatch(() -> brands.update(next(brand, "Loser", loserDomain)));

        assertEquals(Optional.of(winner), brands.findById(brand.id()));
        assertEquals(Optional.empty(), brands.findByDomain(loserDomain));
    }

    @Test
    void an_update_that_skips_a_version_or_repeats_one_is_refused() {
        Brand brand = aBrand();
        brands.insert(brand);

        assertVersionMismatch(() -> brands.update(withVersion(brand, 3)));
        assertVersionMismatch(() -> brands.update(withVersion(brand, 1)));

        assertEquals(Optional.of(brand), brands.findById(brand.id()));
    }

    @Test
    void updating_a_brand_that_does_not_exist_is_not_found() {
        Brand ghost = withVersion(aBrand(), 2);

        assertNotFound(() -> brands.update(ghost));

        assertEquals(Optional.empty(), brands.findById(ghost.id()));
        assertEquals(Optional.empty(), brands.findByDomain(ghost.domains().iterator().next()));
    }

    // ---- look-ups ----------------------------------------------------------------------------------

    @Test
    void find_by_domain_matches_the_whole_normalized_domain_and_nothing_else() {
        String token = anId();
        String domain = Normalize.domain(" Shop." + token + ".Example.COM. ");
        Brand brand = aBrand(domain);
        brands.insert(brand);

        assertEquals(Optional.of(brand), brands.findByDomain(Normalize.domain("SHOP." + token + ".example.com")));
        assertEquals(Optional.empty(), brands.findByDomain(token + ".example.com"), "a suffix");
        assertEquals(Optional.empty(), brands.findByDomain("shop." + token + ".example.co"), "a prefix");
        assertEquals(Optional.empty(), brands.findByDomain("www.shop." + token + ".example.com"), "a subdomain");
        assertEquals(Optional.empty(), brands.findByDomain("shop." + token + ".example.co%"), "a LIKE pattern");
        assertEquals(Optional.empty(), brands.findByDomain("shop." + token + ".example_com"), "a LIKE wildcard");
    }

    // ---- listings ----------------------------------------------------------------------------------

    @Test
    void a_listing_is_in_ascending_id_order_whatever_the_insertion_order() {
        String agent = anId();
        List<Brand> made = List.of(aBrandOwnedBy(agent), aBrandOwnedBy(agent), aBrandOwnedBy(agent),
                aBrandOwnedBy(agent));
        for (int i : new int[] {2, 0, 3, 1}) {
            brands.insert(made.get(i));
        }

        assertEquals(made, brands.list(byOwner(agent), Optional.empty(), 10));
    }

    @Test
    void the_owner_filter_lists_only_that_agents_brands() {
        String agent = anId();
        Brand a = aBrandOwnedBy(agent);
        Brand b = aBrandOwnedBy(agent);
        brands.insert(a);
        brands.insert(aBrandOwnedBy(anId()));
        brands.insert(b);

        assertEquals(List.of(a, b), brands.list(byOwner(agent), Optional.empty(), 10));
    }

    @Test
    void the_status_filter_lists_only_brands_in_that_status() {
        String agent = anId();
        Brand active = aBrandOwnedBy(agent);
        Brand archived = withStatus(aBrandOwnedBy(agent), BrandStatus.ARCHIVED);
        brands.insert(active);
        brands.insert(archived);

        assertEquals(List.of(archived), brands.list(
                new Brands.Query(Optional.empty(), Optional.of(BrandStatus.ARCHIVED), Optional.of(agent)),
                Optional.empty(), 10));
        assertEquals(List.of(active), brands.list(
                new Brands.Query(Optional.empty(), Optional.of(BrandStatus.ACTIVE), Optional.of(agent)),
                Optional.empty(), 10));
        assertTrue(brands.list(new Brands.Query(Optional.empty(), Optional.of(BrandStatus.ARCHIVED), Optional.empty()),
                Optional.empty(), 500).stream().allMatch(b -> b.status() == BrandStatus.ARCHIVED));
    }

    @Test
    void the_name_prefix_filter_ignores_case() {
        String token = "Z" + anId();
        Brand upper = named(aBrand(), token.toUpperCase(Locale.ROOT) + " COSMETICS");
        Brand mixed = named(aBrand(), token + " Cosmetics");
        Brand inside = named(aBrand(), "The " + token + " Cosmetics");
        brands.insert(upper);
        brands.insert(mixed);
        brands.insert(inside);

        assertEquals(List.of(upper, mixed),
                brands.list(byNamePrefix(token.toLowerCase(Locale.ROOT) + " cos"), Optional.empty(), 10));
    }

    @Test
    void a_name_prefix_is_matched_literally_not_as_a_pattern() {
        String token = "Z" + anId();
        Brand percent = named(aBrand(), token + "50% Off");
        Brand digits = named(aBrand(), token + "500 Club");
        Brand underscore = named(aBrand(), token + "A_B Studio");
        Brand letter = named(aBrand(), token + "AxB Studio");
        for (Brand b : List.of(percent, digits, underscore, letter)) {
            brands.insert(b);
        }

        assertEquals(List.of(percent), brands.list(byNamePrefix(token + "50%"), Optional.empty(), 10));
        assertEquals(List.of(underscore), brands.list(byNamePrefix(token + "A_B"), Optional.empty(), 10));
    }

    @Test
    void every_present_filter_part_must_match() {
        String agent = anId();
        String token = "Z" + anId();
        Brand match = withStatus(named(aBrandOwnedBy(agent), token + " Match"), BrandStatus.ARCHIVED);
        Brand wrongStatus = named(aBrandOwnedBy(agent), token + " Active");
        Brand wrongName = withStatus(named(aBrandOwnedBy(agent), "Other " + token), BrandStatus.ARCHIVED);
        Brand wrongOwner = withStatus(named(aBrandOwnedBy(anId()), token + " Theirs"), BrandStatus.ARCHIVED);
        for (Brand b : List.of(match, wrongStatus, wrongName, wrongOwner)) {
            brands.insert(b);
        }

        assertEquals(List.of(match), brands.list(
                new Brands.Query(Optional.of(token), Optional.of(BrandStatus.ARCHIVED), Optional.of(agent)),
                Optional.empty(), 10));
    }

    @Test
    void after_id_excludes_that_brand_and_every_one_before_it() {
        String agent = anId();
        List<Brand> made = insertOwnedBy(agent, 5);

        assertEquals(made.subList(3, 5), brands.list(byOwner(agent), Optional.of(made.get(2).id()), 10));
        assertEquals(List.of(), brands.list(byOwner(agent), Optional.of(made.get(4).id()), 10));
    }

    @Test
    void the_limit_caps_each_page_and_only_the_last_page_is_short() {
        String agent = anId();
        List<Brand> made = insertOwnedBy(agent, 7);

        assertEquals(made.subList(0, 3), brands.list(byOwner(agent), Optional.empty(), 3));
        assertEquals(made.subList(3, 6), brands.list(byOwner(agent), Optional.of(made.get(2).id()), 3));
        assertEquals(made.subList(6, 7), brands.list(byOwner(agent), Optional.of(made.get(5).id()), 3));
        assertEquals(made.subList(0, 1), brands.list(byOwner(agent), Optional.empty(), 1));
    }

    @Test
    void the_cursor_still_works_after_its_brand_stops_matching_the_filter() {
        String agent = anId();
        List<Brand> made = insertOwnedBy(agent, 4);
        Brands.Query active = new Brands.Query(Optional.empty(), Optional.of(BrandStatus.ACTIVE), Optional.of(agent));
        List<Brand> first = brands.list(active, Optional.empty(), 2);
        Brand cursor = first.get(1);
        brands.update(withStatus(withVersion(cursor, 2), BrandStatus.ARCHIVED));

        assertEquals(made.subList(2, 4), brands.list(active, Optional.of(cursor.id()), 2));
    }

    @Test
    void brands_inserted_between_page_fetches_never_make_a_brand_repeat_or_go_missing() {
        String agent = anId();
        List<Brand> early = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            early.add(aBrandOwnedBy(agent));
        }
        // made before the listing starts but stored during it: one lands after the cursor, one before
        List<Brand> heldBack = List.of(early.get(4), early.get(1), early.get(7));
        early.removeAll(heldBack);
        early.forEach(brands::insert);

        List<Brand> listed = new ArrayList<>();
        List<Brand> expected = new ArrayList<>(early);
        Optional<String> cursor = Optional.empty();
        for (int fetch = 0; fetch < 50; fetch++) {
            List<Brand> page = brands.list(byOwner(agent), cursor, 2);
            if (page.isEmpty()) {
                break;
            }
            listed.addAll(page);
            cursor = Optional.of(page.get(page.size() - 1).id());
            if (fetch < 3) {
                Brand late = heldBack.get(fetch);
                Brand fresh = aBrandOwnedBy(agent);
                brands.insert(late);
                brands.insert(fresh);
                if (late.id().compareTo(cursor.get()) > 0) {
                    expected.add(late);
                }
                expected.add(fresh);
            }
        }

        expected.sort(Comparator.comparing(Brand::id));
        assertEquals(expected, listed);
    }

    /**
     * Paging through any set of brands with any page size lists every matching brand exactly once, in
     * ascending id order; brands of another owner never appear.
     *
     * @param ours     per brand, whether it is ours (the rest belong to another owner)
     * @param pageSize the limit
     * @param random   the insertion order
     */
    @Property(tries = 200)
    void keyset_pagination_returns_every_item_exactly_once_for_any_page_size_and_any_data_set(
            @ForAll @Size(max = 60) List<Boolean> ours, @ForAll @IntRange(min = 1, max = 25) int pageSize,
            @ForAll Random random) {
        String agent = anId();
        String someoneElse = anId();
        List<Brand> all = new ArrayList<>();
        for (boolean mine : ours) {
            all.add(aBrandOwnedBy(mine ? agent : someoneElse));
        }
        List<String> expected = all.stream().filter(b -> b.ownerAgentId().equals(agent)).map(Brand::id).sorted()
                .toList();
        Collections.shuffle(all, random);
        all.forEach(brands::insert);

        List<String> listed = pageThrough((cursor, limit) -> brands.list(byOwner(agent), cursor, limit), Brand::id,
                pageSize, true).stream().map(Brand::id).toList();

        assertEquals(expected, listed);
        assertEquals(listed.size(), Set.copyOf(listed).size(), "a brand was listed twice");
    }

    // ---- units of work -----------------------------------------------------------------------------

    @Test
    void a_unit_of_work_sees_its_own_uncommitted_brand() {
        Brand brand = aBrand();

        persistence.transactions().inTransaction(() -> {
            brands.insert(brand);
            assertEquals(Optional.of(brand), brands.findById(brand.id()));
            assertEquals(Optional.of(brand), brands.findByDomain(brand.domains().iterator().next()));
            assertEquals(List.of(brand), brands.list(byOwner(brand.ownerAgentId()), Optional.empty(), 10));
            return null;
        });

        assertEquals(Optional.of(brand), brands.findById(brand.id()));
    }

    @Test
    void a_rolled_back_insert_leaves_no_brand_and_frees_its_domains() {
        Brand brand = aBrand(aDomain(), aDomain());

        runAndRollBack(persistence.transactions(), () -> brands.insert(brand));

        assertEquals(Optional.empty(), brands.findById(brand.id()));
        assertEquals(List.of(), brands.list(byOwner(brand.ownerAgentId()), Optional.empty(), 10));
        for (String domain : brand.domains()) {
            assertEquals(Optional.empty(), brands.findByDomain(domain));
        }
        Brand again = aBrand(brand.domains().toArray(String[]::new));
        brands.insert(again);
        assertEquals(Optional.of(again), brands.findById(again.id()));
    }

    @Test
    void a_rolled_back_update_leaves_the_brand_and_its_domains_as_they_were() {
        String oldDomain = aDomain();
        Brand brand = aBrand(oldDomain);
        brands.insert(brand);
        String newDomain = aDomain();

        runAndRollBack(persistence.transactions(), () -> brands.update(next(brand, "Renamed", newDomain)));

        assertEquals(Optional.of(brand), brands.findById(brand.id()));
        assertEquals(Optional.of(brand), brands.findByDomain(oldDomain));
        assertEquals(Optional.empty(), brands.findByDomain(newDomain));
        brands.update(next(brand, "Renamed for real", newDomain));
        assertEquals(2, brands.findById(brand.id()).orElseThrow().version());
    }

    @Test
    void a_rolled_back_brand_change_leaves_no_audit_event() {
        Brand brand = aBrand();
        EntityRef ref = EntityRef.of(EntityType.BRAND, brand.id());

        runAndRollBack(persistence.transactions(), () -> {
            brands.insert(brand);
            persistence.auditLog().append(anAuditEvent(AuditAction.BRAND_CREATED, ref));
        });

        assertEquals(Optional.empty(), brands.findById(brand.id()));
        assertEquals(List.of(), persistence.auditLog().byEntity(ref, Optional.empty(), 10));
    }

    // ---- concurrency -------------------------------------------------------------------------------

    @Test
    void two_threads_updating_the_same_brand_from_one_version_one_wins() {
        for (int round = 0; round < RACE_ROUNDS; round++) {
            Brand brand = aBrand();
            brands.insert(brand);
            List<Brand> attempts = List.of(next(brand, "Left", aDomain()), next(brand, "Right", aDomain()));

            int winner = assertOneWins(race(() -> brands.update(attempts.get(0)), () -> brands.update(attempts.get(1))),
                    Reason.VERSION_MISMATCH);

            Brand won = attempts.get(winner);
            Brand lost = attempts.get(1 - winner);
            assertEquals(Optional.of(won), brands.findById(brand.id()));
            assertEquals(Optional.empty(), brands.findByDomain(lost.domains().iterator().next()));
        }
    }

    @Test
    void two_threads_inserting_brands_with_the_same_domain_one_wins() {
        for (int round = 0; round < RACE_ROUNDS; round++) {
            String contested = aDomain();
            List<Brand> attempts = List.of(aBrand(aDomain(), contested), aBrand(contested, aDomain()));

            int winner = assertOneWins(race(() -> brands.insert(attempts.get(0)), () -> brands.insert(attempts.get(1))),
                    Reason.ALREADY_EXISTS);

            Brand lost = attempts.get(1 - winner);
            assertEquals(Optional.of(attempts.get(winner)), brands.findByDomain(contested));
            assertEquals(Optional.empty(), brands.findById(lost.id()));
            for (String domain : lost.domains()) {
                assertEquals(domain.equals(contested), brands.findByDomain(domain).isPresent());
            }
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private List<Brand> insertOwnedBy(String agent, int count) {
        List<Brand> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Brand brand = aBrandOwnedBy(agent);
            brands.insert(brand);
            made.add(brand);
        }
        return made;
    }

    private static Brands.Query byOwner(String agentId) {
        return new Brands.Query(Optional.empty(), Optional.empty(), Optional.of(agentId));
    }

    private static Brands.Query byNamePrefix(String prefix) {
        return new Brands.Query(Optional.of(prefix), Optional.empty(), Optional.empty());
    }

    /** The next version of a brand: new name and domains, version + 1, updated later. */
    private static Brand next(Brand b, String name, String... domains) {
        return new Brand(b.id(), name, Set.of(domains), b.status(), b.ownerAgentId(), b.tags(), b.version() + 1,
                b.createdAt(), LATER);
    }

    private static Brand withVersion(Brand b, long version) {
        return new Brand(b.id(), b.name(), b.domains(), b.status(), b.ownerAgentId(), b.tags(), version,
                b.createdAt(), b.updatedAt());
    }

    private static Brand withStatus(Brand b, BrandStatus status) {
        return new Brand(b.id(), b.name(), b.domains(), status, b.ownerAgentId(), b.tags(), b.version(),
                b.createdAt(), b.updatedAt());
    }

    private static Brand named(Brand b, String name) {
        return new Brand(b.id(), name, b.domains(), b.status(), b.ownerAgentId(), b.tags(), b.version(),
                b.createdAt(), b.updatedAt());
    }

    private static Brand at(Brand b, Instant createdAt, Instant updatedAt) {
        return new Brand(b.id(), b.name(), b.domains(), b.status(), b.ownerAgentId(), b.tags(), b.version(),
                createdAt, updatedAt);
    }
}
