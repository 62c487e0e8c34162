package com.breakagency.testkit.contract;

import static com.breakagency.testkit.Fixtures.NOW;
import static com.breakagency.testkit.Fixtures.aContact;
import static com.breakagency.testkit.Fixtures.aContactOf;
import static com.breakagency.testkit.Fixtures.anAuditEvent;
import static com.breakagency.testkit.Fixtures.anEmail;
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
import com.breakagency.ports.model.crm.Contact;
import com.breakagency.ports.model.crm.Normalize;
import com.breakagency.ports.spi.Contacts;
import com.breakagency.ports.spi.Persistence;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every promise of the {@link Contacts} port. An adapter's test extends this class and returns a fresh
 * bundle from {@link #persistence()}.
 *
 * <p>The rule the contract leans on hardest: an address belongs to at most one contact, whether it is
 * that contact's primary address or one of its others, on insert and on update; a refused write claims
 * nothing. Adapters must also keep instants to at least the microsecond, order ids as
 * {@link String#compareTo(String)} does, fill every page (a page holds the first {@code limit} matching
 * contacts after the cursor, so only the last page is shorter than the limit), and answer
 * {@link Contacts#findByEmail(String)} from an index on the normalized address (callers normalize with
 * {@link Normalize#email(String)}; the store compares exactly and never scans or matches patterns).
 *
 * <p>Every test makes its own records with fresh ids and addresses and scopes its listings to a fresh
 * brand or name, so records other tests left behind do not disturb it.
 */
public abstract class ContactsContract {

    private static final Instant LATER = NOW.plus(2, ChronoUnit.HOURS).plus(3, ChronoUnit.MICROS);

    private Persistence persistence;
    private Contacts contacts;

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
        contacts = persistence.contacts();
    }

    // ---- round trips -------------------------------------------------------------------------------

    @Test
    void a_stored_contact_reads_back_equal_by_id_and_by_every_address() {
        Contact contact = withEmails(aContactOf(anId()), anEmail(), anEmail(), anEmail());
        contacts.insert(contact);

        assertEquals(Optional.of(contact), contacts.findById(contact.id()));
        for (String email : contact.allEmails()) {
            assertEquals(Optional.of(contact), contacts.findByEmail(email));
        }
    }

    @Test
    void a_contact_with_nothing_optional_reads_back_equal() {
        Contact bare = new Contact(anId(), Optional.empty(), "Solo Person", anEmail(), Set.of(), Optional.empty(),
                Optional.empty(), true, 1, NOW, LATER);
        contacts.insert(bare);

        assertEquals(Optional.of(bare), contacts.findById(bare.id()));
    }

    @Test
    void an_unknown_id_or_address_finds_nothing() {
        contacts.insert(aContact());

        assertEquals(Optional.empty(), contacts.findById(anId()));
        assertEquals(Optional.empty(), contacts.findByEmail(anEmail()));
    }

    // ---- uniqueness --------------------------------------------------------------------------------

    @Test
    void a_primary_address_taken_as_another_contacts_primary_is_refused_naming_emails() {
        Contact first = aContact();
        contacts.insert(first);
        Contact second = aContact(first.primaryEmail());

        assertAlreadyExists("emails", () -> contacts.insert(second));

        assertEquals(Optional.empty(), contacts.findById(second.id()));
        assertEquals(Optional.of(first), contacts.findByEmail(first.primaryEmail()));
    }

    @Test
    void a_primary_address_taken_as_another_contacts_other_address_is_refused() {
        String shared = anEmail();
        Contact first = aContact(anEmail(), shared);
        contacts.insert(first);

        assertAlreadyExists("emails", () -> contacts.insert(aContact(shared)));

        assertEquals(Optional.of(first), contacts.findByEmail(shared));
    }

    @Test
    void an_other_address_taken_as_another_contacts_primary_is_refused() {
        Contact first = aContact();
        contacts.insert(first);

        assertAlreadyExists("emails", () -> contacts.insert(aContact(anEmail(), first.primaryEmail())));

        assertEquals(Optional.of(first), contacts.findByEmail(first.primaryEmail()));
    }

    @Test
    void an_other_address_taken_as_another_contacts_other_address_is_refused() {
        String shared = anEmail();
        Contact first = aContact(anEmail(), shared);
        contacts.insert(first);

        assertAlreadyExists("emails", () -> contacts.insert(aContact(anEmail(), anEmail(), shared)));

        assertEquals(Optional.of(first), contacts.findByEmail(shared));
    }

    @Test
    void a_refused_insert_claims_none_of_its_addresses() {
        Contact owner = aContact();
        contacts.insert(owner);
        String freePrimary = anEmail();
        String freeOther = anEmail();
        Contact refused = aContact(freePrimary, freeOther, owner.primaryEmail());

        assertAlreadyExists("emails", () -> contacts.insert(refused));

        assertEquals(Optional.empty(), contacts.findById(refused.id()));
        assertEquals(Optional.empty(), contacts.findByEmail(freePrimary));
        assertEquals(Optional.empty(), contacts.findByEmail(freeOther));
        Contact later = aContact(freeOther, freePrimary);
        contacts.insert(later);
        assertEquals(Optional.of(later), contacts.findByEmail(freePrimary));
    }

    @Test
    void a_taken_id_is_refused_naming_id_and_the_stored_contact_stays() {
        Contact first = aContact();
        contacts.insert(first);
        String otherEmail = anEmail();
        Contact sameId = new Contact(first.id(), Optional.empty(), "Impostor", otherEmail, Set.of(), Optional.empty(),
                Optional.empty(), false, 1, NOW, NOW);

        assertAlreadyExists("id", () -> contacts.insert(sameId));

        assertEquals(Optional.of(first), contacts.findById(first.id()));
        assertEquals(Optional.empty(), contacts.findByEmail(otherEmail));
    }

    @Test
    void an_update_claiming_another_contacts_address_is_refused_and_changes_nothing() {
        String theirOther = anEmail();
        Contact other = aContact(anEmail(), theirOther);
        Contact mine = aContact();
        contacts.insert(other);
        contacts.insert(mine);
        String extra = anEmail();

        assertAlreadyExists("emails", () -> contacts.update(next(mine, anEmail(), extra, theirOther)));
        assertAlreadyExists("emails", () -> contacts.update(next(mine, other.primaryEmail())));

        assertEquals(Optional.of(mine), contacts.findById(mine.id()));
        assertEquals(Optional.of(mine), contacts.findByEmail(mine.primaryEmail()));
        assertEquals(Optional.of(other), contacts.findByEmail(theirOther));
        assertEquals(Optional.of(other), contacts.findByEmail(other.primaryEmail()));
        assertEquals(Optional.empty(), contacts.findByEmail(extra));
    }

    @Test
    void an_update_that_drops_an_address_frees_it_for_other_contacts() {
        String oldPrimary = anEmail();
        String droppedOther = anEmail();
        Contact contact = aContact(oldPrimary, droppedOther);
        contacts.insert(contact);
        String newPrimary = anEmail();

        Contact updated = next(contact, newPrimary);
        contacts.update(updated);

        assertEquals(Optional.empty(), contacts.findByEmail(oldPrimary));
        assertEquals(Optional.empty(), contacts.findByEmail(droppedOther));
        assertEquals(Optional.of(updated), contacts.findByEmail(newPrimary));
        Contact newcomer = aContact(oldPrimary, droppedOther);
        contacts.insert(newcomer);
        assertEquals(Optional.of(newcomer), contacts.findByEmail(droppedOther));
    }

    @Test
    void an_update_that_swaps_its_primary_and_other_address_does_not_conflict_with_itself() {
        String first = anEmail();
        String second = anEmail();
        Contact contact = aContact(first, second);
        contacts.insert(contact);

        Contact swapped = next(contact, second, first);
        contacts.update(swapped);

        assertEquals(Optional.of(swapped), contacts.findById(contact.id()));
        assertEquals(Optional.of(swapped), contacts.findByEmail(first));
        assertEquals(Optional.of(swapped), contacts.findByEmail(second));
    }

    // ---- optimistic versions -----------------------------------------------------------------------

    @Test
    void an_update_with_the_next_version_replaces_the_contact() {
        Contact contact = aContact();
        contacts.insert(contact);

        Contact updated = new Contact(contact.id(), Optional.of(anId()), "Jane Smith", contact.primaryEmail(),
                Set.of(anEmail()), Optional.empty(), Optional.of("+1 212 555 0100"), true, 2, contact.createdAt(),
                LATER);
        contacts.update(updated);

        assertEquals(Optional.of(updated), contacts.findById(contact.id()));
    }

    @Test
    void an_update_from_a_stale_version_is_refused_with_version_mismatch_and_changes_nothing() {
        Contact contact = aContact();
        contacts.insert(contact);
        Contact winner = next(contact, contact.primaryEmail());
        contacts.update(winner);
        String loserEmail = anEmail();

        assertVersionMismatch(() -> contacts.update(next(contact, loserEmail)));

        assertEquals(Optional.of(winner), contacts.findById(contact.id()));
        assertEquals(Optional.empty(), contacts.findByEmail(loserEmail));
    }

    @Test
    void an_update_that_skips_a_version_or_repeats_one_is_refused() {
        Contact contact = aContact();
        contacts.insert(contact);

        assertVersionMismatch(() -> contacts.update(withVersion(contact, 3)));
        assertVersionMismatch(() -> contacts.update(withVersion(contact, 1)));

        assertEquals(Optional.of(contact), contacts.findById(contact.id()));
    }

    @Test
    void updating_a_contact_that_does_not_exist_is_not_found() {
        Contact ghost = withVersion(aContact(), 2);

        assertNotFound(() -> contacts.update(ghost));

        assertEquals(Optional.empty(), contacts.findById(ghost.id()));
        assertEquals(Optional.empty(), contacts.findByEmail(ghost.primaryEmail()));
    }

    // ---- look-ups ----------------------------------------------------------------------------------

    @Test
    void find_by_email_matches_the_whole_normalized_address_and_nothing_else() {
        String local = "jane." + anId();
        Contact contact = aContact(Normalize.email(" " + local.toUpperCase(Locale.ROOT) + "@Brand.Example.COM "));
        contacts.insert(contact);

        assertEquals(Optional.of(contact), contacts.findByEmail(Normalize.email(local + "@BRAND.example.com")));
        assertEquals(Optional.empty(), contacts.findByEmail(local + "@brand.example.co"), "a prefix");
        assertEquals(Optional.empty(), contacts.findByEmail("x" + local + "@brand.example.com"), "a longer address");
        assertEquals(Optional.empty(), contacts.findByEmail(local), "the local part");
        assertEquals(Optional.empty(), contacts.findByEmail(local + "@brand.example.co%"), "a LIKE pattern");
        assertEquals(Optional.empty(), contacts.findByEmail(local + "@brand_example.com"), "a LIKE wildcard");
    }

    // ---- listings ----------------------------------------------------------------------------------

    @Test
    void a_listing_is_in_ascending_id_order_whatever_the_insertion_order() {
        String brand = anId();
        List<Contact> made = List.of(aContactOf(brand), aContactOf(brand), aContactOf(brand));
        contacts.insert(made.get(2));
        contacts.insert(made.get(0));
        contacts.insert(made.get(1));

        assertEquals(made, contacts.list(ofBrand(brand, false), Optional.empty(), 10));
    }

    @Test
    void the_brand_filter_lists_only_that_brands_contacts() {
        String brand = anId();
        Contact a = aContactOf(brand);
        Contact b = aContactOf(brand);
        contacts.insert(a);
        contacts.insert(aContactOf(anId()));
        contacts.insert(aContact());
        contacts.insert(b);

        assertEquals(List.of(a, b), contacts.list(ofBrand(brand, false), Optional.empty(), 10));
    }

    @Test
    void archived_contacts_are_listed_only_when_asked_for() {
        String brand = anId();
        Contact active = aContactOf(brand);
        Contact archived = archived(aContactOf(brand));
        contacts.insert(active);
        contacts.insert(archived);

        assertEquals(List.of(active), contacts.list(ofBrand(brand, false), Optional.empty(), 10));
        assertEquals(List.of(active, archived), contacts.list(ofBrand(brand, true), Optional.empty(), 10));
    }

    @Test
    void the_name_prefix_filter_ignores_case_and_matches_literally() {
        String token = "Z" + anId();
        Contact upper = named(aContact(), token.toUpperCase(Locale.ROOT) + " O'BRIEN");
        Contact lower = named(aContact(), token.toLowerCase(Locale.ROOT) + " o'brien");
        Contact pattern = named(aContact(), token + "_x");
        Contact elsewhere = named(aContact(), "Mr " + token);
        for (Contact c : List.of(upper, lower, pattern, elsewhere)) {
            contacts.insert(c);
        }

        assertEquals(List.of(upper, lower),
                contacts.list(new Contacts.Query(Optional.empty(), Optional.of(token + " O'b"), false),
                        Optional.empty(), 10));
        assertEquals(List.of(pattern),
                contacts.list(new Contacts.Query(Optional.empty(), Optional.of(token + "_"), false),
                        Optional.empty(), 10));
    }

    @Test
    void every_present_filter_part_must_match() {
        String brand = anId();
        String token = "Z" + anId();
        Contact match = named(aContactOf(brand), token + " Match");
        Contact wrongName = named(aContactOf(brand), "Other");
        Contact wrongBrand = named(aContactOf(anId()), token + " Elsewhere");
        Contact archived = archived(named(aContactOf(brand), token + " Archived"));
        for (Contact c : List.of(match, wrongName, wrongBrand, archived)) {
            contacts.insert(c);
        }

        assertEquals(List.of(match), contacts.list(new Contacts.Query(Optional.of(brand), Optional.of(token), false),
                Optional.empty(), 10));
        assertEquals(List.of(match, archived),
                contacts.list(new Contacts.Query(Optional.of(brand), Optional.of(token), true), Optional.empty(), 10));
    }

    @Test
    void after_id_and_limit_page_through_every_contact_once() {
        String brand = anId();
        List<Contact> made = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Contact c = aContactOf(brand);
            contacts.insert(c);
            made.add(c);
        }

        assertEquals(made.subList(3, 5), contacts.list(ofBrand(brand, false), Optional.of(made.get(2).id()), 2));
        for (int limit : new int[] {1, 2, 3, 7, 8}) {
            assertEquals(made, pageThrough((cursor, n) -> contacts.list(ofBrand(brand, false), cursor, n),
                    Contact::id, limit, true), "limit " + limit);
        }
    }

    // ---- units of work -----------------------------------------------------------------------------

    @Test
    void a_rolled_back_insert_leaves_no_contact_and_frees_its_addresses() {
        Contact contact = aContact(anEmail(), anEmail());

        runAndRollBack(persistence.transactions(), () -> contacts.insert(contact));

        assertEquals(Optional.empty(), contacts.findById(contact.id()));
        for (String email : contact.allEmails()) {
            assertEquals(Optional.empty(), contacts.findByEmail(email));
        }
        Contact again = aContact(contact.primaryEmail(), contact.otherEmails().toArray(String[]::new));
        contacts.insert(again);
        assertEquals(Optional.of(again), contacts.findByEmail(contact.primaryEmail()));
    }

    @Test
    void a_rolled_back_update_leaves_the_contact_and_its_addresses_as_they_were() {
        Contact contact = aContact();
        contacts.insert(contact);
        String newEmail = anEmail();

        runAndRollBack(persistence.transactions(), () -> contacts.update(next(contact, newEmail)));

        assertEquals(Optional.of(contact), contacts.findById(contact.id()));
        assertEquals(Optional.of(contact), contacts.findByEmail(contact.primaryEmail()));
        assertEquals(Optional.empty(), contacts.findByEmail(newEmail));
    }

    @Test
    void a_rolled_back_contact_change_leaves_no_audit_event() {
        Contact contact = aContact();
        contacts.insert(contact);
        EntityRef ref = EntityRef.of(EntityType.CONTACT, contact.id());

        runAndRollBack(persistence.transactions(), () -> {
            contacts.update(next(contact, anEmail()));
            persistence.auditLog().append(anAuditEvent(AuditAction.CONTACT_UPDATED, ref));
        });

        assertEquals(Optional.of(contact), contacts.findById(contact.id()));
        assertEquals(List.of(), persistence.auditLog().byEntity(ref, Optional.empty(), 10));
    }

    // ---- concurrency -------------------------------------------------------------------------------

    @Test
    void two_threads_inserting_contacts_with_the_same_address_one_wins() {
        for (int round = 0; round < RACE_ROUNDS; round++) {
            String contested = anEmail();
            List<Contact> attempts = List.of(aContact(contested), aContact(anEmail(), contested));

            int winner = assertOneWins(race(() -> contacts.insert(attempts.get(0)),
                    () -> contacts.insert(attempts.get(1))), Reason.ALREADY_EXISTS);

            Contact lost = attempts.get(1 - winner);
            assertEquals(Optional.of(attempts.get(winner)), contacts.findByEmail(contested));
            assertEquals(Optional.empty(), contacts.findById(lost.id()));
        }
    }

    @Test
    void two_threads_updating_the_same_contact_from_one_version_one_wins() {
        for (int round = 0; round < RACE_ROUNDS; round++) {
            Contact contact = aContact();
            contacts.insert(contact);
            List<Contact> attempts = List.of(next(contact, anEmail()), next(contact, anEmail()));

            int winner = assertOneWins(race(() -> contacts.update(attempts.get(0)),
                    () -> contacts.update(attempts.get(1))), Reason.VERSION_MISMATCH);

            assertEquals(Optional.of(attempts.get(winner)), contacts.findById(contact.id()));
            assertEquals(Optional.empty(), contacts.findByEmail(attempts.get(1 - winner).primaryEmail()));
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private static Contacts.Query ofBrand(String brandId, boolean includeArchived) {
        return new Contacts.Query(Optional.of(brandId), Optional.empty(), includeArchived);
    }

    /** The next version of a contact: new addresses, version + 1, updated later. */
    private static Contact next(Contact c, String primaryEmail, String... otherEmails) {
        return new Contact(c.id(), c.brandId(), c.name(), primaryEmail, Set.of(otherEmails), c.title(), c.phone(),
                c.archived(), c.version() + 1, c.createdAt(), LATER);
    }

    private static Contact withEmails(Contact c, String primaryEmail, String... otherEmails) {
        return new Contact(c.id(), c.brandId(), c.name(), primaryEmail, Set.of(otherEmails), c.title(), c.phone(),
                c.archived(), c.version(), c.createdAt(), c.updatedAt());
    }

    private static Contact withVersion(Contact c, long version) {
        return new Contact(c.id(), c.brandId(), c.name(), c.primaryEmail(), c.otherEmails(), c.title(), c.phone(),
                c.archived(), version, c.createdAt(), c.updatedAt());
    }

    private static Contact named(Contact c, String name) {
        return new Contact(c.id(), c.brandId(), name, c.primaryEmail(), c.otherEmails(), c.title(), c.phone(),
                c.archived(), c.version(), c.createdAt(), c.updatedAt());
    }

    private static Contact archived(Contact c) {
        return new Contact(c.id(), c.brandId(), c.name(), c.primaryEmail(), c.otherEmails(), c.title(), c.phone(),
                true, c.version(), c.createdAt(), c.updatedAt());
    }
}
