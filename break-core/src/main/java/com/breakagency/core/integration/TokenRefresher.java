package com.breakagency.core.integration;

import com.breakagency.core.IntegrationSettings;
import com.breakagency.core.boundary.Call;
import com.breakagency.core.internal.Audit;
import com.breakagency.ports.api.integration.AccessToken;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.integration.Ciphertext;
import com.breakagency.ports.model.integration.Connection;
import com.breakagency.ports.model.integration.ConnectionError;
import com.breakagency.ports.model.integration.ConnectionStatus;
import com.breakagency.ports.model.integration.ConnectionTokens;
import com.breakagency.ports.model.integration.Provider;
import com.breakagency.ports.spi.Connections;
import com.breakagency.ports.spi.OAuthProvider;
import com.breakagency.ports.spi.SecretCipher;
import com.breakagency.ports.spi.Telemetry;
import com.breakagency.ports.spi.oauth.OAuthFailure;
import com.breakagency.ports.spi.oauth.TokenGrant;
import com.breakagency.ports.spi.oauth.TokenResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;

/**
 * Hands out access tokens and refreshes them, once. One refresh per connection is in flight at a time:
 * in this process a per-connection lock, across instances the store's row lock ({@link
 * Connections#lockForRefresh}); after taking both, the connection is read again, and if another thread or
 * instance refreshed meanwhile its token is used and nobody is called. After an {@code invalid_grant} the
 * stored refresh token is read again: if it changed, a refresh elsewhere won a race and the grant is not
 * dead. Failures are written and then answered with {@link Call#endWith}, so what they change commits:
 * <ul>
 *   <li>permanent: NEEDS_REAUTH, the tokens deleted, one audit event, one TOKEN_REFRESH_FAILED/
 *       REFRESH_TOKEN_REVOKED report; later calls answer the same at once, unreported, calling nobody;</li>
 *   <li>operator: the connection unchanged, one report per episode ({@link OperatorAlarms});</li>
 *   <li>transient: CONNECTED, lastError transient, no refresh before a jittered backoff, one report when
 *       the failures in a row pass the threshold; the stored token is handed out while it has not expired.</li>
 * </ul>
 * The first success after failures clears lastError and is audited as a recovery. Every refresh tells the
 * agency's (guarded) {@link Telemetry#tokenRefresh} its provider and bounded outcome: {@code OK},
 * REFRESH_TOKEN_REVOKED, CLIENT_CREDENTIALS_REJECTED or TOKEN_ENDPOINT_UNAVAILABLE; a dead grant answered
 * from the store, without a refresh, is not counted again. Thread-safe.
 */
final class TokenRefresher {

    private final Connections connections;
    private final Map<Provider, OAuthProvider> providers;
    private final SecretCipher cipher;
    private final Audit audit;
    private final Clock clock;
    private final IntegrationSettings settings;
    private final RandomGenerator jitter;
    private final OperatorAlarms alarms;
    private final Telemetry telemetry;
    /** One lock per connection id, kept for the agency's life (one small object per connection). */
    private final Map<String, ReentrantLock> inFlight = new ConcurrentHashMap<>();

    TokenRefresher(Connections connections, Map<Provider, OAuthProvider> providers, SecretCipher cipher, Audit audit,
                   Clock clock, IntegrationSettings settings, RandomGenerator jitter, OperatorAlarms alarms,
                   Telemetry telemetry) {
        this.connections = connections;
        this.providers = Map.copyOf(providers);
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
        this.jitter = jitter;
        this.alarms = alarms;
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    }

