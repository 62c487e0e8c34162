package com.breakagency.adapter.gmail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.core.BreakAgency;
import com.breakagency.core.MailSyncSettings;
import com.breakagency.ports.api.integration.AuthorizationStart;
import com.breakagency.ports.api.integration.CompleteConnect;
import com.breakagency.ports.api.integration.StartConnect;
import com.breakagency.ports.api.integration.SyncRequest;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.audit.AuditEvent;
import com.breakagency.ports.model.crm.ActivityKind;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.model.crm.BrandStatus;
import com.breakagency.ports.model.crm.Contact;
import com.breakagency.ports.model.integration.Connection;
import com.breakagency.ports.model.integration.ConnectionStatus;
import com.breakagency.ports.model.integration.Provider;
import com.breakagency.ports.model.mail.Email;
import com.breakagency.ports.model.mail.MailSyncStage;
import com.breakagency.ports.model.mail.MailSyncState;
import com.breakagency.ports.model.mail.MailSyncStatus;
import com.breakagency.ports.model.work.StepStatus;
import com.breakagency.ports.model.work.WorkStep;
import com.breakagency.ports.spi.Contacts;
import com.breakagency.testkit.CapturingErrorReporter;
import com.breakagency.testkit.InMemoryPersistence;
import com.breakagency.testkit.TestClock;
import com.breakagency.testkit.oauth.FakeGmail;
import com.breakagency.testkit.oauth.FakeGoogle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The mail sync through break-core and Google's real Gmail client, against FakeGmail and FakeGoogle on
 * loopback, on the in-memory stores. Waits are steps due later, so the tests move the shared test clock to
 * when the next step is due instead of sleeping.
 */
@org.junit.jupiter.api.Timeout(120)
class GmailSyncTest {

    static final String JO_ADDRESS = "jo@northwind.example";
    private static final OperationContext JO = OperationContext.of(Actor.staff("u-jo", Role.AGENT));

    private TestClock clock;
    private FakeGoogle google;
    private FakeGmail gmail;
    private InMemoryPersistence memory;
    private CapturingErrorReporter reports;
    private BreakAgency agency;

    @BeforeEach
    void start() {
        clock = new TestClock();
        google = FakeGoogle.start();
        gmail = FakeGmail.start(clock, google::accountOf);
        memory = InMemoryPersistence.create();
        reports = new CapturingErrorReporter(memory.transactions());
    }

    private void agency(MailSyncSettings settings) {
        byte[] key = new byte[32];
        new Random(7).nextBytes(key);
        agency = BreakAgency.builder().persistence(memory).integrations(memory).errorReporter(reports).clock(clock)
                .oauthProvider(GoogleOAuthProvider.create(GoogleOAuthProviderTest.forFake(google)))
                .secretKeys("k1", Map.of("k1", key))
                .mailSource(GmailMailSource.create(gmail.rootUrl(), Duration.ofSeconds(10)))
                .mailSyncSettings(settings).build();
    }

    @AfterEach
    void stop() {
        if (agency != null) {
            agency.close();
        }
        gmail.close();
        google.close();
    }

    private Connection connect() {
        AuthorizationStart start = agency.integrations().startConnect(JO,
                StartConnect.of(Provider.GOOGLE, "https://app.northwind.example/cb"));
        FakeGoogle.Callback callback = google.approve(start.authorizationUrl(), JO_ADDRESS);
        return agency.integrations().completeConnect(JO, CompleteConnect.of(callback.state(), callback.code()));
    }

