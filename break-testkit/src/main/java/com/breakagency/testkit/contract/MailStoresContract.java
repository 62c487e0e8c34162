package com.breakagency.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.mail.Email;
import com.breakagency.ports.model.mail.MailSyncStage;
import com.breakagency.ports.model.mail.MailSyncState;
import com.breakagency.ports.model.mail.MailSyncStatus;
import com.breakagency.ports.spi.Emails;
import com.breakagency.ports.spi.IntegrationStores;
import com.breakagency.ports.spi.MailSyncStates;
import com.breakagency.ports.spi.QuotaBudgets;
import com.breakagency.ports.spi.Transactions;
import com.breakagency.testkit.TestIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every promise of the mail sync's stores ({@link Emails}, {@link MailSyncStates}, {@link QuotaBudgets}). An
 * adapter's test extends this class and returns a fresh bundle from {@link #stores()}: each email once per
 * (connection, provider message id) by a constraint, links once, participants kept per connection, sync
 * states written optimistically and locked one unit of work at a time, and quota spends that never exceed
 * a window's limit however many threads spend at once.
 */
public abstract class MailStoresContract {

    private static final Instant NOW = Instant.parse("2026-01-05T09:00:00.000001Z");

    private IntegrationStores stores;
    private Emails emails;
    private Transactions transactions;

    /**
     * The bundle under test. Called once before each test; must return a fresh, empty bundle.
     *
     * @return the bundle
     */
    protected abstract IntegrationStores stores();

    @BeforeEach
    void openStores() {
        stores = stores();
        emails = stores.emails();
        transactions = stores.transactions();
    }

    private static Email anEmail(String connectionId, String messageId) {
        return new Email(TestIds.next(), connectionId, messageId, "t-" + messageId, Optional.of("ana@acme.example"),
                Set.of("jo@northwind.example", "bo@zeta.example"), Set.of("cc@acme.example"), "Rates for May",
                "Hello Jo", NOW.minusSeconds(60), Set.of("INBOX", "UNREAD"), false, NOW);
    }

    private <T> T inUnit(java.util.function.Supplier<T> work) {
        return transactions.inTransaction(work::get);
    }

    @Test
    void an_email_reads_back_exactly_and_is_stored_once_per_connection_and_message() {
        String connection = "c-" + TestIds.next();
        Email email = anEmail(connection, "m1");
        inUnit(() -> {
            emails.insert(email);
            return null;
        });
        assertEquals(Optional.of(email), emails.find(connection, "m1"));
        assertEquals(Optional.of(email), emails.findById(email.id()));

        BreakException twice = assertThrows(BreakException.class, () -> inUnit(() -> {
            emails.insert(anEmail(connection, "m1"));
            return null;
        }));
        assertEquals(ErrorCode.CONFLICT, twice.code());
        assertEquals(Reason.ALREADY_EXISTS, twice.reason());
        assertEquals(1, emails.count(connection));

        inUnit(() -> {
            emails.insert(anEmail("c-" + TestIds.next(), "m1"));
            return null;
        });
        assertEquals(1, emails.count(connection), "another connection's m1 is its own");
    }

    @Test
    void existing_names_the_stored_ids_and_a_deletion_is_marked_once() {
        String connection = "c-" + TestIds.next();
        inUnit(() -> {
            emails.insert(anEmail(connection, "m1"));
            emails.insert(anEmail(connection, "m2"));
            return null;
        });
        assertEquals(Set.of("m1", "m2"), emails.existing(connection, List.of("m1", "m2", "m3")));
        assertEquals(Set.of(), emails.existing("c-other", List.of("m1")));
        assertTrue(inUnit(() -> emails.markDeleted(connection, "m2", NOW)));
        assertFalse(inUnit(() -> emails.markDeleted(connection, "m2", NOW)));
        assertFalse(inUnit(() -> emails.markDeleted(connection, "m9", NOW)));
        assertTrue(emails.find(connection, "m2").orElseThrow().deleted());
        assertFalse(emails.find(connection, "m1").orElseThrow().deleted());
    }

