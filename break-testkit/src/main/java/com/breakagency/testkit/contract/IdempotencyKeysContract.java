package com.breakagency.testkit.contract;

import static com.breakagency.testkit.Fixtures.NOW;
import static com.breakagency.testkit.Fixtures.anIdempotencyKey;
import static com.breakagency.testkit.Fixtures.anIdempotencyRecord;
import static com.breakagency.testkit.contract.ContractSupport.RACE_ROUNDS;
import static com.breakagency.testkit.contract.ContractSupport.assertAlreadyExists;
import static com.breakagency.testkit.contract.ContractSupport.assertOneInsertWins;
import static com.breakagency.testkit.contract.ContractSupport.race;
import static com.breakagency.testkit.contract.ContractSupport.runAndRollBack;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.breakagency.ports.model.finance.IdempotencyRecord;
import com.breakagency.ports.spi.IdempotencyKeys;
import com.breakagency.ports.spi.Persistence;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every promise of the {@link IdempotencyKeys} port. An adapter's test extends this class and returns a
 * fresh bundle from {@link #persistence()}.
 *
 * <p>What an adapter must do beyond keeping each field exactly: enforce one record per (scope, key) with
 * a unique constraint, comparing both exactly (case counts), so that of two units of work inserting one
 * key at once exactly one succeeds; keep instants to at least the microsecond; and forget, in
 * {@link IdempotencyKeys#deleteExpired(Instant)}, exactly the records whose {@code expiresAt} is before
 * the instant given, never one that expires at it.
 *
 * <p>Every test uses fresh keys, so records other tests left behind do not disturb it. The tests of
 * {@code deleteExpired} sweep up to a cutoff in 2001 first, then store records expiring around it: every
 * other record the contract makes expires in 2026 or, if before the cutoff, is swept first, so the
 * counts they check are theirs alone.
 */
public abstract class IdempotencyKeysContract {

    private static final String RECORD_PAYMENT = "finance.recordPayment";
    private static final String ISSUE_INVOICE = "finance.issueInvoice";
    /** Long before the expiry of every other record this contract makes. */
    private static final Instant CUTOFF = Instant.parse("2001-03-25T01:30:00.000001Z");

    private Persistence persistence;
    private IdempotencyKeys keys;

    /**
     * The bundle under test. Called once before each test; must return a fresh, empty bundle whose stores
     * share its {@link Persistence#transactions()}.
     *
     * @return the bundle
     */
    protected abstract Persistence persistence();

    @BeforeEach
    void openStores() {
        persistence = persistence();
        keys = persistence.idempotencyKeys();
    }

    // ---- insert and find ---------------------------------------------------------------------------

    @Test
    void a_stored_key_reads_back_equal() {
        IdempotencyRecord record = anIdempotencyRecord(RECORD_PAYMENT, anIdempotencyKey());
        IdempotencyRecord exotic = new IdempotencyRecord(ISSUE_INVOICE, "evt_" + anIdempotencyKey() + "/\u00e9'%_",
                "sha256:" + "ab".repeat(32), anIdempotencyKey(), Instant.parse("2026-03-29T00:59:59.999999Z"),
                Instant.parse("2026-03-30T00:59:59.999999Z"));
        keys.insert(record);
        keys.insert(exotic);

        assertEquals(Optional.of(record), keys.find(record.scope(), record.key()));
        assertEquals(Optional.of(exotic), keys.find(exotic.scope(), exotic.key()));
    }

    @Test
    void an_expired_key_is_found_until_it_is_forgotten() {
        IdempotencyRecord expired = expiringAt(anIdempotencyRecord(RECORD_PAYMENT, anIdempotencyKey()),
                CUTOFF.minus(1, ChronoUnit.DAYS));
        keys.insert(expired);

        assertEquals(Optional.of(expired), keys.find(RECORD_PAYMENT, expired.key()));
    }

    @Test
    void an_unknown_key_or_a_known_key_in_another_scope_finds_nothing() {
        IdempotencyRecord record = anIdempotencyRecord(RECORD_PAYMENT, anIdempotencyKey());
        keys.insert(record);

        assertEquals(Optional.empty(), keys.find(RECORD_PAYMENT, anIdempotencyKey()));
        assertEquals(Optional.empty(), keys.find(ISSUE_INVOICE, record.key()));
    }

    @Test
    void a_taken_key_is_refused_naming_idempotency_key_and_the_first_record_stays() {
        String key = anIdempotencyKey();
        IdempotencyRecord first = anIdempotencyRecord(RECORD_PAYMENT, key);
        keys.insert(first);

        assertAlreadyExists("idempotencyKey", () -> keys.insert(anIdempotencyRecord(RECORD_PAYMENT, key)));

        assertEquals(Optional.of(first), keys.find(RECORD_PAYMENT, key));
    }

    @Test
    void the_same_key_in_another_scope_is_another_key() {
        String key = anIdempotencyKey();
        IdempotencyRecord payment = anIdempotencyRecord(RECORD_PAYMENT, key);
        IdempotencyRecord issue = anIdempotencyRecord(ISSUE_INVOICE, key);

        keys.insert(payment);
        keys.insert(issue);

        assertEquals(Optional.of(payment), keys.find(RECORD_PAYMENT, key));
        assertEquals(Optional.of(issue), keys.find(ISSUE_INVOICE, key));
    }

    @Test
    void keys_that_differ_only_in_case_are_different_keys() {
        String key = "Key-" + anIdempotencyKey();
        IdempotencyRecord upper = anIdempotencyRecord(RECORD_PAYMENT, key.toUpperCase(Locale.ROOT));
        IdempotencyRecord lower = anIdempotencyRecord(RECORD_PAYMENT, key.toLowerCase(Locale.ROOT));

        keys.insert(upper);
        keys.insert(lower);

        assertEquals(Optional.of(upper), keys.find(RECORD_PAYMENT, upper.key()));
        assertEquals(Optional.of(lower), keys.find(RECORD_PAYMENT, lower.key()));
        assertEquals(Optional.empty(), keys.find(RECORD_PAYMENT, key));
    }

    @Test
    void two_threads_inserting_the_same_key_store_it_once() {
        for (int round = 0; round < RACE_ROUNDS; round++) {
            String key = anIdempotencyKey();
            List<IdempotencyRecord> attempts = List.of(anIdempotencyRecord(RECORD_PAYMENT, key),
                    anIdempotencyRecord(RECORD_PAYMENT, key));

            int winner = assertOneInsertWins(race(() -> insertAlone(attempts.get(0)),
                    () -> insertAlone(attempts.get(1))), "idempotencyKey");

            assertEquals(Optional.of(attempts.get(winner)), keys.find(RECORD_PAYMENT, key));
        }
    }

    // ---- units of work -----------------------------------------------------------------------------

    @Test
    void a_rolled_back_insert_leaves_the_key_free() {
        IdempotencyRecord record = anIdempotencyRecord(RECORD_PAYMENT, anIdempotencyKey());

        runAndRollBack(persistence.transactions(), () -> keys.insert(record));

        assertEquals(Optional.empty(), keys.find(RECORD_PAYMENT, record.key()));
        IdempotencyRecord retry = anIdempotencyRecord(RECORD_PAYMENT, record.key());
        keys.insert(retry);
        assertEquals(Optional.of(retry), keys.find(RECORD_PAYMENT, record.key()));
    }

    @Test
    void a_unit_of_work_sees_its_own_uncommitted_key() {
        IdempotencyRecord record = anIdempotencyRecord(RECORD_PAYMENT, anIdempotencyKey());

        persistence.transactions().inTransaction(() -> {
            keys.insert(record);
            assertEquals(Optional.of(record), keys.find(RECORD_PAYMENT, record.key()));
            return null;
        });

        assertEquals(Optional.of(record), keys.find(RECORD_PAYMENT, record.key()));
    }

    // ---- forgetting --------------------------------------------------------------------------------

    @Test
    void delete_expired_forgets_only_keys_that_expired_before_the_instant_and_counts_them() {
        keys.deleteExpired(CUTOFF);
        IdempotencyRecord longGone = expiringIn2001(CUTOFF.minus(30, ChronoUnit.DAYS));
        IdempotencyRecord justGone = expiringIn2001(CUTOFF.minus(1, ChronoUnit.MICROS));
        IdempotencyRecord expiringNow = expiringIn2001(CUTOFF);
        IdempotencyRecord justKept = expiringIn2001(CUTOFF.plus(1, ChronoUnit.MICROS));
        IdempotencyRecord fresh = anIdempotencyRecord(RECORD_PAYMENT, anIdempotencyKey());
        for (IdempotencyRecord r : List.of(longGone, justGone, expiringNow, justKept, fresh)) {
            keys.insert(r);
        }

        assertEquals(2, keys.deleteExpired(CUTOFF));

        assertEquals(Optional.empty(), keys.find(longGone.scope(), longGone.key()));
        assertEquals(Optional.empty(), keys.find(justGone.scope(), justGone.key()));
        assertEquals(Optional.of(expiringNow), keys.find(expiringNow.scope(), expiringNow.key()));
        assertEquals(Optional.of(justKept), keys.find(justKept.scope(), justKept.key()));
        assertEquals(Optional.of(fresh), keys.find(fresh.scope(), fresh.key()));
        assertEquals(0, keys.deleteExpired(CUTOFF));
    }

    @Test
    void a_forgotten_key_is_free_again() {
        keys.deleteExpired(CUTOFF);
        IdempotencyRecord expired = expiringIn2001(CUTOFF.minus(1, ChronoUnit.HOURS));
        keys.insert(expired);

        assertEquals(1, keys.deleteExpired(CUTOFF));

        IdempotencyRecord again = anIdempotencyRecord(expired.scope(), expired.key());
        keys.insert(again);
        assertEquals(Optional.of(again), keys.find(expired.scope(), expired.key()));
    }

    @Test
    void a_rolled_back_sweep_forgets_nothing() {
        keys.deleteExpired(CUTOFF);
        IdempotencyRecord expired = expiringIn2001(CUTOFF.minus(1, ChronoUnit.HOURS));
        keys.insert(expired);

        runAndRollBack(persistence.transactions(), () -> assertEquals(1, keys.deleteExpired(CUTOFF)));

        assertEquals(Optional.of(expired), keys.find(expired.scope(), expired.key()));
        assertEquals(1, keys.deleteExpired(CUTOFF));
    }

    @Test
    void a_sweep_with_nothing_expired_forgets_nothing() {
        keys.deleteExpired(CUTOFF);
        IdempotencyRecord record = anIdempotencyRecord(RECORD_PAYMENT, anIdempotencyKey());
        keys.insert(record);

        assertEquals(0, keys.deleteExpired(CUTOFF));
        assertEquals(0, keys.deleteExpired(NOW));

        assertEquals(Optional.of(record), keys.find(RECORD_PAYMENT, record.key()));
    }

    // ---- helpers -----------------------------------------------------------------------------------

    /** Inserts in a unit of work of its own, as a call recording a payment does. */
    private void insertAlone(IdempotencyRecord record) {
        persistence.transactions().inTransaction(() -> {
            keys.insert(record);
            return null;
        });
    }

    private static IdempotencyRecord expiringIn2001(Instant expiresAt) {
        return expiringAt(anIdempotencyRecord(RECORD_PAYMENT, anIdempotencyKey()), expiresAt);
    }

    /** A record created a day before it expires. */
    private static IdempotencyRecord expiringAt(IdempotencyRecord r, Instant expiresAt) {
        return new IdempotencyRecord(r.scope(), r.key(), r.fingerprint(), r.resultId(),
                expiresAt.minus(1, ChronoUnit.DAYS), expiresAt);
    }
}