    /**
     * Runs due steps until the connection's sync is current: nothing runs, and no step of the connection is
     * due sooner than a periodic interval from now (the clock moves to each wait's end meanwhile).
     */
    static void syncUntilCurrent(BreakAgency agency, InMemoryPersistence memory, TestClock clock, String connectionId,
                                 Duration interval) {
        for (int round = 0; round < 20_000; round++) {
            if (agency.runDueSteps().completed() > 0) {
                continue;
            }
            Optional<Instant> next = memory.workQueue().list(Optional.of(StepStatus.PENDING), Optional.empty(),
                            Optional.empty(), 1_000).stream()
                    .filter(s -> connectionId.equals(s.payload().get("connectionId")))
                    .map(WorkStep::nextAttemptAt).min(Instant::compareTo);
            if (next.isEmpty() || !next.get().isBefore(clock.instant().plus(interval).minusSeconds(61))) {
                return;
            }
            clock.set(next.get().isAfter(clock.instant()) ? next.get() : clock.instant());
        }
        throw new AssertionError("the sync did not become current");
    }

    private MailSyncState state(String connectionId) {
        return memory.mailSyncStates().find(connectionId).orElseThrow();
    }

    private void periodicRun(String connectionId) {
        clock.advance(MailSyncSettings.DEFAULT_INTERVAL.plusSeconds(1));
        syncUntilCurrent(agency, memory, clock, connectionId, MailSyncSettings.DEFAULT_INTERVAL);
    }

    @Test
    void a_full_sync_of_1234_messages_over_several_pages_stores_each_once_in_batches_of_at_most_50() {
        agency(MailSyncSettings.DEFAULT);
        gmail.mailbox(JO_ADDRESS).addMany(1_234, "Ana <ana@acme.example>");
        String newest = gmail.mailbox(JO_ADDRESS).historyId();
        Connection connection = connect();
        assertEquals(MailSyncStatus.NOT_SYNCED, agency.integrations().getConnection(JO, connection.id()).mailSyncStatus());

        syncUntilCurrent(agency, memory, clock, connection.id(), MailSyncSettings.DEFAULT_INTERVAL);

        assertEquals(1_234, memory.emails().count(connection.id()));
        assertEquals(1_234, gmail.fetchedMessages(), "no message was fetched twice");
        assertTrue(gmail.batchSizes().stream().allMatch(n -> n <= 50), gmail.batchSizes().toString());
        assertTrue(gmail.calls("messages.list") >= 3, "several pages");
        MailSyncState state = state(connection.id());
        assertEquals(Optional.of(newest), state.cursor());
        assertEquals(MailSyncStatus.ACTIVE, state.status());
        assertEquals(MailSyncStage.INCREMENTAL, state.stage());
        assertEquals(1_234, state.stored());
        Connection read = agency.integrations().getConnection(JO, connection.id());
        assertEquals(MailSyncStatus.ACTIVE, read.mailSyncStatus());
        assertEquals(0, gmail.rejections());
        assertEquals(1, gmail.maxConcurrentRequests(JO_ADDRESS));
    }

    @Test
    void then_20_added_and_5_deleted_store_exactly_the_20_and_mark_the_5_and_a_quiet_run_spends_only_history_units() {
        agency(MailSyncSettings.DEFAULT);
        FakeGmail.Mailbox box = gmail.mailbox(JO_ADDRESS);
        List<String> first = box.addMany(300, "Ana <ana@acme.example>");
        Connection connection = connect();
        syncUntilCurrent(agency, memory, clock, connection.id(), MailSyncSettings.DEFAULT_INTERVAL);
        assertEquals(300, memory.emails().count(connection.id()));

        for (int i = 0; i < 20; i++) {
            box.add("Bo <bo@zeta.example>", JO_ADDRESS, null, "new " + i);
        }
        for (String id : first.subList(0, 5)) {
            box.delete(id);
        }
        int fetchedBefore = gmail.fetchedMessages();
        periodicRun(connection.id());

        assertEquals(320, memory.emails().count(connection.id()));
        assertEquals(fetchedBefore + 20, gmail.fetchedMessages(), "exactly the 20 new ones fetched");
        for (String id : first.subList(0, 5)) {
            assertTrue(memory.emails().find(connection.id(), id).orElseThrow().deleted());
        }
        assertFalse(memory.emails().find(connection.id(), first.get(5)).orElseThrow().deleted());
        assertEquals(Optional.of(box.historyId()), state(connection.id()).cursor());

        long unitsBefore = gmail.unitsSpent(JO_ADDRESS);
        int historyCalls = gmail.calls("history.list");
        periodicRun(connection.id());
        assertEquals(unitsBefore + 2, gmail.unitsSpent(JO_ADDRESS), "one history.list and nothing else");
        assertEquals(historyCalls + 1, gmail.calls("history.list"));
    }

