package com.breakagency.ports.api.integration;

import com.breakagency.ports.model.integration.ConnectionStatus;
import com.breakagency.ports.model.integration.Provider;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.Optional;

/**
 * A page of connections, in ascending id order. Filters that are empty do not apply; a caller allowed only
 * their own connections sees their own whatever the owner filter says.
 *
 * @param ownerUserId only this user's connections (ADMIN, SYSTEM)
 * @param provider    only this provider's
 * @param status      only in this status
 * @param cursor      the previous page's next cursor
 * @param limit       1 to 500
 */
public record ConnectionQuery(Optional<@Size(min = 1, max = 255) String> ownerUserId, Optional<Provider> provider,
                              Optional<ConnectionStatus> status, Optional<@Size(max = 512) String> cursor,
                              @Min(1) @Max(500) int limit) {

    /**
     * Checks presence.
     *
     * @param ownerUserId only this user's connections (ADMIN, SYSTEM)
     * @param provider only this provider's
     * @param status only in this status
     * @param cursor the previous page's next cursor
     * @param limit 1 to 500
     */
    public ConnectionQuery {
        ownerUserId = ownerUserId == null ? Optional.empty() : ownerUserId;
        provider = provider == null ? Optional.empty() : provider;
        status = status == null ? Optional.empty() : status;
        cursor = cursor == null ? Optional.empty() : cursor;
    }

    /**
     * The first page of every connection the caller may see.
     *
     * @param limit page size
     * @return the query
     */
    public static ConnectionQuery first(int limit) {
        return new ConnectionQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), limit);
    }

    /**
     * The same query for one owner's connections.
     *
     * @param userId the owner
     * @return the query
     */
    public ConnectionQuery ofOwner(String userId) {
        return new ConnectionQuery(Optional.of(userId), provider, status, cursor, limit);
    }

    /**
     * The same query for one provider's connections.
     *
     * @param value the provider
     * @return the query
     */
    public ConnectionQuery ofProvider(Provider value) {
        return new ConnectionQuery(ownerUserId, Optional.of(value), status, cursor, limit);
    }

    /**
     * The same query for connections in one status.
     *
     * @param value the status
     * @return the query
     */
    public ConnectionQuery inStatus(ConnectionStatus value) {
        return new ConnectionQuery(ownerUserId, provider, Optional.of(value), cursor, limit);
    }

    /**
     * The same query for the next page.
     *
     * @param nextCursor the cursor
     * @return the query
     */
    public ConnectionQuery after(String nextCursor) {
        return new ConnectionQuery(ownerUserId, provider, status, Optional.of(nextCursor), limit);
    }
}
