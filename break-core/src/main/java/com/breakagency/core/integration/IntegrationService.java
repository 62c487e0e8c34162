package com.breakagency.core.integration;

import com.breakagency.core.IntegrationSettings;
import com.breakagency.core.MailSyncSettings;
import com.breakagency.core.boundary.Boundary;
import com.breakagency.core.internal.Audit;
import com.breakagency.core.internal.Cursors;
import com.breakagency.core.internal.Pages;
import com.breakagency.core.recovery.StepHandler;
import com.breakagency.core.recovery.StepOutcome;
import com.breakagency.ports.api.Integrations;
import com.breakagency.ports.api.diagnostics.IntegrationHealth;
import com.breakagency.ports.api.integration.AccessToken;
import com.breakagency.ports.api.integration.AccessTokenRequest;
import com.breakagency.ports.api.integration.AuthorizationStart;
import com.breakagency.ports.api.integration.CompleteConnect;
import com.breakagency.ports.api.integration.ConnectionQuery;
import com.breakagency.ports.api.integration.StartConnect;
import com.breakagency.ports.api.integration.SyncRequest;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.Page;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.integration.Connection;
import com.breakagency.ports.model.integration.ConnectionStatus;
import com.breakagency.ports.model.integration.ConnectionTokens;
import com.breakagency.ports.model.integration.Provider;
import com.breakagency.ports.model.mail.MailSyncState;
import com.breakagency.ports.model.work.StepStatus;
import com.breakagency.ports.model.work.WorkStep;
import com.breakagency.ports.spi.Connections;
import com.breakagency.ports.spi.IdGenerator;
import com.breakagency.ports.spi.IntegrationStores;
import com.breakagency.ports.spi.MailSource;
import com.breakagency.ports.spi.OAuthProvider;
import com.breakagency.ports.spi.Persistence;
import com.breakagency.ports.spi.SecretCipher;
import com.breakagency.ports.spi.WorkQueue;
import com.breakagency.ports.spi.oauth.OAuthFailure;
import com.breakagency.ports.spi.oauth.RevokeResult;
import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Integrations} use cases: {@link ConnectFlow} connects, {@link TokenRefresher} hands out and
 * refreshes tokens, this class reads and disconnects, and gives diagnostics its section. Thread-safe.
 */
public final class IntegrationService implements Integrations {

    /** The step type queued when a Gmail connection is made: its first mail sync. */
    public static final String GMAIL_INITIAL_SYNC_STEP = "GMAIL_INITIAL_SYNC";
    /** The step type of resyncs and of each connection's periodic incremental sync. */
    public static final String MAIL_SYNC_STEP = MailSync.MAIL_SYNC_STEP;

    private static final Logger LOG = LoggerFactory.getLogger("com.breakagency.integrations");

    private final Boundary boundary;
    private final Connections connections;
    private final Map<Provider, OAuthProvider> providers;
    private final SecretCipher cipher;
    private final Audit audit;
    private final Clock clock;
    private final ConnectFlow connect;
    private final TokenRefresher tokens;
    private final IntegrationDiagnostics diagnostics;
    private final IntegrationStores stores;
    private final WorkQueue queue;
    private final IdGenerator ids;
    private final MailSyncSettings mailSettings;
    private final Optional<MailSync> mailSync;

    /**
     * Wires the use cases.
     *
     * @param boundary    the boundary every call passes
     * @param stores      the connections and pending authorizations, in the persistence bundle's units of work
     * @param queue       where the initial sync step is queued
     * @param providers   the providers this agency connects to
     * @param cipher      seals tokens and verifiers
     * @param audit       writes audit events
     * @param ids         makes ids
     * @param clock       the time
     * @param settings    lifetimes, skew, threshold, backoff
     * @param stateRandom the randomness of states and PKCE verifiers (a {@code SecureRandom} outside tests)
     * @param jitter      the randomness of the refresh backoff's jitter
     * @param mail        the mailbox source of the mail sync, or empty to run no sync
     * @param mailSettings how the mail sync runs
     * @param crm         the persistence bundle whose contacts, brands and timelines the sync links to
     */
    public IntegrationService(Boundary boundary, IntegrationStores stores, WorkQueue queue,
                              Map<Provider, OAuthProvider> providers, SecretCipher cipher, Audit audit, IdGenerator ids,
                              Clock clock, IntegrationSettings settings, RandomGenerator stateRandom,
                              RandomGenerator jitter, Optional<MailSource> mail, MailSyncSettings mailSettings,
                              Persistence crm) {
        this.boundary = Objects.requireNonNull(boundary, "boundary");
        this.connections = stores.connections();
        this.providers = Map.copyOf(providers);
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        OperatorAlarms alarms = new OperatorAlarms();
        this.connect = new ConnectFlow(connections, stores.pendingAuthorizations(), queue, this.providers, cipher, audit,
                ids, clock, settings, stateRandom, alarms);
        this.tokens = new TokenRefresher(connections, this.providers, cipher, audit, clock, settings, jitter, alarms,
                boundary.telemetry());
        this.stores = stores;
        this.queue = queue;
        this.ids = ids;
        this.mailSettings = mailSettings;
        this.mailSync = mail.map(source -> new MailSync(connections, stores.mailSyncStates(), stores.emails(), queue,
                stores.transactions(), source, this::systemToken,
                context -> new MailStore(stores.emails(), crm.contacts(), crm.brands(), crm.activities(), ids, clock,
                        mailSettings, audit, context),
                new QuotaPacer(stores.quotaBudgets(), stores.transactions(), clock, mailSettings, boundary.telemetry()),
                ids, clock,
                mailSettings, jitter));
        this.diagnostics = new IntegrationDiagnostics(connections, this.providers.keySet(), alarms,
                stores.mailSyncStates(), mailSettings.lease(), clock);
    }