    @Test
    void an_expired_cursor_starts_a_full_resync_without_duplicates_and_the_connection_stays_connected() {
        agency(MailSyncSettings.DEFAULT);
        gmail.historyRetention(Duration.ofMinutes(1));
        FakeGmail.Mailbox box = gmail.mailbox(JO_ADDRESS);
        box.addMany(120, "Ana <ana@acme.example>");
        Connection connection = connect();
        syncUntilCurrent(agency, memory, clock, connection.id(), MailSyncSettings.DEFAULT_INTERVAL);
        for (int i = 0; i < 3; i++) {
            box.add("Bo <bo@zeta.example>", JO_ADDRESS, null, "while away " + i);
        }
        clock.advance(Duration.ofMinutes(10));

        periodicRun(connection.id());

        assertEquals(123, memory.emails().count(connection.id()));
        assertEquals(123, gmail.fetchedMessages(), "the resync fetched only what was not stored");
        MailSyncState state = state(connection.id());
        assertEquals(2, state.fullSyncs());
        assertEquals(MailSyncStatus.ACTIVE, state.status());
        assertEquals(Optional.of(box.historyId()), state.cursor());
        assertEquals(ConnectionStatus.CONNECTED, memory.connections().find(connection.id()).orElseThrow().status());
        assertEquals(0, reports.reports().size(), "nothing reported");
    }

    @Test
    void with_the_default_budget_a_10000_message_full_sync_is_never_refused() {
        agency(MailSyncSettings.DEFAULT);
        gmail.mailbox(JO_ADDRESS).addMany(10_000, "Ana <ana@acme.example>");
        Connection connection = connect();

        syncUntilCurrent(agency, memory, clock, connection.id(), MailSyncSettings.DEFAULT_INTERVAL);

        assertEquals(10_000, memory.emails().count(connection.id()));
        assertEquals(0, gmail.rejections());
        assertTrue(gmail.unitsSpent(JO_ADDRESS) >= 200_000);
    }

    @Test
    void a_429_with_retry_after_is_honoured_and_no_message_is_lost() {
        agency(MailSyncSettings.DEFAULT);
        gmail.mailbox(JO_ADDRESS).addMany(400, "Ana <ana@acme.example>");
        Connection connection = connect();
        Instant until = clock.instant().plusSeconds(90);
        gmail.rateLimitUntil(until);

        syncUntilCurrent(agency, memory, clock, connection.id(), MailSyncSettings.DEFAULT_INTERVAL);

        assertEquals(1, gmail.rejections());
        assertEquals(1, gmail.requestTimes().stream().filter(t -> t.isBefore(until)).count(),
                "only the refused request came before the retry-after");
        assertEquals(400, memory.emails().count(connection.id()));
    }

    @Test
    void a_403_user_rate_limit_mid_sync_is_honoured_and_the_sync_resumes_after_the_last_stored_message() {
        agency(MailSyncSettings.DEFAULT);
        gmail.rateLimitStyle(FakeGmail.RateLimitStyle.FORBIDDEN);
        gmail.quota(1_000, Duration.ofMinutes(1));
        gmail.mailbox(JO_ADDRESS).addMany(400, "Ana <ana@acme.example>");
        Connection connection = connect();

        syncUntilCurrent(agency, memory, clock, connection.id(), MailSyncSettings.DEFAULT_INTERVAL);

        assertTrue(gmail.rejections() > 0, "the fake's smaller quota refused some");
        assertEquals(400, memory.emails().count(connection.id()));
        assertEquals(400, gmail.fetchedMessages(), "what a refused batch fetched before the refusal was kept");
    }

