package com.breakagency.ports.model.integration;

import com.breakagency.ports.model.mail.MailSyncState;
import com.breakagency.ports.model.mail.MailSyncStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One user's connection to an account at a provider (a Gmail mailbox), with its sealed tokens and the
 * state of its refreshes. Whether it is connected is derived from its status, never kept beside it. The
 * transitions ({@link #refreshed}, {@link #needsReauth}, ...) return the next state with the version one
 * up; a store writes it optimistically. {@link #toString()} names no address and no token.
 *
 * <p>Answers of the {@code Integrations} driving port carry no tokens: there {@link #tokens()} is empty
 * ({@link #withoutTokens()}); the access token's expiry stays.
 *
 * @param id                           Break's id
 * @param ownerUserId                  the user who connected it
 * @param provider                     the provider
 * @param accountAddress               the account's address at the provider, lower case
 * @param scopes                       the scopes the provider granted
 * @param status                       where it is
 * @param tokens                       the sealed tokens; empty once disconnected or after the grant died
 * @param accessTokenExpiresAt         when the current access token expires
 * @param lastRefreshAt                the last successful refresh
 * @param lastRefreshFailureAt         the last failed refresh
 * @param consecutiveTransientFailures transient failures since the last success
 * @param nextRefreshAttemptAt         no refresh before this instant (the backoff after a transient failure)
 * @param lastError                    the last failure, until a success clears it
 * @param createdAt                    when first connected
 * @param updatedAt                    when last changed
 * @param version                      optimistic-locking version, 1 for a new connection
 * @param mailSync                     the state of its mail sync, as {@code Integrations} answers with it;
 *                                     stores keep it apart and read connections without it (empty)
 */
public record Connection(String id, String ownerUserId, Provider provider, String accountAddress, Set<String> scopes,
                         ConnectionStatus status, Optional<ConnectionTokens> tokens,
                         Optional<Instant> accessTokenExpiresAt, Optional<Instant> lastRefreshAt,
                         Optional<Instant> lastRefreshFailureAt, int consecutiveTransientFailures,
                         Optional<Instant> nextRefreshAttemptAt, Optional<ConnectionError> lastError,
                         Instant createdAt, Instant updatedAt, long version, Optional<MailSyncState> mailSync) {

    /**
     * Checks presence and copies.
     *
     * @param id Break's id
     * @param ownerUserId the user who connected it
     * @param provider the provider
     * @param accountAddress the account's address at the provider, lower case
     * @param scopes the scopes the provider granted
     * @param status where it is
     * @param tokens the sealed tokens; empty once disconnected or after the grant died
     * @param accessTokenExpiresAt when the current access token expires
     * @param lastRefreshAt the last successful refresh
     * @param lastRefreshFailureAt the last failed refresh
     * @param consecutiveTransientFailures transient failures since the last success
     * @param nextRefreshAttemptAt no refresh before this instant (the backoff after a transient failure)
     * @param lastError the last failure, until a success clears it
     * @param createdAt when first connected
     * @param updatedAt when last changed
     * @param version optimistic-locking version, 1 for a new connection
     * @param mailSync the state of its mail sync, or empty
     * @throws NullPointerException     naming the component, if one is null
     * @throws IllegalArgumentException if {@code consecutiveTransientFailures} is negative
     */
    public Connection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerUserId, "ownerUserId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(accountAddress, "accountAddress");
        scopes = Set.copyOf(Objects.requireNonNull(scopes, "scopes"));
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(accessTokenExpiresAt, "accessTokenExpiresAt");
        Objects.requireNonNull(lastRefreshAt, "lastRefreshAt");
        Objects.requireNonNull(lastRefreshFailureAt, "lastRefreshFailureAt");
        Objects.requireNonNull(nextRefreshAttemptAt, "nextRefreshAttemptAt");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(mailSync, "mailSync");
        if (consecutiveTransientFailures < 0) {
            throw new IllegalArgumentException("consecutiveTransientFailures must not be negative");
        }
    }

    /**
     * A new connection, CONNECTED, version 1.
     *
     * @param id             Break's id
     * @param ownerUserId    who connected it
     * @param provider       the provider
     * @param accountAddress the account's address, lower case
     * @param scopes         the granted scopes
     * @param tokens         the sealed tokens
     * @param expiresAt      when the access token expires
     * @param at             now
     * @return the connection
     */
    public static Connection connected(String id, String ownerUserId, Provider provider, String accountAddress,
                                       Set<String> scopes, ConnectionTokens tokens, Instant expiresAt, Instant at) {
        return new Connection(id, ownerUserId, provider, accountAddress, scopes, ConnectionStatus.CONNECTED,
                Optional.of(tokens), Optional.of(expiresAt), Optional.empty(), Optional.empty(), 0, Optional.empty(),
                Optional.empty(), at, at, 1, Optional.empty());
    }

    /**
     * Whether Break may use the connection: derived from {@link #status()}.
     *
     * @return true when CONNECTED
     */
    public boolean connected() {
        return status == ConnectionStatus.CONNECTED;
    }

    /**
     * The same connection connected again (the user went through the consent screen once more): CONNECTED,
     * new tokens, every failure cleared.
     *
     * @param grantedScopes the scopes granted now
     * @param newTokens     the new sealed tokens
     * @param expiresAt     when the new access token expires
     * @param at            now
     * @return the next state
     */
    public Connection reconnected(Set<String> grantedScopes, ConnectionTokens newTokens, Instant expiresAt, Instant at) {
        return new Connection(id, ownerUserId, provider, accountAddress, grantedScopes, ConnectionStatus.CONNECTED,
                Optional.of(newTokens), Optional.of(expiresAt), lastRefreshAt, lastRefreshFailureAt, 0,
                Optional.empty(), Optional.empty(), createdAt, at, version + 1, mailSync);
    }

    /**
     * After a successful refresh: CONNECTED, the new tokens, the failure cleared.
     *
     * @param newTokens the sealed tokens (the old refresh token when the provider sent no new one)
     * @param expiresAt when the new access token expires
     * @param at        now
     * @return the next state
     */
    public Connection refreshed(ConnectionTokens newTokens, Instant expiresAt, Instant at) {
        return new Connection(id, ownerUserId, provider, accountAddress, scopes, ConnectionStatus.CONNECTED,
                Optional.of(newTokens), Optional.of(expiresAt), Optional.of(at), lastRefreshFailureAt, 0,
                Optional.empty(), Optional.empty(), createdAt, at, version + 1, mailSync);
    }

    /**
     * After a transient failure: still CONNECTED, one more consecutive failure, no refresh before
     * {@code notBefore}.
     *
     * @param error     the failure, transient
     * @param notBefore the end of the backoff
     * @return the next state
     */
    public Connection failedTransiently(ConnectionError error, Instant notBefore) {
        return new Connection(id, ownerUserId, provider, accountAddress, scopes, status, tokens, accessTokenExpiresAt,
                lastRefreshAt, Optional.of(error.at()), consecutiveTransientFailures + 1, Optional.of(notBefore),
                Optional.of(error), createdAt, error.at(), version + 1, mailSync);
    }

    /**
     * After the provider refused the grant for good: NEEDS_REAUTH, tokens deleted.
     *
     * @param error the failure, permanent
     * @return the next state
     */
    public Connection needsReauth(ConnectionError error) {
        return new Connection(id, ownerUserId, provider, accountAddress, scopes, ConnectionStatus.NEEDS_REAUTH,
                Optional.empty(), Optional.empty(), lastRefreshAt, Optional.of(error.at()), 0, Optional.empty(),
                Optional.of(error), createdAt, error.at(), version + 1, mailSync);
    }

    /**
     * After the user disconnected it: DISCONNECTED, tokens deleted.
     *
     * @param at now
     * @return the next state
     */
    public Connection disconnected(Instant at) {
        return new Connection(id, ownerUserId, provider, accountAddress, scopes, ConnectionStatus.DISCONNECTED,
                Optional.empty(), Optional.empty(), lastRefreshAt, lastRefreshFailureAt, 0, Optional.empty(),
                lastError, createdAt, at, version + 1, mailSync);
    }

    /**
     * The same tokens sealed again (with the current key of a rotation).
     *
     * @param resealed the tokens under the new key
     * @param at       now
     * @return the next state
     */
    public Connection resealed(ConnectionTokens resealed, Instant at) {
        return new Connection(id, ownerUserId, provider, accountAddress, scopes, status, Optional.of(resealed),
                accessTokenExpiresAt, lastRefreshAt, lastRefreshFailureAt, consecutiveTransientFailures,
                nextRefreshAttemptAt, lastError, createdAt, at, version + 1, mailSync);
    }

    /**
     * The connection as the driving port answers with it: the same, without the sealed tokens.
     *
     * @return a copy without tokens (same version)
     */
    public Connection withoutTokens() {
        return new Connection(id, ownerUserId, provider, accountAddress, scopes, status, Optional.empty(),
                accessTokenExpiresAt, lastRefreshAt, lastRefreshFailureAt, consecutiveTransientFailures,
                nextRefreshAttemptAt, lastError, createdAt, updatedAt, version, mailSync);
    }

    /**
     * A connection as a store reads it: without its mail sync state.
     *
     * @param id Break's id
     * @param ownerUserId the user who connected it
     * @param provider the provider
     * @param accountAddress the account's address at the provider, lower case
     * @param scopes the scopes the provider granted
     * @param status where it is
     * @param tokens the sealed tokens
     * @param accessTokenExpiresAt when the current access token expires
     * @param lastRefreshAt the last successful refresh
     * @param lastRefreshFailureAt the last failed refresh
     * @param consecutiveTransientFailures transient failures since the last success
     * @param nextRefreshAttemptAt no refresh before this instant
     * @param lastError the last failure
     * @param createdAt when first connected
     * @param updatedAt when last changed
     * @param version optimistic-locking version
     * @throws NullPointerException     naming the component, if one is null
     * @throws IllegalArgumentException if {@code consecutiveTransientFailures} is negative
     */
    public Connection(String id, String ownerUserId, Provider provider, String accountAddress, Set<String> scopes,
                      ConnectionStatus status, Optional<ConnectionTokens> tokens,
                      Optional<Instant> accessTokenExpiresAt, Optional<Instant> lastRefreshAt,
                      Optional<Instant> lastRefreshFailureAt, int consecutiveTransientFailures,
                      Optional<Instant> nextRefreshAttemptAt, Optional<ConnectionError> lastError,
                      Instant createdAt, Instant updatedAt, long version) {
        this(id, ownerUserId, provider, accountAddress, scopes, status, tokens, accessTokenExpiresAt, lastRefreshAt,
                lastRefreshFailureAt, consecutiveTransientFailures, nextRefreshAttemptAt, lastError, createdAt,
                updatedAt, version, Optional.empty());
    }

    /**
     * The same connection with its mail sync state attached (same version).
     *
     * @param state the state, or empty
     * @return the copy
     */
    public Connection withMailSync(Optional<MailSyncState> state) {
        return new Connection(id, ownerUserId, provider, accountAddress, scopes, status, tokens,
                accessTokenExpiresAt, lastRefreshAt, lastRefreshFailureAt, consecutiveTransientFailures,
                nextRefreshAttemptAt, lastError, createdAt, updatedAt, version, state);
    }

    /**
     * Where its mail sync is: NOT_SYNCED until a sync state exists.
     *
     * @return the status
     */
    public MailSyncStatus mailSyncStatus() {
        return mailSync.map(MailSyncState::status).orElse(MailSyncStatus.NOT_SYNCED);
    }

    @Override
    public String toString() {
        return "Connection[id=" + id + ", provider=" + provider + ", status=" + status + ", version=" + version + "]";
    }
}