    private String systemToken(String connectionId, Optional<String> refused) {
        return accessToken(OperationContext.system(), connectionId,
                refused.map(AccessTokenRequest::replacing).orElseGet(AccessTokenRequest::current)).token();
    }

    @Override
    public AuthorizationStart startConnect(OperationContext context, StartConnect command) {
        return boundary.call(context, IntegrationOperations.START_CONNECT, command, connect::start);
    }

    @Override
    public Connection completeConnect(OperationContext context, CompleteConnect command) {
        return boundary.call(context, IntegrationOperations.COMPLETE_CONNECT, command, connect::complete);
    }

    @Override
    public Connection disconnect(OperationContext context, String connectionId) {
        return boundary.call(context, IntegrationOperations.DISCONNECT, new ById(connectionId), (call, c) -> {
            Connection connection = call.access().requireOwnedBy(connections.lockForRefresh(c.id()),
                    Connection::ownerUserId, Failures.CONNECTION, c.id());
            if (connection.status() == ConnectionStatus.DISCONNECTED) {
                return connection.withoutTokens();
            }
            String revoke = revoke(connection);
            Connection disconnected = connection.disconnected(clock.instant());
            connections.update(disconnected);
            Map<String, String> changes = new LinkedHashMap<>();
            changes.put("provider", connection.provider().name());
            changes.put("status", ConnectionStatus.DISCONNECTED.name());
            changes.put("revoke", revoke);
            audit.record(call, AuditAction.CONNECTION_DISCONNECTED, EntityRef.of(EntityType.CONNECTION, c.id()), changes);
            return disconnected.withoutTokens();
        });
    }

    /** Revokes at the provider when there is something to revoke; the tokens go whatever it answers. */
    private String revoke(Connection connection) {
        OAuthProvider provider = providers.get(connection.provider());
        Optional<ConnectionTokens> sealed = connection.tokens();
        if (provider == null || sealed.isEmpty()) {
            return "nothing to revoke";
        }
        String token = cipher.open(sealed.get().refreshToken().orElse(sealed.get().accessToken()));
        RevokeResult result = provider.revoke(token);
        if (result instanceof OAuthFailure failure) {
            LOG.info("revoking connection {} at {} failed ({}, HTTP {}); its tokens are deleted all the same",
                    connection.id(), connection.provider(), failure.errorCode(), failure.httpStatus());
            return "failed: " + failure.errorCode();
        }
        return "revoked";
    }

    @Override
    public Page<Connection> listConnections(OperationContext context, ConnectionQuery query) {
        return boundary.call(context, IntegrationOperations.LIST_CONNECTIONS, query, (call, q) -> {
            Optional<String> owner = call.access().ownUserId().or(q::ownerUserId);
            Optional<String> after = q.cursor().flatMap(Cursors::decode);
            List<Connection> fetched = connections.list(owner, q.provider(), q.status(), after, q.limit() + 1).stream()
                    .map(c -> c.withoutTokens().withMailSync(stores.mailSyncStates().find(c.id()))).toList();
            return Pages.of(fetched, q.limit(), Connection::id);
        });
    }

    @Override
    public Connection getConnection(OperationContext context, String connectionId) {
        return boundary.call(context, IntegrationOperations.GET_CONNECTION, new ById(connectionId), (call, c) ->
                call.access().requireOwnedBy(connections.find(c.id()), Connection::ownerUserId, Failures.CONNECTION,
                        c.id()).withoutTokens().withMailSync(stores.mailSyncStates().find(c.id())));
    }