    @Test
    void a_revoked_grant_stops_the_sync_marks_the_connection_needs_reauth_once_and_nothing_retries() {
        agency(MailSyncSettings.DEFAULT);
        gmail.mailbox(JO_ADDRESS).addMany(60, "Ana <ana@acme.example>");
        Connection connection = connect();
        google.revokeGrant(JO_ADDRESS);

        syncUntilCurrent(agency, memory, clock, connection.id(), MailSyncSettings.DEFAULT_INTERVAL);
        int requests = gmail.requestTimes().size();
        clock.advance(Duration.ofHours(1));
        syncUntilCurrent(agency, memory, clock, connection.id(), MailSyncSettings.DEFAULT_INTERVAL);

        assertEquals(ConnectionStatus.NEEDS_REAUTH, memory.connections().find(connection.id()).orElseThrow().status());
        assertEquals(MailSyncStatus.FAILED, state(connection.id()).status());
        assertEquals(Optional.of(Reason.REFRESH_TOKEN_REVOKED), state(connection.id()).failureReason());
        assertEquals(1, reports.reports(ErrorCode.TOKEN_REFRESH_FAILED).size());
        assertEquals(requests, gmail.requestTimes().size(), "no request after the grant died");
        assertEquals(0, memory.workQueue().list(Optional.of(StepStatus.PENDING), Optional.empty(), Optional.empty(), 100)
                .size(), "nothing queued until reconnect");
    }

    @Test
    void a_resync_joins_the_initial_sync_and_asking_again_too_soon_is_rate_limited() {
        agency(MailSyncSettings.DEFAULT);
        gmail.mailbox(JO_ADDRESS).addMany(10, "Ana <ana@acme.example>");
        Connection connection = connect();

        SyncRequest first = agency.integrations().resync(JO, connection.id());
        assertTrue(first.merged(), "the initial sync is queued");
        BreakException tooSoon = assertThrows(BreakException.class,
                () -> agency.integrations().resync(JO, connection.id()));
        assertEquals(ErrorCode.RATE_LIMITED, tooSoon.code());
        assertEquals(Reason.SYNC_REQUESTED_TOO_OFTEN, tooSoon.reason());
        assertTrue(tooSoon.retryAfter().isPresent());

        syncUntilCurrent(agency, memory, clock, connection.id(), MailSyncSettings.DEFAULT_INTERVAL);
        clock.advance(Duration.ofMinutes(2));
        SyncRequest later = agency.integrations().resync(JO, connection.id());
        assertFalse(later.merged());
        syncUntilCurrent(agency, memory, clock, connection.id(), MailSyncSettings.DEFAULT_INTERVAL);
        assertEquals(10, memory.emails().count(connection.id()));
    }

    // linking

    private Brand brand(String id, String... domains) {
        Instant now = clock.instant();
        Brand brand = new Brand(id, "Brand " + id, Set.of(domains), BrandStatus.ACTIVE, "u-jo", Set.of(), 1, now, now);
        memory.transactions().inTransaction(() -> {
            memory.brands().insert(brand);
            return null;
        });
        return brand;
    }

    private Contact contact(String id, String email) {
        Instant now = clock.instant();
        Contact contact = new Contact(id, Optional.empty(), "Contact " + id, email, Set.of(), Optional.empty(),
                Optional.empty(), false, 1, now, now);
        memory.transactions().inTransaction(() -> {
            memory.contacts().insert(contact);
            return null;
        });
        return contact;
    }

    private Set<EntityRef> linksOf(String connectionId, String messageId) {
        Email email = memory.emails().find(connectionId, messageId).orElseThrow();
        return memory.emails().links(email.id());
    }

