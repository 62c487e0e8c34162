package com.breakagency.ports.api.diagnostics;

import com.breakagency.ports.model.integration.Provider;
import java.util.Objects;

/**
 * The connections of one provider, counted from the store.
 *
 * @param provider     the provider
 * @param total        every connection, disconnected ones included
 * @param connected    CONNECTED ones
 * @param needsReauth  NEEDS_REAUTH ones: the user must reconnect
 * @param disconnected DISCONNECTED ones
 * @param withError    connections that are not disconnected and carry a last error (transient ones included)
 */
public record ProviderSummary(Provider provider, long total, long connected, long needsReauth, long disconnected,
                              long withError) {

    /**
     * Checks presence.
     *
     * @param provider the provider
     * @param total every connection, disconnected ones included
     * @param connected CONNECTED ones
     * @param needsReauth NEEDS_REAUTH ones: the user must reconnect
     * @param disconnected DISCONNECTED ones
     * @param withError connections that are not disconnected and carry a last error (transient ones included)
     */
    public ProviderSummary {
        Objects.requireNonNull(provider, "provider");
    }
}
