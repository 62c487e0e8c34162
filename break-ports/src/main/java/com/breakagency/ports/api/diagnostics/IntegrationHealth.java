package com.breakagency.ports.api.diagnostics;

import java.util.List;
import java.util.Objects;

/**
 * The integrations section of the health: DEGRADED while a connection needs reauthorization (the reasons
 * say how many), DOWN while a provider refuses the host's client credentials. No token, secret or full
 * address appears in it.
 *
 * @param status      the section's status
 * @param reasons     why it is not UP, in plain words with identifiers only
 * @param providers   counts per provider
 * @param connections the connections that are not disconnected, most recently changed first (at most
 *                    {@value #MAX_CONNECTIONS})
 */
public record IntegrationHealth(HealthStatus status, List<String> reasons, List<ProviderSummary> providers,
                                List<ConnectionHealth> connections) {

    /** The most connections the section lists. */
    public static final int MAX_CONNECTIONS = 500;

    /** The section of an agency built without integrations: UP, nothing to show. */
    public static final IntegrationHealth NOT_CONFIGURED = new IntegrationHealth(HealthStatus.UP, List.of(), List.of(),
            List.of());

    /**
     * Checks presence and copies.
     *
     * @param status the section's status
     * @param reasons why it is not UP, in plain words with identifiers only
     * @param providers counts per provider
     * @param connections the connections that are not disconnected, most recently changed first (at most
     *        {@value #MAX_CONNECTIONS})
     */
    public IntegrationHealth {
        Objects.requireNonNull(status, "status");
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
        providers = List.copyOf(Objects.requireNonNull(providers, "providers"));
        connections = List.copyOf(Objects.requireNonNull(connections, "connections"));
    }
}