    @Test
    void an_address_equal_to_a_contacts_ignoring_case_and_space_links_the_contact_onto_its_timeline() {
        agency(MailSyncSettings.DEFAULT);
        contact("c-ana", "ana@acme.example");
        String id = gmail.mailbox(JO_ADDRESS).add("\"Ana\" < ANA@Acme.Example >", JO_ADDRESS, null, "Rates for May");
        Connection connection = connect();
        syncUntilCurrent(agency, memory, clock, connection.id(), MailSyncSettings.DEFAULT_INTERVAL);

        assertEquals(Set.of(EntityRef.of(EntityType.CONTACT, "c-ana")), linksOf(connection.id(), id));
        var timeline = memory.activities().timeline(EntityRef.of(EntityType.CONTACT, "c-ana"), Optional.empty(), 10);
        assertEquals(1, timeline.size());
        assertEquals(ActivityKind.EMAIL, timeline.get(0).kind());
    }

    @Test
    void a_domain_links_the_brand_with_that_domain() {
        agency(MailSyncSettings.DEFAULT);
        brand("b-acme", "acme.example");
        String id = gmail.mailbox(JO_ADDRESS).add("Bob <bob@acme.example>", JO_ADDRESS, null, "Hello");
        Connection connection = connect();
        syncUntilCurrent(agency, memory, clock, connection.id(), MailSyncSettings.DEFAULT_INTERVAL);

        assertEquals(Set.of(EntityRef.of(EntityType.BRAND, "b-acme")), linksOf(connection.id(), id));
        assertEquals(1, memory.activities().timeline(EntityRef.of(EntityType.BRAND, "b-acme"), Optional.empty(), 10).size());
    }

    @Test
    void a_free_mail_domain_never_links_a_brand() {
        agency(MailSyncSettings.DEFAULT);
        brand("b-gmail", "gmail.com");
        brand("b-gmx", "gmx.de");
        String one = gmail.mailbox(JO_ADDRESS).add("someone@gmail.com", JO_ADDRESS, null, "Hi");
        String two = gmail.mailbox(JO_ADDRESS).add("other@gmx.de", JO_ADDRESS, null, "Hi");
        Connection connection = connect();
        syncUntilCurrent(agency, memory, clock, connection.id(), MailSyncSettings.DEFAULT_INTERVAL);

        assertEquals(Set.of(), linksOf(connection.id(), one));
        assertEquals(Set.of(), linksOf(connection.id(), two));
    }

    @Test
    void the_owners_own_address_and_the_agencys_domains_are_not_participants() {
        agency(MailSyncSettings.DEFAULT.withDomains(MailSyncSettings.DEFAULT_FREE_MAIL_DOMAINS, Set.of("northwind.example")));
        contact("c-jo", JO_ADDRESS);
        contact("c-colleague", "sam@northwind.example");
        brand("b-northwind", "northwind.example");
        String id = gmail.mailbox(JO_ADDRESS).add("Jo <" + JO_ADDRESS + ">", "sam@northwind.example", null, "Internal");
        Connection connection = connect();
        syncUntilCurrent(agency, memory, clock, connection.id(), MailSyncSettings.DEFAULT_INTERVAL);

        assertEquals(Set.of(), linksOf(connection.id(), id));
    }

    @Test
    void an_email_is_linked_on_the_next_sync_after_a_contact_gains_its_address() {
        agency(MailSyncSettings.DEFAULT);
        String id = gmail.mailbox(JO_ADDRESS).add("Carl <carl@zeta.example>", JO_ADDRESS, null, "Intro");
        Connection connection = connect();
        syncUntilCurrent(agency, memory, clock, connection.id(), MailSyncSettings.DEFAULT_INTERVAL);
        assertEquals(Set.of(), linksOf(connection.id(), id));

        contact("c-carl", "carl@zeta.example");
        periodicRun(connection.id());

        assertEquals(Set.of(EntityRef.of(EntityType.CONTACT, "c-carl")), linksOf(connection.id(), id));
        assertEquals(1, memory.activities().timeline(EntityRef.of(EntityType.CONTACT, "c-carl"), Optional.empty(), 10)
                .size());
    }

    // contacts from unknown senders

    private static final MailSyncSettings CREATING_CONTACTS = MailSyncSettings.DEFAULT.withContactsFromUnknownSenders(true);

