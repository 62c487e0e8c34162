package com.breakagency.ports.spi;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.mail.MailSyncState;
import java.util.List;
import java.util.Optional;

/**
 * The sync state of each connection's mail. Every method takes part in the calling thread's unit of work;
 * store failures are thrown as {@link BreakException} PERSISTENCE_UNAVAILABLE. Contract:
 * {@code MailStoresContract} in break-testkit.
 */
public interface MailSyncStates {

    /**
     * Stores a new state.
     *
     * @param state version 1
     * @throws BreakException CONFLICT/ALREADY_EXISTS if the connection has one
     */
    void insert(MailSyncState state);

    /**
     * Replaces a state, optimistically.
     *
     * @param state the new state, whose version is the stored version + 1
     * @throws BreakException CONFLICT/VERSION_MISMATCH if the stored version is not {@code version - 1};
     *                        NOT_FOUND if there is none
     */
    void update(MailSyncState state);

    /**
     * Reads a state.
     *
     * @param connectionId the connection
     * @return the state, if any
     */
    Optional<MailSyncState> find(String connectionId);

    /**
     * Reads a state and locks it until the unit of work ends: of the units of work that lock one state, on
     * any thread in any instance, one at a time goes on, and one that waited reads what the one before
     * committed ({@code SELECT ... FOR UPDATE}). Must be called inside a unit of work.
     *
     * @param connectionId the connection
     * @return the state as last committed, if any
     * @throws IllegalStateException outside a unit of work
     */
    Optional<MailSyncState> lock(String connectionId);

    /**
     * One keyset page of states, in ascending connection id order: what diagnostics reads.
     *
     * @param afterConnectionId the last id of the previous page, or empty
     * @param limit             1 or more
     * @return the states
     */
    List<MailSyncState> list(Optional<String> afterConnectionId, int limit);
}