    @Test
    void a_rolled_back_unit_of_work_leaves_no_email() {
        String connection = "c-" + TestIds.next();
        assertThrows(IllegalStateException.class, () -> inUnit(() -> {
            emails.insert(anEmail(connection, "m1"));
            emails.link("e-x", EntityRef.of(EntityType.CONTACT, "k1"));
            throw new IllegalStateException("rolled back");
        }));
        assertEquals(0, emails.count(connection));
        assertEquals(Set.of(), emails.links("e-x"));
    }

    @Test
    void links_are_kept_once_and_participants_per_connection() {
        String connection = "c-" + TestIds.next();
        Email one = anEmail(connection, "m1");
        Email two = anEmail(connection, "m2");
        inUnit(() -> {
            emails.insert(one);
            emails.insert(two);
            emails.addParticipants(connection, one.id(), Set.of("ana@acme.example", "bo@zeta.example"),
                    Set.of("ana@acme.example"));
            emails.addParticipants(connection, two.id(), Set.of("bo@zeta.example"), Set.of());
            return null;
        });
        EntityRef contact = EntityRef.of(EntityType.CONTACT, "k1");
        assertTrue(inUnit(() -> emails.link(one.id(), contact)));
        assertFalse(inUnit(() -> emails.link(one.id(), contact)));
        assertTrue(inUnit(() -> emails.link(one.id(), EntityRef.of(EntityType.BRAND, "b1"))));
        assertEquals(Set.of(contact, EntityRef.of(EntityType.BRAND, "b1")), emails.links(one.id()));

        List<String> withBo = emails.withParticipant(connection, "bo@zeta.example", Optional.empty(), 10);
        assertEquals(List.of(one.id(), two.id()).stream().sorted().toList(), withBo);
        assertEquals(List.of(withBo.get(1)),
                emails.withParticipant(connection, "bo@zeta.example", Optional.of(withBo.get(0)), 10));
        assertEquals(List.of("bo@zeta.example"), emails.unlinkedParticipants(connection, Optional.empty(), 10));
        inUnit(() -> {
            emails.participantLinked(connection, "bo@zeta.example");
            return null;
        });
        assertEquals(List.of(), emails.unlinkedParticipants(connection, Optional.empty(), 10));
        assertEquals(List.of(), emails.unlinkedParticipants("c-other", Optional.empty(), 10));
    }

    @Test
    void a_connections_emails_page_in_id_order() {
        String connection = "c-" + TestIds.next();
        List<Email> all = new ArrayList<>();
        inUnit(() -> {
            for (int i = 0; i < 5; i++) {
                Email e = anEmail(connection, "m" + i);
                emails.insert(e);
                all.add(e);
            }
            return null;
        });
        List<String> ids = all.stream().map(Email::id).sorted().toList();
        assertEquals(ids.subList(0, 2), emails.list(connection, Optional.empty(), 2).stream().map(Email::id).toList());
        assertEquals(ids.subList(2, 5), emails.list(connection, Optional.of(ids.get(1)), 10).stream().map(Email::id)
                .toList());
    }

    @Test
    void a_sync_state_reads_back_exactly_and_is_written_optimistically() {
        MailSyncStates states = stores.mailSyncStates();
        String connection = "c-" + TestIds.next();
        MailSyncState fresh = MailSyncState.notSynced(connection, NOW);
        inUnit(() -> {
            states.insert(fresh);
            return null;
        });
        assertEquals(Optional.of(fresh), states.find(connection));
        MailSyncState syncing = fresh.next(b -> {
            b.status = MailSyncStatus.SYNCING;
            b.stage = MailSyncStage.FULL;
            b.fullSyncCursor = Optional.of("1234");
            b.pageToken = Optional.of("page-2");
            b.listed = 500;
            b.stored = 450;
            b.batches = 9;
            b.fullSyncs = 1;
            b.leaseOwner = Optional.of("step@worker-1");
            b.leaseExpiresAt = Optional.of(NOW.plusSeconds(120));
            b.lastProgressAt = Optional.of(NOW.plusSeconds(5));
            b.resyncRequestedAt = Optional.of(NOW);
            b.failureReason = Optional.of(Reason.REFRESH_TOKEN_REVOKED);
            return b;
        }, NOW.plusSeconds(5));
        inUnit(() -> {
            states.update(syncing);
            return null;
        });
        assertEquals(Optional.of(syncing), states.find(connection));
        BreakException stale = assertThrows(BreakException.class, () -> inUnit(() -> {
            states.update(fresh.next(b -> b, NOW));
            return null;
        }));
        assertEquals(Reason.VERSION_MISMATCH, stale.reason());
        BreakException again = assertThrows(BreakException.class, () -> inUnit(() -> {
            states.insert(MailSyncState.notSynced(connection, NOW));
            return null;
        }));
        assertEquals(Reason.ALREADY_EXISTS, again.reason());
        assertTrue(states.list(Optional.empty(), 100).stream().anyMatch(s -> s.connectionId().equals(connection)));
    }

