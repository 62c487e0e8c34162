package com.breakagency.testkit.contract;

import static com.breakagency.testkit.Fixtures.NOW;
import static com.breakagency.testkit.Fixtures.aNote;
import static com.breakagency.testkit.Fixtures.anId;
import static com.breakagency.testkit.contract.ContractSupport.assertAlreadyExists;
import static com.breakagency.testkit.contract.ContractSupport.pageThrough;
import static com.breakagency.testkit.contract.ContractSupport.runAndRollBack;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.crm.Activity;
import com.breakagency.ports.model.crm.ActivityKind;
import com.breakagency.ports.model.crm.Visibility;
import com.breakagency.ports.spi.Activities;
import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.CrmArbitraries;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every promise of the {@link Activities} port. An adapter's test extends this class and returns a fresh
 * bundle from {@link #persistence()}.
 *
 * <p>A timeline is ordered by id, newest (greatest) first, never by {@link Activity#at()}; a subject is
 * its type and id together. Adapters must keep instants to at least the microsecond, keep any text a
 * note may hold, order ids as {@link String#compareTo(String)} does, and fill every page: a page holds
 * the first {@code limit} entries before the cursor, so only the last page is shorter than the limit.
 * Every entry keeps its {@link Visibility}; a timeline asked for some visibilities holds only entries of
 * those, and its pages are just as full (the store filters before it counts).
 *
 * <p>Every test writes to fresh subjects, so entries other tests left behind do not disturb it.
 *
 * <p>The properties run on the jqwik engine, so the test class path needs {@code net.jqwik:jqwik}
 * (without it they are silently skipped). jqwik calls {@link #persistence()} before each property, but
 * runs no JUnit {@code @BeforeAll} or {@code @BeforeEach} method of the subclass: set up what the
 * factory needs in the factory itself or in static state.
 */
public abstract class ActivitiesContract extends PropertyContract {

    private Persistence persistence;
    private Activities activities;

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
        activities = persistence.activities();
    }

    @Test
    void an_entry_is_internal_unless_shared_and_keeps_its_visibility() {
        EntityRef subject = aBrand();
        Activity internal = aNote(subject);
        Activity shared = shared(aNote(subject));
        activities.append(internal);
        activities.append(shared);

        assertEquals(Visibility.INTERNAL, internal.visibility());
        assertEquals(List.of(shared, internal), activities.timeline(subject, Optional.empty(), 10));
        assertEquals(List.of(shared, internal), activities.timeline(subject, Set.of(), Optional.empty(), 10));
        assertEquals(List.of(shared, internal), activities.timeline(subject, EnumSet.allOf(Visibility.class),
                Optional.empty(), 10));
        assertEquals(List.of(shared), activities.timeline(subject, Set.of(Visibility.SHARED), Optional.empty(), 10));
        assertEquals(List.of(internal), activities.timeline(subject, Set.of(Visibility.INTERNAL), Optional.empty(), 10));
    }

    @Test
    void a_timeline_of_shared_entries_fills_its_pages_past_the_internal_ones() {
        EntityRef subject = aBrand();
        List<Activity> shared = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Activity note = i % 3 == 0 ? shared(aNote(subject)) : aNote(subject);
            activities.append(note);
            if (note.visibility() == Visibility.SHARED) {
                shared.add(note);
            }
        }
        Collections.reverse(shared);

        List<Activity> paged = pageThrough((cursor, limit) -> activities.timeline(subject, Set.of(Visibility.SHARED),
                cursor, limit), Activity::id, 2, false);

        assertEquals(shared, paged);
        assertEquals(shared.subList(0, 2), activities.timeline(subject, Set.of(Visibility.SHARED), Optional.empty(), 2));
    }

    @Test
    void appended_entries_read_back_equal_on_their_timeline() {
        EntityRef subject = aBrand();
        Activity note = aNote(subject);
        Activity email = new Activity(anId(), subject, ActivityKind.EMAIL, anId(),
                Instant.parse("2026-10-25T00:59:59.999999Z"), "Re: Spring campaign\n\n> quoted line\nThanks!");
        activities.append(note);
        activities.append(email);

        assertEquals(List.of(email, note), activities.timeline(subject, Optional.empty(), 10));
    }

    /**
     * Any text a note may hold comes back unchanged.
     *
     * @param text the note's text
     */
    @Property(tries = 30)
    void any_note_text_survives_a_round_trip(@ForAll("noteTexts") String text) {
        EntityRef subject = aBrand();
        Activity note = new Activity(anId(), subject, ActivityKind.NOTE, anId(), NOW, text);
        activities.append(note);

        assertEquals(List.of(note), activities.timeline(subject, Optional.empty(), 1));
    }

    @Provide
    Arbitrary<String> noteTexts() {
        return CrmArbitraries.text(10_000);
    }

    @Test
    void a_taken_id_is_refused_naming_id_and_the_stored_entry_stays() {
        EntityRef subject = aBrand();
        Activity first = aNote(subject);
        activities.append(first);
        Activity sameId = new Activity(first.id(), subject, ActivityKind.EMAIL, anId(), NOW, "Impostor");

        assertAlreadyExists("id", () -> activities.append(sameId));

        assertEquals(List.of(first), activities.timeline(subject, Optional.empty(), 10));
    }

    @Test
    void a_timeline_is_newest_id_first_whatever_the_insertion_order_or_the_times() {
        EntityRef subject = aBrand();
        Activity oldest = at(aNote(subject), NOW.plus(2, ChronoUnit.HOURS));
        Activity middle = at(aNote(subject), NOW);
        Activity newest = at(aNote(subject), NOW.minus(1, ChronoUnit.DAYS));
        activities.append(middle);
        activities.append(newest);
        activities.append(oldest);

        assertEquals(List.of(newest, middle, oldest), activities.timeline(subject, Optional.empty(), 10));
    }

    @Test
    void a_timeline_holds_only_its_own_subjects_entries() {
        String sharedId = anId();
        EntityRef brand = EntityRef.of(EntityType.BRAND, sharedId);
        EntityRef dealWithSameId = EntityRef.of(EntityType.DEAL, sharedId);
        Activity onBrand = aNote(brand);
        Activity onDeal = aNote(dealWithSameId);
        Activity elsewhere = aNote(aBrand());
        activities.append(onBrand);
        activities.append(onDeal);
        activities.append(elsewhere);

        assertEquals(List.of(onBrand), activities.timeline(brand, Optional.empty(), 10));
        assertEquals(List.of(onDeal), activities.timeline(dealWithSameId, Optional.empty(), 10));
        assertEquals(List.of(), activities.timeline(aBrand(), Optional.empty(), 10));
    }

    @Test
    void before_id_excludes_that_entry_and_every_newer_one() {
        EntityRef subject = aBrand();
        List<Activity> made = appendNotes(subject, 5);

        assertEquals(List.of(made.get(2), made.get(1), made.get(0)),
                activities.timeline(subject, Optional.of(made.get(3).id()), 10));
        assertEquals(List.of(), activities.timeline(subject, Optional.of(made.get(0).id()), 10));
    }

    @Test
    void the_limit_caps_each_page_and_paging_lists_every_entry_once_newest_first() {
        EntityRef subject = aBrand();
        List<Activity> made = appendNotes(subject, 7);
        List<Activity> newestFirst = new ArrayList<>(made);
        Collections.reverse(newestFirst);

        assertEquals(newestFirst.subList(0, 3), activities.timeline(subject, Optional.empty(), 3));
        assertEquals(newestFirst.subList(3, 6), activities.timeline(subject, Optional.of(made.get(4).id()), 3));
        for (int limit : new int[] {1, 2, 3, 7, 8}) {
            assertEquals(newestFirst, pageThrough((cursor, n) -> activities.timeline(subject, cursor, n),
                    Activity::id, limit, false), "limit " + limit);
        }
    }

    @Test
    void entries_appended_while_paging_back_never_make_an_entry_repeat_or_go_missing() {
        EntityRef subject = aBrand();
        List<Activity> made = appendNotes(subject, 6);
        List<Activity> listed = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        for (int fetch = 0; fetch < 50; fetch++) {
            List<Activity> page = activities.timeline(subject, cursor, 2);
            if (page.isEmpty()) {
                break;
            }
            listed.addAll(page);
            cursor = Optional.of(page.get(page.size() - 1).id());
            activities.append(aNote(subject));
        }

        List<Activity> newestFirst = new ArrayList<>(made);
        Collections.reverse(newestFirst);
        assertEquals(newestFirst, listed, "newer entries belong on a fresh first page, not in the middle of paging");
    }

    @Test
    void a_rolled_back_append_leaves_no_entry() {
        EntityRef subject = aBrand();
        Activity kept = aNote(subject);
        activities.append(kept);

        runAndRollBack(persistence.transactions(), () -> {
            activities.append(aNote(subject));
            activities.append(aNote(subject));
        });

        assertEquals(List.of(kept), activities.timeline(subject, Optional.empty(), 10));
    }

    private List<Activity> appendNotes(EntityRef subject, int count) {
        List<Activity> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Activity note = aNote(subject);
            activities.append(note);
            made.add(note);
        }
        return made;
    }

    private static EntityRef aBrand() {
        return EntityRef.of(EntityType.BRAND, anId());
    }

    private static Activity at(Activity a, Instant at) {
        return new Activity(a.id(), a.subject(), a.kind(), a.authorUserId(), at, a.text(), a.visibility());
    }

    private static Activity shared(Activity a) {
        return new Activity(a.id(), a.subject(), a.kind(), a.authorUserId(), a.at(), a.text(), Visibility.SHARED);
    }
}
