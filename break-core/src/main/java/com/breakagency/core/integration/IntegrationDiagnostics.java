package com.breakagency.core.integration;

import com.breakagency.ports.api.diagnostics.ConnectionHealth;
import com.breakagency.ports.api.diagnostics.HealthStatus;
import com.breakagency.ports.api.diagnostics.IntegrationHealth;
import com.breakagency.ports.api.diagnostics.ProviderSummary;
import com.breakagency.ports.model.integration.Connection;
import com.breakagency.ports.model.integration.ConnectionStatus;
import com.breakagency.ports.model.integration.Provider;
import com.breakagency.ports.model.mail.MailSyncState;
import com.breakagency.ports.model.mail.MailSyncStatus;
import com.breakagency.ports.spi.Connections;
import com.breakagency.ports.spi.MailSyncStates;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The integrations section of the health, from the connections store (so every instance counts the same)
 * and this agency's operator alarms. No token or full address goes into it. Thread-safe.
 */
final class IntegrationDiagnostics {

    private static final int PAGE = 200;
    private static final int SCAN_LIMIT = 10_000;

    private final Connections connections;
    private final Set<Provider> providers;
    private final OperatorAlarms alarms;

    private final MailSyncStates syncs;
    private final java.time.Duration lease;
    private final java.time.Clock clock;

    IntegrationDiagnostics(Connections connections, Set<Provider> providers, OperatorAlarms alarms,
                           MailSyncStates syncs, java.time.Duration lease, java.time.Clock clock) {
        this.syncs = syncs;
        this.lease = lease;
        this.clock = clock;
        this.connections = connections;
        this.providers = Set.copyOf(providers);
        this.alarms = alarms;
    }

    IntegrationHealth health() {
        Map<Provider, Map<ConnectionStatus, Long>> counts = connections.counts();
        Map<Provider, Long> withError = new EnumMap<>(Provider.class);
        List<ConnectionHealth> shown = new ArrayList<>();
        for (ConnectionStatus status : List.of(ConnectionStatus.CONNECTED, ConnectionStatus.NEEDS_REAUTH)) {
            Optional<String> after = Optional.empty();
            for (int read = 0; read < SCAN_LIMIT; ) {
                List<Connection> page = connections.list(Optional.empty(), Optional.empty(), Optional.of(status), after, PAGE);
                for (Connection connection : page) {
                    if (connection.lastError().isPresent()) {
                        withError.merge(connection.provider(), 1L, Long::sum);
                    }
                    shown.add(health(connection));
                }
                if (page.size() < PAGE) {
                    break;
                }
                read += page.size();
                after = Optional.of(page.get(page.size() - 1).id());
            }
        }
        shown.sort(Comparator.comparing(ConnectionHealth::updatedAt).reversed().thenComparing(ConnectionHealth::connectionId));
        HealthStatus status = HealthStatus.UP;
        List<String> reasons = new ArrayList<>();
        List<ProviderSummary> summaries = new ArrayList<>();
        for (Provider provider : Provider.values()) {
            Map<ConnectionStatus, Long> byStatus = counts.getOrDefault(provider, Map.of());
            if (byStatus.isEmpty() && !providers.contains(provider)) {
                continue;
            }
            long connected = byStatus.getOrDefault(ConnectionStatus.CONNECTED, 0L);
            long reauth = byStatus.getOrDefault(ConnectionStatus.NEEDS_REAUTH, 0L);
            long disconnected = byStatus.getOrDefault(ConnectionStatus.DISCONNECTED, 0L);
            summaries.add(new ProviderSummary(provider, connected + reauth + disconnected, connected, reauth,
                    disconnected, withError.getOrDefault(provider, 0L)));
            if (reauth > 0) {
                status = status.worst(HealthStatus.DEGRADED);
                reasons.add(reauth == 1 ? "1 " + provider + " connection needs its owner to connect again"
                        : reauth + " " + provider + " connections need their owners to connect again");
            }
            Optional<OperatorAlarms.Alarm> alarm = alarms.alarm(provider);
            if (alarm.isPresent()) {
                status = status.worst(HealthStatus.DOWN);
                reasons.add(provider + " has refused this agency's OAuth client credentials (" + alarm.get().errorCode()
                        + ") since " + alarm.get().since() + ": the client id or client secret is wrong");
            }
        }
        java.time.Instant now = clock.instant();
        Optional<String> afterId = Optional.empty();
        for (int read = 0; read < SCAN_LIMIT; ) {
            List<MailSyncState> page = syncs.list(afterId, PAGE);
            for (MailSyncState sync : page) {
                java.time.Instant last = sync.lastProgressAt().orElse(sync.updatedAt());
                if (sync.status() == MailSyncStatus.SYNCING && last.plus(lease).isBefore(now)) {
                    status = status.worst(HealthStatus.DEGRADED);
                    reasons.add("the mail sync of connection " + sync.connectionId() + " has shown no progress since "
                            + last + " (" + sync.stored() + " stored)");
                }
            }
            if (page.size() < PAGE) {
                break;
            }
            read += page.size();
            afterId = Optional.of(page.get(page.size() - 1).connectionId());
        }
        return new IntegrationHealth(status, reasons, summaries,
                shown.size() > IntegrationHealth.MAX_CONNECTIONS ? shown.subList(0, IntegrationHealth.MAX_CONNECTIONS) : shown);
    }

    private ConnectionHealth health(Connection c) {
        return new ConnectionHealth(c.id(), c.ownerUserId(), c.provider(), ConnectionHealth.mask(c.accountAddress()),
                c.status(), c.connected(), c.lastError(), c.lastRefreshAt(), c.accessTokenExpiresAt(), c.updatedAt(),
                syncs.find(c.id()));
    }
}
