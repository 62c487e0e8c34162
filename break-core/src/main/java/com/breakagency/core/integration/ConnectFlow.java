package com.breakagency.core.integration;

import com.breakagency.core.IntegrationSettings;
import com.breakagency.core.boundary.Call;
import com.breakagency.core.internal.Audit;
import com.breakagency.ports.api.integration.AuthorizationStart;
import com.breakagency.ports.api.integration.CompleteConnect;
import com.breakagency.ports.api.integration.StartConnect;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.FieldError;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.integration.Connection;
import com.breakagency.ports.model.integration.ConnectionTokens;
import com.breakagency.ports.model.integration.PendingAuthorization;
import com.breakagency.ports.model.integration.Provider;
import com.breakagency.ports.model.work.StepStatus;
import com.breakagency.ports.model.work.WorkStep;
import com.breakagency.ports.spi.Connections;
import com.breakagency.ports.spi.IdGenerator;
import com.breakagency.ports.spi.OAuthProvider;
import com.breakagency.ports.spi.PendingAuthorizations;
import com.breakagency.ports.spi.SecretCipher;
import com.breakagency.ports.spi.WorkQueue;
import com.breakagency.ports.spi.oauth.AuthorizationRequest;
import com.breakagency.ports.spi.oauth.CodeExchange;
import com.breakagency.ports.spi.oauth.OAuthFailure;
import com.breakagency.ports.spi.oauth.TokenGrant;
import com.breakagency.ports.spi.oauth.TokenResult;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Connecting an account: the start (state, PKCE pair, pending authorization) and the callback (the state
 * taken once, the code exchanged, the connection, its audit event and its initial sync step written in
 * the call's one unit of work). Thread-safe.
 */
final class ConnectFlow {

    private final Connections connections;
    private final PendingAuthorizations pending;
    private final WorkQueue queue;
    private final Map<Provider, OAuthProvider> providers;
    private final SecretCipher cipher;
    private final Audit audit;
    private final IdGenerator ids;
    private final Clock clock;
    private final IntegrationSettings settings;
    private final RandomGenerator stateRandom;
    private final OperatorAlarms alarms;

    ConnectFlow(Connections connections, PendingAuthorizations pending, WorkQueue queue,
                Map<Provider, OAuthProvider> providers, SecretCipher cipher, Audit audit, IdGenerator ids, Clock clock,
                IntegrationSettings settings, RandomGenerator stateRandom, OperatorAlarms alarms) {
        this.connections = connections;
        this.pending = pending;
        this.queue = queue;
        this.providers = Map.copyOf(providers);
        this.cipher = cipher;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
        this.settings = settings;
        this.stateRandom = stateRandom;
        this.alarms = alarms;
    }

    AuthorizationStart start(Call call, StartConnect command) {
        OAuthProvider provider = provider(command.provider());
        Instant now = clock.instant();
        pending.deleteExpired(now);
        String state = Secrets.randomToken(stateRandom);
        String verifier = Secrets.randomToken(stateRandom);
        Instant expiresAt = now.plus(settings.stateLifetime());
        pending.insert(new PendingAuthorization(Secrets.stateHash(state), call.context().actor().userId(),
                command.provider(), command.redirectUri(), cipher.seal(verifier), now, expiresAt));
        URI url = provider.authorizationUrl(new AuthorizationRequest(state, Secrets.challenge(verifier),
                command.redirectUri(), provider.scopes()));
        return new AuthorizationStart(url, expiresAt);
    }

    Connection complete(Call call, CompleteConnect command) {
        Instant now = clock.instant();
        String userId = call.context().actor().userId();
        // reused, unknown, expired and foreign states answer alike; throwing rolls the take back, so a
        // foreign caller cannot spend another user's state
        PendingAuthorization flow = pending.take(Secrets.stateHash(command.state()))
                .filter(p -> p.expiresAt().isAfter(now))
                .filter(p -> p.userId().equals(userId))
                .filter(p -> providers.containsKey(p.provider()))
                .orElseThrow(Failures::stateRejected);
        OAuthProvider provider = providers.get(flow.provider());
        TokenResult result = provider.exchange(new CodeExchange(command.code(), cipher.open(flow.codeVerifier()),
                flow.redirectUri()));
        // from here on the state is spent, whatever the exchange came to: the unit of work commits its removal
        if (result instanceof OAuthFailure failure) {
            return call.endWith(exchangeFailed(call, flow.provider(), failure, now));
        }
        TokenGrant grant = (TokenGrant) result;
        alarms.clear(flow.provider());
        Optional<String> address = grant.accountAddress().map(a -> a.strip().toLowerCase(Locale.ROOT))
                .filter(a -> a.indexOf('@') > 0 && a.length() <= 254);
        if (address.isEmpty()) {
            OAuthFailure noAccount = OAuthFailure.fromErrorCode("missing_account_address", 200);
            return call.endWith(exchangeFailed(call, flow.provider(), new OAuthFailure(OAuthFailure.Kind.OPERATOR,
                    noAccount.errorCode(), 200, Optional.empty(), Optional.empty()), now));
        }
        ConnectionTokens tokens = new ConnectionTokens(cipher.seal(grant.accessToken()),
                grant.refreshToken().map(cipher::seal));
        Instant expiresAt = now.plus(grant.expiresIn());
        Optional<Connection> existing = connections.findByAccount(userId, flow.provider(), address.get());
        Connection connection;
        if (existing.isPresent()) {
            connection = existing.get().reconnected(grant.scopes(), tokens, expiresAt, now);
            connections.update(connection);
        } else {
            connection = Connection.connected(ids.nextId(), userId, flow.provider(), address.get(), grant.scopes(),
                    tokens, expiresAt, now);
            connections.insert(connection);
        }
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("provider", connection.provider().name());
        changes.put("status", connection.status().name());
        changes.put("reconnected", Boolean.toString(existing.isPresent()));
        changes.put("refreshToken", grant.refreshToken().isPresent() ? "granted" : "none");
        audit.record(call, AuditAction.CONNECTION_CONNECTED, EntityRef.of(EntityType.CONNECTION, connection.id()), changes);
        if (connection.provider() == Provider.GOOGLE) {
            queue.enqueue(new WorkStep(ids.nextId(), IntegrationService.GMAIL_INITIAL_SYNC_STEP,
                    IntegrationService.GMAIL_INITIAL_SYNC_STEP + ":" + connection.id(),
                    Map.of("connectionId", connection.id()), StepStatus.PENDING, 0, now, Optional.empty(),
                    Optional.empty(), Optional.empty(), now, now, 1));
        }
        return connection.withoutTokens();
    }

    private BreakException exchangeFailed(Call call, Provider provider, OAuthFailure failure, Instant now) {
        return switch (failure.kind()) {
            case PERMANENT -> Failures.codeRejected(failure);
            case TRANSIENT -> Failures.providerUnavailable(provider, failure);
            case OPERATOR -> {
                BreakException error = Failures.clientRejected(provider, failure);
                if (alarms.raise(provider, failure.errorCode(), now)) {
                    call.reportAfterCommit(error);
                }
                yield error;
            }
        };
    }

    private OAuthProvider provider(Provider provider) {
        OAuthProvider found = providers.get(provider);
        if (found == null) {
            throw BreakException.validation(List.of(new FieldError("#/provider", "ConfiguredProvider",
                    "is not configured on this agency")));
        }
        return found;
    }
}
