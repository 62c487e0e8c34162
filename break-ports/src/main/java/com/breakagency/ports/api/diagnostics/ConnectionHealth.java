package com.breakagency.ports.api.diagnostics;

import com.breakagency.ports.model.integration.ConnectionError;
import com.breakagency.ports.model.integration.ConnectionStatus;
import com.breakagency.ports.model.integration.Provider;
import com.breakagency.ports.model.mail.MailSyncState;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One connection as diagnostics shows it: no token, and the address masked ({@code j***@northwind.example}).
 *
 * @param connectionId  the connection
 * @param ownerUserId   who connected it
 * @param provider      the provider
 * @param maskedAddress the account's address with all but the first character of its local part masked
 * @param status        where it is
 * @param connected     whether it is CONNECTED
 * @param lastError     its last failure, until a success clears it
 * @param lastRefreshAt its last successful refresh
 * @param tokenExpiresAt when its access token expires
 * @param updatedAt     when it last changed
 * @param mailSync      the state of its mail sync, if one ran
 */
public record ConnectionHealth(String connectionId, String ownerUserId, Provider provider, String maskedAddress,
                               ConnectionStatus status, boolean connected, Optional<ConnectionError> lastError,
                               Optional<Instant> lastRefreshAt, Optional<Instant> tokenExpiresAt, Instant updatedAt,
                               Optional<MailSyncState> mailSync) {

    /**
     * Checks presence.
     *
     * @param connectionId the connection
     * @param ownerUserId who connected it
     * @param provider the provider
     * @param maskedAddress the account's address with all but the first character of its local part masked
     * @param status where it is
     * @param connected whether it is CONNECTED
     * @param lastError its last failure, until a success clears it
     * @param lastRefreshAt its last successful refresh
     * @param tokenExpiresAt when its access token expires
     * @param updatedAt when it last changed
     * @param mailSync the state of its mail sync, if one ran
     */
    public ConnectionHealth {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(ownerUserId, "ownerUserId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(maskedAddress, "maskedAddress");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(lastRefreshAt, "lastRefreshAt");
        Objects.requireNonNull(tokenExpiresAt, "tokenExpiresAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(mailSync, "mailSync");
    }

    /**
     * A connection's health without a mail sync state.
     *
     * @param connectionId the connection
     * @param ownerUserId who connected it
     * @param provider the provider
     * @param maskedAddress the masked address
     * @param status where it is
     * @param connected whether it is CONNECTED
     * @param lastError its last failure
     * @param lastRefreshAt its last successful refresh
     * @param tokenExpiresAt when its access token expires
     * @param updatedAt when it last changed
     */
    public ConnectionHealth(String connectionId, String ownerUserId, Provider provider, String maskedAddress,
                            ConnectionStatus status, boolean connected, Optional<ConnectionError> lastError,
                            Optional<Instant> lastRefreshAt, Optional<Instant> tokenExpiresAt, Instant updatedAt) {
        this(connectionId, ownerUserId, provider, maskedAddress, status, connected, lastError, lastRefreshAt,
                tokenExpiresAt, updatedAt, Optional.empty());
    }

    /**
     * Masks an address: its first character, {@code ***}, the {@code @} and the domain; anything without an
     * {@code @} becomes {@code ***}.
     *
     * @param address an email address
     * @return the masked form, such as {@code j***@northwind.example}
     */
    public static String mask(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        if (at < 1) {
            return "***";
        }
        return address.substring(0, address.offsetByCodePoints(0, 1)) + "***" + address.substring(at);
    }
}
