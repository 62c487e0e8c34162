package com.breakagency.ports.spi;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.integration.PendingAuthorization;
import java.time.Instant;
import java.util.Optional;

/**
 * Connect flows under way, keyed by the hash of their OAuth {@code state}. Every method takes part in the
 * calling thread's unit of work; store failures are thrown as {@link BreakException}
 * PERSISTENCE_UNAVAILABLE. Contract: {@code PendingAuthorizationsContract} in break-testkit.
 */
public interface PendingAuthorizations {

    /**
     * Stores a flow that started.
     *
     * @param pending the flow
     * @throws BreakException CONFLICT/ALREADY_EXISTS (field {@code stateHash}) if the hash is taken
     */
    void insert(PendingAuthorization pending);

    /**
     * Removes a flow and returns it: its state can be used once. Of units of work that take one hash at
     * once, at most one gets it (on a relational store a {@code DELETE} that reports the row it deleted);
     * a unit of work that rolls back puts it back.
     *
     * @param stateHash the hash
     * @return the flow, if it was there
     */
    Optional<PendingAuthorization> take(String stateHash);

    /**
     * Deletes the flows that expired before an instant.
     *
     * @param now the instant
     * @return how many were deleted
     */
    int deleteExpired(Instant now);
}
