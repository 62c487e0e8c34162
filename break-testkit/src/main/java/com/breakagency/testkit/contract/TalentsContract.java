package com.breakagency.testkit.contract;

import static com.breakagency.testkit.Fixtures.NOW;
import static com.breakagency.testkit.Fixtures.aTalent;
import static com.breakagency.testkit.Fixtures.aTalentManagedBy;
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
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.crm.SocialHandle;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.spi.Persistence;
import com.breakagency.ports.spi.Talents;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every promise of the {@link Talents} port. An adapter's test extends this class and returns a fresh
 * bundle from {@link #persistence()}.
 *
 * <p>Adapters must keep a talent's social accounts in their order, keep instants to at least the
 * microsecond, order ids as {@link String#compareTo(String)} does, and fill every page: a page holds
 * the first {@code limit} matching profiles after the cursor, so only the last page is shorter than the
 * limit.
 *
 * <p>Every test makes its own records with fresh ids and scopes its listings to a fresh managing agent
 * or name, so records other tests left behind do not disturb it.
 */
public abstract class TalentsContract {

    private static final Instant LATER = NOW.plus(1, ChronoUnit.DAYS).plus(11, ChronoUnit.MICROS);

    private Persistence persistence;
    private Talents talents;

    /**
     * The bundle under test. Called once before each test; must return a fresh, empty bundle whose
     * stores share its {@link Persistence#transactions()}.
     *
     * @return the bundle
     */
    protected abstract Persistence persistence();

    @BeforeEach
    void openStores() {
        persistence = persistence();
        talents = persistence.talents();
    }

    // ---- round trips -------------------------------------------------------------------------------

    @Test
    void a_stored_talent_reads_back_equal_with_its_accounts_in_order() {
        Talent talent = new Talent(anId(), "Sam Creator",
                List.of(new SocialHandle("youtube", "samcreates"), new SocialHandle("instagram", "sam.creates"),
                        new SocialHandle("tiktok", "samcreates"), new SocialHandle("instagram", "sam.backstage")),
                Optional.of("sam@example.com"), Optional.of(anId()), Optional.of(anId()), Currency.getInstance("EUR"),
                false, 1, NOW, LATER);
        talents.insert(talent);

        assertEquals(Optional.of(talent), talents.findById(talent.id()));
    }

    @Test
    void a_talent_with_nothing_optional_reads_back_equal() {
        Talent bare = new Talent(anId(), "New Signing", List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Currency.getInstance("JPY"), true, 1, NOW, NOW);
        talents.insert(bare);

        assertEquals(Optional.of(bare), talents.findById(bare.id()));
    }

    @Test
    void an_unknown_id_finds_nothing() {
        talents.insert(aTalent());

        assertEquals(Optional.empty(), talents.findById(anId()));
    }

    @Test
    void a_taken_id_is_refused_naming_id_and_the_stored_talent_stays() {
        Talent first = aTalent();
        talents.insert(first);

        assertAlreadyExists("id", () -> talents.insert(named(withId(aTalent(), first.id()), "Impostor")));

        assertEquals(Optional.of(first), talents.findById(first.id()));
    }

    // ---- optimistic versions -----------------------------------------------------------------------

    @Test
    void an_update_with_the_next_version_replaces_the_talent() {
        Talent talent = aTalent();
        talents.insert(talent);

        Talent updated = new Talent(talent.id(), "Sam Creator-Smith", List.of(new SocialHandle("twitch", "samlive")),
                Optional.empty(), Optional.of(anId()), Optional.of(anId()), Currency.getInstance("USD"), true, 2,
                talent.createdAt(), LATER);
        talents.update(updated);

        assertEquals(Optional.of(updated), talents.findById(talent.id()));
    }

    @Test
    void an_update_from_a_stale_version_is_refused_with_version_mismatch_and_changes_nothing() {
        Talent talent = aTalent();
        talents.insert(talent);
        Talent winner = next(talent, "Winner");
        talents.update(winner);

        assertVersionMismatch(() -> talents.update(next(talent, "Loser")));

        assertEquals(Optional.of(winner), talents.findById(talent.id()));
    }

    @Test
    void an_update_that_skips_a_version_or_repeats_one_is_refused() {
        Talent talent = aTalent();
        talents.insert(talent);

        assertVersionMismatch(() -> talents.update(withVersion(talent, 3)));
        assertVersionMismatch(() -> talents.update(withVersion(talent, 1)));

        assertEquals(Optional.of(talent), talents.findById(talent.id()));
    }

    @Test
    void updating_a_talent_that_does_not_exist_is_not_found() {
        Talent ghost = withVersion(aTalent(), 2);

        assertNotFound(() -> talents.update(ghost));

        assertEquals(Optional.empty(), talents.findById(ghost.id()));
    }

    // ---- listings ----------------------------------------------------------------------------------

    @Test
    void a_listing_is_in_ascending_id_order_whatever_the_insertion_order() {
        String agent = anId();
        List<Talent> made = List.of(aTalentManagedBy(agent), aTalentManagedBy(agent), aTalentManagedBy(agent));
        talents.insert(made.get(1));
        talents.insert(made.get(2));
        talents.insert(made.get(0));

        assertEquals(made, talents.list(managedBy(agent, false), Optional.empty(), 10));
    }

    @Test
    void the_agent_filter_lists_only_that_agents_talent() {
        String agent = anId();
        Talent a = aTalentManagedBy(agent);
        Talent b = aTalentManagedBy(agent);
        talents.insert(a);
        talents.insert(aTalentManagedBy(anId()));
        talents.insert(unmanaged(aTalent()));
        talents.insert(b);

        assertEquals(List.of(a, b), talents.list(managedBy(agent, false), Optional.empty(), 10));
    }

    @Test
    void archived_talent_is_listed_only_when_asked_for() {
        String agent = anId();
        Talent active = aTalentManagedBy(agent);
        Talent archived = archived(aTalentManagedBy(agent));
        talents.insert(active);
        talents.insert(archived);

        assertEquals(List.of(active), talents.list(managedBy(agent, false), Optional.empty(), 10));
        assertEquals(List.of(active, archived), talents.list(managedBy(agent, true), Optional.empty(), 10));
    }

    @Test
    void the_name_prefix_filter_ignores_case_and_matches_literally() {
        String token = "Z" + anId();
        Talent upper = named(aTalent(), token.toUpperCase(Locale.ROOT) + " BEAUTY");
        Talent lower = named(aTalent(), token.toLowerCase(Locale.ROOT) + " beauty");
        Talent percent = named(aTalent(), token + "100%");
        Talent digits = named(aTalent(), token + "1000");
        for (Talent t : List.of(upper, lower, percent, digits)) {
            talents.insert(t);
        }

        assertEquals(List.of(upper, lower),
                talents.list(new Talents.Query(Optional.of(token + " Bea"), Optional.empty(), false),
                        Optional.empty(), 10));
        assertEquals(List.of(percent),
                talents.list(new Talents.Query(Optional.of(token + "100%"), Optional.empty(), false),
                        Optional.empty(), 10));
    }

    @Test
    void every_present_filter_part_must_match() {
        String agent = anId();
        String token = "Z" + anId();
        Talent match = named(aTalentManagedBy(agent), token + " Match");
        Talent wrongName = named(aTalentManagedBy(agent), "Other");
        Talent wrongAgent = named(aTalentManagedBy(anId()), token + " Elsewhere");
        Talent archived = archived(named(aTalentManagedBy(agent), token + " Archived"));
        for (Talent t : List.of(match, wrongName, wrongAgent, archived)) {
            talents.insert(t);
        }

        assertEquals(List.of(match), talents.list(new Talents.Query(Optional.of(token), Optional.of(agent), false),
                Optional.empty(), 10));
        assertEquals(List.of(match, archived),
                talents.list(new Talents.Query(Optional.of(token), Optional.of(agent), true), Optional.empty(), 10));
    }

    @Test
    void after_id_and_limit_page_through_every_talent_once() {
        String agent = anId();
        List<Talent> made = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Talent t = aTalentManagedBy(agent);
            talents.insert(t);
            made.add(t);
        }

        assertEquals(made.subList(5, 7), talents.list(managedBy(agent, false), Optional.of(made.get(4).id()), 5));
        for (int limit : new int[] {1, 2, 3, 7, 8}) {
            assertEquals(made, pageThrough((cursor, n) -> talents.list(managedBy(agent, false), cursor, n),
                    Talent::id, limit, true), "limit " + limit);
        }
    }

    // ---- units of work -----------------------------------------------------------------------------

    @Test
    void a_rolled_back_insert_leaves_no_talent() {
        Talent talent = aTalent();

        runAndRollBack(persistence.transactions(), () -> talents.insert(talent));

        assertEquals(Optional.empty(), talents.findById(talent.id()));
        assertEquals(List.of(), talents.list(managedBy(talent.managingAgentId().orElseThrow(), true),
                Optional.empty(), 10));
    }

    @Test
    void a_rolled_back_update_and_its_audit_event_leave_no_trace() {
        Talent talent = aTalent();
        talents.insert(talent);
        EntityRef ref = EntityRef.of(EntityType.TALENT, talent.id());

        runAndRollBack(persistence.transactions(), () -> {
            talents.update(next(talent, "Renamed"));
            persistence.auditLog().append(anAuditEvent(AuditAction.TALENT_UPDATED, ref));
        });

        assertEquals(Optional.of(talent), talents.findById(talent.id()));
        assertEquals(List.of(), persistence.auditLog().byEntity(ref, Optional.empty(), 10));
    }

    // ---- concurrency -------------------------------------------------------------------------------

    @Test
    void two_threads_updating_the_same_talent_from_one_version_one_wins() {
        for (int round = 0; round < RACE_ROUNDS; round++) {
            Talent talent = aTalent();
            talents.insert(talent);
            List<Talent> attempts = List.of(next(talent, "Left"), next(talent, "Right"));

            int winner = assertOneWins(race(() -> talents.update(attempts.get(0)),
                    () -> talents.update(attempts.get(1))), Reason.VERSION_MISMATCH);

            assertEquals(Optional.of(attempts.get(winner)), talents.findById(talent.id()));
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private static Talents.Query managedBy(String agentId, boolean includeArchived) {
        return new Talents.Query(Optional.empty(), Optional.of(agentId), includeArchived);
    }

    /** The next version of a talent: a new name, version + 1, updated later. */
    private static Talent next(Talent t, String name) {
        return new Talent(t.id(), name, t.handles(), t.email(), t.managingAgentId(), t.commissionPlanId(),
                t.homeCurrency(), t.archived(), t.version() + 1, t.createdAt(), LATER);
    }

    private static Talent withVersion(Talent t, long version) {
        return new Talent(t.id(), t.name(), t.handles(), t.email(), t.managingAgentId(), t.commissionPlanId(),
                t.homeCurrency(), t.archived(), version, t.createdAt(), t.updatedAt());
    }

    private static Talent withId(Talent t, String id) {
        return new Talent(id, t.name(), t.handles(), t.email(), t.managingAgentId(), t.commissionPlanId(),
                t.homeCurrency(), t.archived(), t.version(), t.createdAt(), t.updatedAt());
    }

    private static Talent named(Talent t, String name) {
        return new Talent(t.id(), name, t.handles(), t.email(), t.managingAgentId(), t.commissionPlanId(),
                t.homeCurrency(), t.archived(), t.version(), t.createdAt(), t.updatedAt());
    }

    private static Talent archived(Talent t) {
        return new Talent(t.id(), t.name(), t.handles(), t.email(), t.managingAgentId(), t.commissionPlanId(),
                t.homeCurrency(), true, t.version(), t.createdAt(), t.updatedAt());
    }

    private static Talent unmanaged(Talent t) {
        return new Talent(t.id(), t.name(), t.handles(), t.email(), Optional.empty(), t.commissionPlanId(),
                t.homeCurrency(), t.archived(), t.version(), t.createdAt(), t.updatedAt());
    }
}