    @Test
    void a_locked_sync_state_lets_one_unit_of_work_at_a_time_past_and_the_next_reads_what_it_wrote()
            throws Exception {
        MailSyncStates states = stores.mailSyncStates();
        String connection = "c-" + TestIds.next();
        inUnit(() -> {
            states.insert(MailSyncState.notSynced(connection, NOW));
            return null;
        });
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch locked = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<Object> holder = pool.submit(() -> transactions.inTransaction(() -> {
                MailSyncState mine = states.lock(connection).orElseThrow();
                locked.countDown();
                await(release);
                states.update(mine.next(b -> {
                    b.leaseOwner = Optional.of("holder");
                    return b;
                }, NOW.plusSeconds(1)));
                return null;
            }));
            assertTrue(locked.await(10, TimeUnit.SECONDS));
            Future<MailSyncState> waiter = pool.submit(() -> transactions.inTransaction(
                    () -> states.lock(connection).orElseThrow()));
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
            assertEquals(Optional.of("holder"), waiter.get(10, TimeUnit.SECONDS).leaseOwner());
        } finally {
            pool.shutdownNow();
        }
        assertThrows(IllegalStateException.class, () -> states.lock(connection), "outside a unit of work");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    @Test
    void a_quota_window_is_spent_up_to_its_limit_and_the_next_window_starts_from_zero() {
        QuotaBudgets budgets = stores.quotaBudgets();
        String key = "GOOGLE:" + TestIds.next();
        Instant minute = Instant.parse("2026-01-05T09:00:00Z");
        assertTrue(inUnit(() -> budgets.trySpend(key, minute, 60, 100)));
        assertTrue(inUnit(() -> budgets.trySpend(key, minute, 40, 100)));
        assertFalse(inUnit(() -> budgets.trySpend(key, minute, 1, 100)));
        assertEquals(100, budgets.spent(key, minute));
        assertFalse(inUnit(() -> budgets.trySpend("GOOGLE:" + TestIds.next(), minute, 101, 100)));
        Instant next = minute.plusSeconds(60);
        assertTrue(inUnit(() -> budgets.trySpend(key, next, 100, 100)));
        assertEquals(100, budgets.spent(key, next));
        assertFalse(inUnit(() -> budgets.trySpend(key, minute, 1, 100)), "an older window is over");
        assertEquals(0, budgets.spent(key, next.plusSeconds(60)));
    }

    @Test
    void concurrent_spends_never_exceed_a_windows_limit() throws Exception {
        QuotaBudgets budgets = stores.quotaBudgets();
        String key = "GOOGLE:" + TestIds.next();
        Instant minute = Instant.parse("2026-01-05T09:00:00Z");
        inUnit(() -> budgets.trySpend(key, minute, 1, 1_000));
        int threads = 8;
        CyclicBarrier barrier = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> spent = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                spent.add(pool.submit(() -> {
                    barrier.await(10, TimeUnit.SECONDS);
                    int units = 0;
                    for (int i = 0; i < 20; i++) {
                        try {
                            if (inUnit(() -> budgets.trySpend(key, minute, 20, 1_000))) {
                                units += 20;
                            }
                        } catch (BreakException busy) {
                            // a store may refuse a spend that collided with others (CONFLICT): not spent
                            assertEquals(ErrorCode.CONFLICT, busy.code());
                        }
                    }
                    return units;
                }));
            }
            int total = 1;
            for (Future<Integer> f : spent) {
                total += f.get(60, TimeUnit.SECONDS);
            }
            assertEquals(budgets.spent(key, minute), total);
            assertTrue(total <= 1_000, "spent " + total);
            assertTrue(total > 1, "spends were made");
        } finally {
            pool.shutdownNow();
        }
    }
}
