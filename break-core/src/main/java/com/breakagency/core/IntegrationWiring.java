package com.breakagency.core;

import com.breakagency.ports.model.integration.Provider;
import com.breakagency.ports.spi.IntegrationStores;
import com.breakagency.ports.spi.MailSource;
import com.breakagency.ports.spi.OAuthProvider;
import com.breakagency.ports.spi.Persistence;
import com.breakagency.ports.spi.SecretCipher;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** What the builder hands the agency when integrations are configured: validated, copied. */
record IntegrationWiring(IntegrationStores stores, Map<Provider, OAuthProvider> providers, SecretCipher cipher,
                         IntegrationSettings settings, RandomGenerator stateRandom, Optional<MailSource> mailSource,
                         MailSyncSettings mailSettings) {

    IntegrationWiring {
        providers = Map.copyOf(providers);
    }

    /** The same wiring with the mail sync's source and settings. */
    IntegrationWiring withMail(Optional<MailSource> source, MailSyncSettings mail) {
        return new IntegrationWiring(stores, providers, cipher, settings, stateRandom, source, mail);
    }

    /**
     * Checks the integration options of a builder and wires them, or none when integrations are off.
     *
     * @throws IllegalStateException if integrations lack keys or providers, keys or providers are given
     *                               without integrations, or the stores do not share the persistence's
     *                               transactions
     */
    static Optional<IntegrationWiring> of(IntegrationStores stores, Map<Provider, OAuthProvider> providers,
                                          SecretCipher cipher, IntegrationSettings settings,
                                          RandomGenerator stateRandom, Persistence persistence) {
        if (stores == null) {
            if (!providers.isEmpty() || cipher != null) {
                throw new IllegalStateException(
                        "BreakAgency.builder(): oauthProvider(...) and secretKeys(...) need integrations(...)");
            }
            return Optional.empty();
        }
        if (cipher == null) {
            throw new IllegalStateException("BreakAgency.builder(): integrations(...) need secretKeys(...) or "
                    + "secretCipher(...): tokens are stored only encrypted, and Break has no default key");
        }
        if (providers.isEmpty()) {
            throw new IllegalStateException("BreakAgency.builder(): integrations(...) need at least one oauthProvider(...)");
        }
        if (persistence != null && stores.transactions() != persistence.transactions()) {
            throw new IllegalStateException("BreakAgency.builder(): the integrations' stores must share the "
                    + "persistence bundle's transactions");
        }
        return Optional.of(new IntegrationWiring(stores, providers, cipher, settings,
                stateRandom == null ? new SecureRandom() : stateRandom, Optional.empty(), MailSyncSettings.DEFAULT));
    }
}
