package com.breakagency.ports.api.diagnostics;

import com.breakagency.ports.model.integration.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The integrations section in the shape the old {@code /api/admin/diagnostics/integrations} endpoint
 * served, so a host can serve it unchanged for the tools that read it: any JSON library writes it as
 * <pre>{@code
 * {"gmail": {"totalConnections": 3, "connectedCount": 2, "errorCount": 1,
 *            "recentConnections": [{"userId": "u-1", "lastSyncedAt": null, "lastError": "invalid_grant: ...",
 *                                   "lastErrorAt": "2026-01-05T09:00:00Z", "tokenExpiresAt": null,
 *                                   "status": "NEEDS_REAUTH"}]}}
 * }</pre>
 * Instants are ISO-8601 text and absent values are null, as the old endpoint wrote them.
 *
 * @param gmail the Google connections
 */
public record AdminIntegrationsView(Gmail gmail) {

    /** How many connections {@code recentConnections} lists, most recently changed first. */
    public static final int RECENT = 20;

    /**
     * Checks presence.
     *
     * @param gmail the Google connections
     */
    public AdminIntegrationsView {
        Objects.requireNonNull(gmail, "gmail");
    }

    /**
     * The view of a health section.
     *
     * @param health the integrations section of {@code Diagnostics.health}
     * @return the view
     */
    public static AdminIntegrationsView of(IntegrationHealth health) {
        ProviderSummary google = health.providers().stream().filter(p -> p.provider() == Provider.GOOGLE).findFirst()
                .orElse(new ProviderSummary(Provider.GOOGLE, 0, 0, 0, 0, 0));
        List<RecentConnection> recent = health.connections().stream()
                .filter(c -> c.provider() == Provider.GOOGLE)
                .sorted(Comparator.comparing(ConnectionHealth::updatedAt).reversed())
                .limit(RECENT)
                .map(c -> new RecentConnection(c.ownerUserId(), null,
                        c.lastError().map(e -> e.code() + ": " + e.message()).orElse(null),
                        c.lastError().map(e -> e.at().toString()).orElse(null),
                        c.tokenExpiresAt().map(Object::toString).orElse(null), c.status().name()))
                .toList();
        return new AdminIntegrationsView(new Gmail(google.total(), google.connected(), google.withError(), recent));
    }

    /**
     * The Gmail figures.
     *
     * @param totalConnections  every connection
     * @param connectedCount    CONNECTED ones
     * @param errorCount        connections (not disconnected) with a last error
     * @param recentConnections the most recently changed ones
     */
    public record Gmail(long totalConnections, long connectedCount, long errorCount,
                        List<RecentConnection> recentConnections) {

        /**
         * Copies.
         *
         * @param totalConnections every connection
         * @param connectedCount CONNECTED ones
         * @param errorCount connections (not disconnected) with a last error
         * @param recentConnections the most recently changed ones
         */
        public Gmail {
            recentConnections = List.copyOf(recentConnections);
        }
    }

    /**
     * One connection, as the old endpoint listed it.
     *
     * @param userId         the owner
     * @param lastSyncedAt   the last mail sync (null until the mail sync ships)
     * @param lastError      the last error's code and Break's message, or null
     * @param lastErrorAt    when it happened, or null
     * @param tokenExpiresAt when the access token expires, or null
     * @param status         CONNECTED, NEEDS_REAUTH or DISCONNECTED
     */
    public record RecentConnection(String userId, String lastSyncedAt, String lastError, String lastErrorAt,
                                   String tokenExpiresAt, String status) {
    }
}
