package com.breakagency.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.integration.Ciphertext;
import com.breakagency.ports.model.integration.PendingAuthorization;
import com.breakagency.ports.model.integration.Provider;
import com.breakagency.ports.spi.IntegrationStores;
import com.breakagency.ports.spi.PendingAuthorizations;
import com.breakagency.ports.spi.Transactions;
import com.breakagency.testkit.TestIds;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every promise of the {@link PendingAuthorizations} port: one flow per state hash, taken at most once, put
 * back by a rollback, and expired ones swept exactly (a flow expiring at the instant stays). An adapter's
 * test extends this class and returns a fresh bundle from {@link #stores()}.
 */
public abstract class PendingAuthorizationsContract {

    private static final Instant NOW = Instant.parse("2026-01-05T09:00:00.000001Z");

    private PendingAuthorizations pending;
    private Transactions transactions;

    /**
     * The bundle under test. Called once before each test; must return a fresh, empty bundle.
     *
     * @return the bundle
     */
    protected abstract IntegrationStores stores();

    @BeforeEach
    void openStores() {
        IntegrationStores stores = stores();
        pending = stores.pendingAuthorizations();
        transactions = stores.transactions();
    }

    private static PendingAuthorization aFlow(Instant expiresAt) {
        return new PendingAuthorization("hash-" + TestIds.next(), "u-" + TestIds.next(), Provider.GOOGLE,
                "https://app.northwind.example/cb", Ciphertext.of("k1", "c2VhbGVkLXZlcmlmaWVy"), NOW, expiresAt);
    }

    @Test
    void a_flow_is_taken_once_exactly_as_stored() {
        PendingAuthorization flow = aFlow(NOW.plusSeconds(600));
        pending.insert(flow);

        assertEquals(Optional.of(flow), pending.take(flow.stateHash()));
        assertEquals(Optional.empty(), pending.take(flow.stateHash()));
        assertEquals(Reason.ALREADY_EXISTS, assertThrows(BreakException.class, () -> {
            PendingAuthorization again = aFlow(NOW.plusSeconds(600));
            pending.insert(again);
            pending.insert(again);
        }).reason());
    }

    @Test
    void a_rolled_back_take_puts_the_flow_back_and_a_rolled_back_insert_leaves_nothing() {
        PendingAuthorization flow = aFlow(NOW.plusSeconds(600));
        pending.insert(flow);
        assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            pending.take(flow.stateHash());
            throw new IllegalStateException("roll back");
        }));
        assertEquals(Optional.of(flow), pending.take(flow.stateHash()));

        PendingAuthorization never = aFlow(NOW.plusSeconds(600));
        assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            pending.insert(never);
            throw new IllegalStateException("roll back");
        }));
        assertEquals(Optional.empty(), pending.take(never.stateHash()));
    }

    @Test
    void expired_flows_are_swept_and_one_expiring_at_the_instant_stays() {
        Instant cutoff = Instant.parse("2001-03-25T01:30:00.000001Z");
        pending.deleteExpired(cutoff);
        PendingAuthorization gone = aFlow(cutoff.minusNanos(1000));
        PendingAuthorization stays = aFlow(cutoff);
        pending.insert(gone);
        pending.insert(stays);

        assertEquals(1, pending.deleteExpired(cutoff));
        assertEquals(Optional.empty(), pending.take(gone.stateHash()));
        assertEquals(Optional.of(stays), pending.take(stays.stateHash()));
    }
}
