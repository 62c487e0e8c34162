package com.breakagency.core;

import com.breakagency.core.integration.IntegrationSettings;
import com.breakagency.ports.model.integration.Provider;
import com.breakagency.ports.spi.IntegrationStores;
import com.breakagency.ports.spi.OAuthProvider;
import com.breakagency.ports.spi.SecretCipher;
import java.util.Map;
import java.util.random.RandomGenerator;

/** What the builder hands the agency when integrations are configured: validated, copied. */
record IntegrationWiring(IntegrationStores stores, Map<Provider, OAuthProvider> providers, SecretCipher cipher,
                         IntegrationSettings settings, RandomGenerator stateRandom) {

    IntegrationWiring {
        providers = Map.copyOf(providers);
    }
}
