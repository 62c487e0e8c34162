package com.breakagency.ports.spi;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.integration.Connection;
import com.breakagency.ports.model.integration.ConnectionStatus;
import com.breakagency.ports.model.integration.Provider;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The connections store. Every method takes part in the calling thread's unit of work; store failures
 * are thrown as {@link BreakException} PERSISTENCE_UNAVAILABLE. Tokens arrive sealed and are kept exactly
 * as they arrive. Contract: {@code ConnectionsContract} in break-testkit.
 */
public interface Connections {

    /**
     * Stores a new connection.
     *
     * @param connection version 1
     * @throws BreakException CONFLICT/ALREADY_EXISTS (field {@code accountAddress}) if the owner already has a
     *                        connection to that account at that provider (a unique constraint on owner,
     *                        provider and address), or (field {@code id}) if the id is taken
     */
    void insert(Connection connection);

    /**
     * Replaces a connection, optimistically.
     *
     * @param connection the new state, whose version is the stored version + 1
     * @throws BreakException CONFLICT/VERSION_MISMATCH if the stored version is not {@code version - 1};
     *                        NOT_FOUND if there is no such connection
     */
    void update(Connection connection);

    /**
     * Reads a connection.
     *
     * @param id the id
     * @return the connection, if any
     */
    Optional<Connection> find(String id);

    /**
     * Reads a connection and locks it until the calling unit of work ends, so that of the units of work
     * (on any thread, in any service instance) that lock one connection, one at a time goes on: the one
     * refresh in flight. It returns the connection as committed when the lock was granted, so a unit of
     * work that waited sees what the one before it wrote. On a relational store: {@code SELECT ... FOR
     * UPDATE} under READ COMMITTED. In memory: a per-connection lock held to the end of the unit of work.
     * Must be called inside a unit of work.
     *
     * @param id the id
     * @return the connection as last committed, if any
     * @throws IllegalStateException outside a unit of work
     */
    Optional<Connection> lockForRefresh(String id);

    /**
     * Reads one owner's connection to one account.
     *
     * @param ownerUserId    the owner
     * @param provider       the provider
     * @param accountAddress the address, lower case, compared exactly
     * @return the connection, if any
     */
    Optional<Connection> findByAccount(String ownerUserId, Provider provider, String accountAddress);

    /**
     * One keyset page of connections, in ascending id order.
     *
     * @param ownerUserId only this owner's, or everyone's
     * @param provider    only this provider's, or every provider's
     * @param status      only in this status, or any
     * @param afterId     the last id of the previous page, or empty
     * @param limit       1 or more; only the last page is shorter
     * @return the connections
     */
    List<Connection> list(Optional<String> ownerUserId, Optional<Provider> provider, Optional<ConnectionStatus> status,
                          Optional<String> afterId, int limit);

    /**
     * How many connections there are, per provider and status: the figures of diagnostics.
     *
     * @return provider → status → count; only non-zero counts
     */
    Map<Provider, Map<ConnectionStatus, Long>> counts();
}