    private Connection connectAndSync() {
        Connection connection = connect();
        syncUntilCurrent(agency, memory, clock, connection.id(), MailSyncSettings.DEFAULT_INTERVAL);
        return connection;
    }

    private List<Contact> allContacts() {
        return memory.contacts().list(new Contacts.Query(Optional.empty(), Optional.empty(), true), Optional.empty(),
                100);
    }

    private List<AuditEvent> contactsCreated() {
        return memory.auditLog().byAction(AuditAction.CONTACT_CREATED, Instant.EPOCH, clock.instant().plus(Duration.ofDays(1)),
                Optional.empty(), 100);
    }

    @Test
    void the_policy_is_off_by_default_and_an_unknown_sender_at_a_brand_then_links_only_the_brand() {
        assertFalse(MailSyncSettings.DEFAULT.contactsFromUnknownSenders());
        agency(MailSyncSettings.DEFAULT);
        brand("b-acme", "acme.example");
        String id = gmail.mailbox(JO_ADDRESS).add("Dana Ruiz <dana@acme.example>", JO_ADDRESS, null, "Rates");
        Connection connection = connectAndSync();

        assertEquals(List.of(), allContacts());
        assertEquals(List.of(), contactsCreated());
        assertEquals(Set.of(EntityRef.of(EntityType.BRAND, "b-acme")), linksOf(connection.id(), id));
    }

    @Test
    void with_the_policy_on_several_emails_of_an_unknown_sender_at_a_brand_create_one_contact_there_and_link_it() {
        agency(CREATING_CONTACTS);
        brand("b-acme", "acme.example");
        FakeGmail.Mailbox box = gmail.mailbox(JO_ADDRESS);
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(box.add("\"Ruiz, Dana\" < Dana@Acme.Example >", JO_ADDRESS, null, "Rates " + i));
        }
        ids.add(box.add("eve@acme.example", JO_ADDRESS, null, "No display name"));
        Connection connection = connectAndSync();
        ids.add(box.add("Dana R. <dana@acme.example>", JO_ADDRESS, null, "In the next run"));
        periodicRun(connection.id());

        List<Contact> contacts = allContacts();
        assertEquals(2, contacts.size(), contacts.toString());
        Contact dana = memory.contacts().findByEmail("dana@acme.example").orElseThrow();
        assertEquals("Ruiz, Dana", dana.name(), "the From header's display name");
        assertEquals(Optional.of("b-acme"), dana.brandId());
        assertEquals(Set.of(), dana.otherEmails());
        Contact eve = memory.contacts().findByEmail("eve@acme.example").orElseThrow();
        assertEquals("eve", eve.name(), "the address's local part when the header has no name");
        assertEquals(Optional.of("b-acme"), eve.brandId());
        for (String id : ids.subList(0, 3)) {
            assertEquals(Set.of(EntityRef.of(EntityType.CONTACT, dana.id()), EntityRef.of(EntityType.BRAND, "b-acme")),
                    linksOf(connection.id(), id));
        }
        assertEquals(Set.of(EntityRef.of(EntityType.CONTACT, eve.id()), EntityRef.of(EntityType.BRAND, "b-acme")),
                linksOf(connection.id(), ids.get(3)));
        assertEquals(Set.of(EntityRef.of(EntityType.CONTACT, dana.id()), EntityRef.of(EntityType.BRAND, "b-acme")),
                linksOf(connection.id(), ids.get(4)), "a later run links the contact the first one created");
        assertEquals(4, memory.activities().timeline(EntityRef.of(EntityType.CONTACT, dana.id()), Optional.empty(), 10)
                .size());

