package com.breakagency.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.integration.Ciphertext;
import com.breakagency.ports.model.integration.Connection;
import com.breakagency.ports.model.integration.ConnectionError;
import com.breakagency.ports.model.integration.ConnectionStatus;
import com.breakagency.ports.model.integration.ConnectionTokens;
import com.breakagency.ports.model.integration.Provider;
import com.breakagency.ports.spi.Connections;
import com.breakagency.ports.spi.IntegrationStores;
import com.breakagency.ports.spi.Transactions;
import com.breakagency.testkit.TestIds;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every promise of the {@link Connections} port. An adapter's test extends this class and returns a fresh
 * bundle from {@link #stores()}. Beyond keeping each field exactly (sealed tokens as the text they are):
 * one connection per (owner, provider, address) by a unique constraint, optimistic versions, a rolled-back
 * unit of work leaves nothing, and {@link Connections#lockForRefresh} lets one unit of work at a time past
 * and hands the next one what the first committed.
 */
public abstract class ConnectionsContract {

    private static final Instant NOW = Instant.parse("2026-01-05T09:00:00.000001Z");

    private IntegrationStores stores;
    private Connections connections;
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
        connections = stores.connections();
        transactions = stores.transactions();
    }

    private static Connection aConnection(String owner, String address) {
        ConnectionTokens tokens = new ConnectionTokens(Ciphertext.of("k1", "c2VhbGVkLWFjY2Vzcw"),
                Optional.of(Ciphertext.of("k1", "c2VhbGVkLXJlZnJlc2g")));
        return Connection.connected(TestIds.next(), owner, Provider.GOOGLE, address,
                Set.of("openid", "email"), tokens, NOW.plusSeconds(3600), NOW);
    }

    @Test
    void a_connection_reads_back_exactly_as_written_through_its_transitions() {
        Connection connection = aConnection("u-" + TestIds.next(), "jo@northwind.example");
        connections.insert(connection);
        assertEquals(Optional.of(connection), connections.find(connection.id()));

        Connection failed = connection.failedTransiently(new ConnectionError("http_503", Reason.TOKEN_ENDPOINT_UNAVAILABLE,
                "the token endpoint was unavailable", NOW.plusSeconds(5), true), NOW.plusSeconds(35));
        connections.update(failed);
        assertEquals(Optional.of(failed), connections.find(connection.id()));
        Connection dead = failed.needsReauth(new ConnectionError("invalid_grant", Reason.REFRESH_TOKEN_REVOKED,
                "the provider refused the grant", NOW.plusSeconds(60), false));
        connections.update(dead);
        assertEquals(Optional.of(dead), connections.find(connection.id()));
        assertEquals(Optional.of(dead), connections.findByAccount(dead.ownerUserId(), Provider.GOOGLE, dead.accountAddress()));
    }

    @Test
    void one_connection_per_owner_provider_and_address_and_versions_are_checked() {
        String owner = "u-" + TestIds.next();
        Connection first = aConnection(owner, "jo@northwind.example");
        connections.insert(first);

        BreakException duplicate = assertThrows(BreakException.class,
                () -> connections.insert(aConnection(owner, "jo@northwind.example")));
        assertEquals(Reason.ALREADY_EXISTS, duplicate.reason());
        connections.insert(aConnection("u-" + TestIds.next(), "jo@northwind.example"));
        BreakException stale = assertThrows(BreakException.class, () -> connections.update(first));
        assertEquals(Reason.VERSION_MISMATCH, stale.reason());
        assertEquals(ErrorCode.NOT_FOUND, assertThrows(BreakException.class,
                () -> connections.update(aConnection(owner, "x@northwind.example").disconnected(NOW))).code());
    }

    @Test
    void a_rolled_back_unit_of_work_leaves_nothing() {
        Connection connection = aConnection("u-" + TestIds.next(), "jo@northwind.example");
        assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            connections.insert(connection);
            throw new IllegalStateException("roll back");
        }));
        assertEquals(Optional.empty(), connections.find(connection.id()));
    }

    @Test
    void listing_filters_pages_in_id_order_and_counts_per_provider_and_status() {
        String owner = "u-" + TestIds.next();
        Connection a = aConnection(owner, "a@northwind.example");
        Connection b = aConnection(owner, "b@northwind.example");
        connections.insert(a);
        connections.insert(b);
        connections.update(b.disconnected(NOW.plusSeconds(1)));
        long connectedBefore = connections.counts().getOrDefault(Provider.GOOGLE, Map.of())
                .getOrDefault(ConnectionStatus.CONNECTED, 0L);

        List<Connection> mine = connections.list(Optional.of(owner), Optional.empty(), Optional.empty(), Optional.empty(), 10);
        assertEquals(List.of(a.id(), b.id()).stream().sorted().toList(), mine.stream().map(Connection::id).toList());
        assertEquals(List.of(a.id()), connections.list(Optional.of(owner), Optional.of(Provider.GOOGLE),
                Optional.of(ConnectionStatus.CONNECTED), Optional.empty(), 10).stream().map(Connection::id).toList());
        assertEquals(1, connections.list(Optional.of(owner), Optional.empty(), Optional.empty(),
                Optional.of(mine.get(0).id()), 10).size());
        assertTrue(connectedBefore >= 1);
    }

    @Test
    void a_unit_of_work_that_waited_for_the_refresh_lock_sees_what_the_holder_committed() throws Exception {
        Connection connection = aConnection("u-" + TestIds.next(), "jo@northwind.example");
        connections.insert(connection);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> holder = pool.submit(() -> transactions.inTransaction(() -> {
                Connection mine = connections.lockForRefresh(connection.id()).orElseThrow();
                locked.countDown();
                await(release);
                connections.update(mine.refreshed(mine.tokens().orElseThrow(), NOW.plusSeconds(7200), NOW.plusSeconds(1)));
                return null;
            }));
            assertTrue(locked.await(10, TimeUnit.SECONDS));
            Future<Connection> waiter = pool.submit(() -> transactions.inTransaction(
                    () -> connections.lockForRefresh(connection.id()).orElseThrow()));
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);

            assertEquals(connection.version() + 1, waiter.get(10, TimeUnit.SECONDS).version());
        } finally {
            pool.shutdownNow();
        }
        assertThrows(IllegalStateException.class, () -> connections.lockForRefresh(connection.id()),
                "outside a unit of work");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