    AccessToken token(Call call, String connectionId, Optional<String> refused) {
        Connection seen = connections.find(connectionId)
                .orElseThrow(() -> BreakException.notFound(Failures.CONNECTION, connectionId));
        Optional<Answer> quick = answerWithoutRefresh(seen, refused, clock.instant());
        if (quick.isPresent()) {
            return quick.get().give(call);
        }
        ReentrantLock gate = inFlight.computeIfAbsent(connectionId, id -> new ReentrantLock());
        try {
            if (!gate.tryLock(settings.refreshLockWait().toMillis(), TimeUnit.MILLISECONDS)) {
                throw Failures.busy(connectionId);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw Failures.busy(connectionId);
        }
        try {
            Connection locked = connections.lockForRefresh(connectionId)
                    .orElseThrow(() -> BreakException.notFound(Failures.CONNECTION, connectionId));
            Instant now = clock.instant();
            Optional<Answer> meanwhile = answerWithoutRefresh(locked, refused, now);
            return meanwhile.isPresent() ? meanwhile.get().give(call) : refresh(call, locked, refused, now);
        } finally {
            gate.unlock();
        }
    }

    /** What to answer without calling the provider, if anything: a usable token, or a known failure. */
    private Optional<Answer> answerWithoutRefresh(Connection connection, Optional<String> refused, Instant now) {
        if (connection.status() == ConnectionStatus.DISCONNECTED) {
            throw Failures.disconnected(connection);
        }
        if (connection.status() == ConnectionStatus.NEEDS_REAUTH || connection.tokens().isEmpty()) {
            return Optional.of(new Refusal(Failures.revoked(connection)));
        }
        Optional<AccessToken> stored = stored(connection, refused);
        if (stored.isPresent() && stored.get().expiresAt().isAfter(now.plus(settings.refreshSkew()))) {
            return Optional.of(new Token(stored.get()));
        }
        Optional<Instant> notBefore = connection.nextRefreshAttemptAt().filter(next -> next.isAfter(now));
        if (notBefore.isPresent()) {
            // backing off after a transient failure: nobody is called before the backoff ends
            if (stored.isPresent() && stored.get().expiresAt().isAfter(now)) {
                return Optional.of(new Token(stored.get()));
            }
            return Optional.of(new Refusal(Failures.endpointUnavailable(connection,
                    Duration.between(now, notBefore.get()))));
        }
        return Optional.empty();
    }

    /** The stored access token, unless it is the one the caller said the provider refused. */
    private Optional<AccessToken> stored(Connection connection, Optional<String> refused) {
        String token = cipher.open(connection.tokens().orElseThrow().accessToken());
        if (refused.isPresent() && refused.get().equals(token)) {
            return Optional.empty();
        }
        return Optional.of(new AccessToken(connection.id(), token, connection.accessTokenExpiresAt().orElse(Instant.EPOCH)));
    }

    private AccessToken refresh(Call call, Connection locked, Optional<String> refused, Instant now) {
        OAuthProvider provider = providers.get(locked.provider());
        Optional<Ciphertext> refreshToken = locked.tokens().flatMap(ConnectionTokens::refreshToken);
        if (provider == null || refreshToken.isEmpty()) {
            // no refresh token was ever granted: nothing can renew this grant but a reconnect
            OAuthFailure none = OAuthFailure.fromErrorCode("invalid_grant", 0);
            telemetry.tokenRefresh(locked.provider().name(), Reason.REFRESH_TOKEN_REVOKED);
            return needsReauth(call, locked, none, now);
        }
        TokenResult result = provider.refresh(cipher.open(refreshToken.get()));
        Instant after = clock.instant();
        telemetry.tokenRefresh(locked.provider().name(), outcome(result));
        if (result instanceof TokenGrant grant) {
            return refreshed(call, locked, refreshToken.get(), grant, now, after);
        }
        OAuthFailure failure = (OAuthFailure) result;
        return switch (failure.kind()) {
            case PERMANENT -> lostRaceOrDead(call, locked, refused, failure, after);
            case OPERATOR -> {
                BreakException error = Failures.clientRejected(locked.provider(), failure);
                if (alarms.raise(locked.provider(), failure.errorCode(), after)) {
                    call.reportAfterCommit(error);
                }
                yield call.endWith(error);
            }
            case TRANSIENT -> failedTransiently(call, locked, refused, failure, after);
        };
    }

    /**
     * The bounded outcome a refresh is measured under: {@link Telemetry#OK}, or the reason of its class of failure
     * (an {@code invalid_grant} counts as REFRESH_TOKEN_REVOKED even when it turns out to be a lost race).
     */
    static String outcome(TokenResult result) {
        if (result instanceof TokenGrant) {
            return Telemetry.OK;
        }
        return switch (((OAuthFailure) result).kind()) {
            case PERMANENT -> Reason.REFRESH_TOKEN_REVOKED;
            case OPERATOR -> Reason.CLIENT_CREDENTIALS_REJECTED;
            case TRANSIENT -> Reason.TOKEN_ENDPOINT_UNAVAILABLE;
        };
    }

    private AccessToken refreshed(Call call, Connection locked, Ciphertext usedRefreshToken, TokenGrant grant,
                                  Instant sentAt, Instant now) {
        alarms.clear(locked.provider());
        // a rotated refresh token replaces the old one; a kept one is sealed again under the current key
        Ciphertext refreshToken = grant.refreshToken().map(cipher::seal)
                .orElseGet(() -> usedRefreshToken.keyId().equals(cipher.currentKeyId()) ? usedRefreshToken
                        : cipher.seal(cipher.open(usedRefreshToken)));
        Instant expiresAt = sentAt.plus(grant.expiresIn());
        Connection updated = locked.refreshed(new ConnectionTokens(cipher.seal(grant.accessToken()),
                Optional.of(refreshToken)), expiresAt, now);
        connections.update(updated);
        if (locked.lastError().isPresent()) {
            Map<String, String> changes = new LinkedHashMap<>();
            changes.put("provider", locked.provider().name());
            changes.put("failuresBefore", Integer.toString(locked.consecutiveTransientFailures()));
            changes.put("lastErrorCode", locked.lastError().get().code());
            audit.record(call, AuditAction.CONNECTION_RECOVERED, EntityRef.of(EntityType.CONNECTION, locked.id()), changes);
        }
        return new AccessToken(locked.id(), grant.accessToken(), expiresAt);
    }

    /** After invalid_grant: a refresh token changed since is a race lost to another refresh, not a dead grant. */
    private AccessToken lostRaceOrDead(Call call, Connection locked, Optional<String> refused, OAuthFailure failure,
                                       Instant now) {
        Connection current = connections.find(locked.id()).orElse(locked);
        Optional<Ciphertext> used = locked.tokens().flatMap(ConnectionTokens::refreshToken);
        Optional<Ciphertext> stored = current.tokens().flatMap(ConnectionTokens::refreshToken);
        if (current.version() != locked.version() || !Objects.equals(used, stored)) {
            Optional<Answer> answer = current.status() == ConnectionStatus.CONNECTED && current.tokens().isPresent()
                    ? stored(current, refused).filter(t -> t.expiresAt().isAfter(now)).map(Token::new)
                    : Optional.empty();
            return answer.orElseGet(() -> new Refusal(Failures.endpointUnavailable(current, Duration.ofSeconds(1))))
                    .give(call);
        }
        return needsReauth(call, locked, failure, now);
    }

    private AccessToken needsReauth(Call call, Connection locked, OAuthFailure failure, Instant now) {
        ConnectionError error = Failures.error(failure, Reason.REFRESH_TOKEN_REVOKED, now);
        Connection dead = locked.needsReauth(error);
        connections.update(dead);
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("provider", locked.provider().name());
        changes.put("status", ConnectionStatus.NEEDS_REAUTH.name());
        changes.put("providerError", failure.errorCode());
        audit.record(call, AuditAction.CONNECTION_NEEDS_REAUTH, EntityRef.of(EntityType.CONNECTION, locked.id()), changes);
        BreakException revoked = Failures.revoked(dead);
        call.reportAfterCommit(revoked);
        return call.endWith(revoked);
    }

    private AccessToken failedTransiently(Call call, Connection locked, Optional<String> refused, OAuthFailure failure,
                                          Instant now) {
        int attempt = locked.consecutiveTransientFailures() + 1;
        Duration wait = settings.refreshBackoff().delay(attempt, jitter);
        if (failure.retryAfter().isPresent() && failure.retryAfter().get().compareTo(wait) > 0) {
            wait = failure.retryAfter().get();
        }
        Instant notBefore = now.plus(wait).truncatedTo(ChronoUnit.MICROS);
        Connection failed = locked.failedTransiently(Failures.error(failure, Reason.TOKEN_ENDPOINT_UNAVAILABLE, now),
                notBefore);
        connections.update(failed);
        BreakException unavailable = Failures.endpointUnavailable(failed, Duration.between(now, notBefore));
        if (attempt == settings.transientReportThreshold() + 1) {
            call.reportAfterCommit(unavailable);
        }
        Optional<AccessToken> stored = stored(failed, refused).filter(t -> t.expiresAt().isAfter(now));
        return stored.orElseGet(() -> call.endWith(unavailable));
    }

    /** What a call is answered without a refresh. */
    private sealed interface Answer permits Token, Refusal {
        AccessToken give(Call call);
    }

    private record Token(AccessToken token) implements Answer {
        @Override
        public AccessToken give(Call call) {
            return token;
        }
    }

    private record Refusal(BreakException error) implements Answer {
        @Override
        public AccessToken give(Call call) {
            return call.endWith(error);
        }
    }
}