        List<AuditEvent> created = contactsCreated();
        assertEquals(2, created.size(), created.toString());
        AuditEvent event = created.stream().filter(e -> e.entity().id().equals(dana.id())).findFirst().orElseThrow();
        assertEquals(EntityRef.of(EntityType.CONTACT, dana.id()), event.entity());
        assertEquals(Actor.SYSTEM_USER_ID, event.actorUserId());
        assertEquals(Set.of(Role.SYSTEM), event.actorRoles());
        assertEquals("Ruiz, Dana", event.changes().get("name"));
        assertEquals("b-acme", event.changes().get("brandId"));
        assertFalse(event.changes().values().stream().anyMatch(v -> v.contains("@")), "no address in the audit");
    }

    @Test
    void with_the_policy_on_free_mail_senders_create_no_contact_even_where_a_brand_has_the_domain() {
        agency(CREATING_CONTACTS);
        brand("b-gmail", "gmail.com");
        brand("b-gmx", "gmx.de");
        gmail.mailbox(JO_ADDRESS).add("Fay <fay@gmail.com>", JO_ADDRESS, null, "Hi");
        gmail.mailbox(JO_ADDRESS).add("Gil <gil@gmx.de>", JO_ADDRESS, null, "Hi");
        connectAndSync();

        assertEquals(List.of(), allContacts());
        assertEquals(List.of(), contactsCreated());
    }

    @Test
    void with_the_policy_on_to_and_cc_addresses_at_a_brand_create_no_contact() {
        agency(CREATING_CONTACTS);
        brand("b-acme", "acme.example");
        String id = gmail.mailbox(JO_ADDRESS).add("Fay <fay@gmail.com>", "Tom <tom@acme.example>, " + JO_ADDRESS,
                "Uma <uma@acme.example>", "Introductions");
        Connection connection = connectAndSync();

        assertEquals(List.of(), allContacts());
        assertEquals(List.of(), contactsCreated());
        assertEquals(Set.of(EntityRef.of(EntityType.BRAND, "b-acme")), linksOf(connection.id(), id),
                "the recipients' domain still links the brand");
    }

    @Test
    void with_the_policy_on_senders_at_the_agencys_domains_create_no_contact() {
        agency(CREATING_CONTACTS.withDomains(MailSyncSettings.DEFAULT_FREE_MAIL_DOMAINS, Set.of("agency.example")));
        brand("b-agency", "agency.example");
        gmail.mailbox(JO_ADDRESS).add("Sam <sam@agency.example>", JO_ADDRESS, null, "Internal");
        connectAndSync();

        assertEquals(List.of(), allContacts());
        assertEquals(List.of(), contactsCreated());
    }

    @Test
    void with_the_policy_on_the_mailbox_owners_own_address_creates_no_contact() {
        agency(CREATING_CONTACTS);
        brand("b-northwind", "northwind.example");
        gmail.mailbox(JO_ADDRESS).add("Jo Park <" + JO_ADDRESS.toUpperCase(java.util.Locale.ROOT) + ">",
                "someone@gmail.com", null, "Sent by the owner");
        connectAndSync();

        assertEquals(List.of(), allContacts());
        assertEquals(List.of(), contactsCreated());
    }

    @Test
    void with_the_policy_on_a_sender_at_a_domain_no_brand_has_creates_no_contact() {
        agency(CREATING_CONTACTS);
        brand("b-acme", "acme.example");
        String id = gmail.mailbox(JO_ADDRESS).add("Vic <vic@nobrand.example>", JO_ADDRESS, null, "Hello");
        Connection connection = connectAndSync();

        assertEquals(List.of(), allContacts());
        assertEquals(List.of(), contactsCreated());
        assertEquals(Set.of(), linksOf(connection.id(), id));
    }

    @Test
    void diagnostics_show_a_sync_that_made_no_progress_for_longer_than_its_lease_as_degraded() {
        agency(MailSyncSettings.DEFAULT);
        gmail.mailbox(JO_ADDRESS).addMany(5, "Ana <ana@acme.example>");
        Connection connection = connect();
        gmail.failNext(1_000);
        agency.runDueSteps();
        clock.advance(Duration.ofMinutes(3));
        var health = agency.diagnostics().health(OperationContext.system()).integrations();
        assertTrue(health.reasons().stream().anyMatch(r -> r.contains(connection.id()) && r.contains("no progress")),
                health.reasons().toString());
    }
}