    @Override
    public AccessToken accessToken(OperationContext context, String connectionId, AccessTokenRequest request) {
        Objects.requireNonNull(request, "request");
        return boundary.call(context, IntegrationOperations.ACCESS_TOKEN, new TokenFor(connectionId, request),
                (call, c) -> tokens.token(call, c.connectionId(), c.request().staleToken()));
    }

    /**
     * The integrations section of {@code Diagnostics.health}, read now (the caller is authorized already).
     *
     * @return the section
     */
    public IntegrationHealth health() {
        return diagnostics.health();
    }

    /**
     * The handlers of the mail sync's steps: {@value #GMAIL_INITIAL_SYNC_STEP} (queued on connect) and
     * {@value #MAIL_SYNC_STEP} (resyncs and the periodic incremental sync). Without a mail source, an
     * initial sync step finds the connection and completes, so it neither waits forever nor goes DEAD.
     *
     * @return step type → handler
     */
    public Map<String, StepHandler> stepHandlers() {
        if (mailSync.isEmpty()) {
            StepHandler none = (context, step) -> {
                String id = step.payload().getOrDefault("connectionId", "");
                return new StepOutcome.Done("connection " + id + ": no mail source is configured; nothing to sync");
            };
            return Map.of(GMAIL_INITIAL_SYNC_STEP, none, MAIL_SYNC_STEP, none);
        }
        return Map.of(GMAIL_INITIAL_SYNC_STEP, mailSync.get().handler(), MAIL_SYNC_STEP, mailSync.get().handler());
    }

    @Override
    public SyncRequest resync(OperationContext context, String connectionId) {
        return boundary.call(context, IntegrationOperations.RESYNC, new ById(connectionId), (call, c) -> {
            Connection connection = call.access().requireOwnedBy(connections.find(c.id()), Connection::ownerUserId,
                    Failures.CONNECTION, c.id());
            if (connection.status() != ConnectionStatus.CONNECTED) {
                throw Failures.notSyncable(connection);
            }
            Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            MailSyncState state = stores.mailSyncStates().lock(c.id()).orElseGet(() -> {
                stores.mailSyncStates().insert(MailSyncState.notSynced(c.id(), now));
                return stores.mailSyncStates().lock(c.id()).orElseThrow();
            });
            Optional<Instant> last = state.resyncRequestedAt();
            if (last.isPresent() && last.get().plus(mailSettings.resyncInterval()).isAfter(now)) {
                throw Failures.resyncTooSoon(c.id(), java.time.Duration.between(now,
                        last.get().plus(mailSettings.resyncInterval())));
            }
            stores.mailSyncStates().update(state.next(b -> {
                b.resyncRequestedAt = Optional.of(now);
                return b;
            }, now));
            Optional<WorkStep> running = queue.findByDedupKey(GMAIL_INITIAL_SYNC_STEP + ":" + c.id())
                    .filter(s -> s.status() == StepStatus.PENDING || s.status() == StepStatus.RUNNING);
            WorkStep step = new WorkStep(ids.nextId(), MAIL_SYNC_STEP, MailSync.RESYNC_KEY + c.id(),
                    Map.of("connectionId", c.id()), StepStatus.PENDING, 0, now, Optional.empty(), Optional.empty(),
                    Optional.empty(), now, now, 1);
            boolean merged = running.isPresent() || !queue.enqueue(step);
            String stepId = running.map(WorkStep::id)
                    .orElseGet(() -> queue.findByDedupKey(MailSync.RESYNC_KEY + c.id()).map(WorkStep::id).orElseThrow());
            Map<String, String> changes = new LinkedHashMap<>();
            changes.put("stepId", stepId);
            changes.put("merged", Boolean.toString(merged));
            audit.record(call, AuditAction.MAIL_RESYNC_REQUESTED, EntityRef.of(EntityType.CONNECTION, c.id()), changes);
            return new SyncRequest(c.id(), stepId, merged);
        });
    }

    /** A connection id, validated like every id. */
    record ById(@NotNull @Pattern(regexp = Patterns.ID) String id) {
    }

    /** The access token command: the connection and the request. */
    record TokenFor(@NotNull @Pattern(regexp = Patterns.ID) String connectionId,
                    @NotNull @jakarta.validation.Valid AccessTokenRequest request) {
        @Override
        public String toString() {
            return "TokenFor[connectionId=" + connectionId + "]";
        }
    }
}
