package com.breakagency.core.integration;

import com.breakagency.ports.model.integration.Provider;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Providers that refuse this agency's OAuth client (invalid_client and the like): an episode starts with
 * the first refusal and ends with the next call the provider accepts. Kept per agency, not in a store:
 * the client credentials are each instance's configuration, so each instance has its own episode and
 * reports it once. Thread-safe.
 */
final class OperatorAlarms {

    /** An episode: since when, and the provider's error code. */
    record Alarm(Instant since, String errorCode) {
    }

    private final Map<Provider, Alarm> raised = new ConcurrentHashMap<>();

    /** Raises the alarm; true if this starts an episode (the one to report). */
    boolean raise(Provider provider, String errorCode, Instant at) {
        return raised.putIfAbsent(provider, new Alarm(at, errorCode)) == null;
    }

    /** Ends the episode, if one runs. */
    void clear(Provider provider) {
        raised.remove(provider);
    }

    Optional<Alarm> alarm(Provider provider) {
        return Optional.ofNullable(raised.get(provider));
    }
}
