package com.breakagency.spring.boot;

import com.breakagency.core.BreakAgencyBuilder;
import com.breakagency.ports.spi.IntegrationStores;
import com.breakagency.ports.spi.OAuthProvider;
import com.breakagency.ports.spi.Persistence;
import com.breakagency.ports.spi.SecretCipher;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns integrations on in the agency's builder when the host defines {@link OAuthProvider} beans: the stores
 * are the host's {@link IntegrationStores} bean or the persistence itself ({@code JdbcPersistence} is both), the
 * cipher the host's {@link SecretCipher} bean or AES-256-GCM over {@code break.integrations.keys}. A provider
 * without keys or cipher fails the start-up naming the properties; keys without a provider seal nothing. Key
 * material is never logged: the one line written names key ids only. Stateless.
 */
final class BreakIntegrations {

    private static final Logger LOG = LoggerFactory.getLogger(BreakIntegrations.class);

    private BreakIntegrations() {
    }

    static void wire(BreakAgencyBuilder builder, Persistence persistence, BreakProperties.Integrations options,
                     List<OAuthProvider> providers, SecretCipher hostCipher, IntegrationStores hostStores) {
        if (!options.isEnabled() || providers.isEmpty()) {
            if (options.hasKeys() && options.isEnabled()) {
                LOG.info("break.integrations.keys are set but the context has no OAuthProvider bean: integrations are off");
            }
            return;
        }
        IntegrationStores stores = hostStores != null ? hostStores
                : persistence instanceof IntegrationStores own ? own : null;
        if (stores == null) {
            throw new IllegalStateException("an OAuthProvider bean turns Break's integrations on, but the Persistence bean "
                    + persistence.getClass().getName() + " does not store connections: define an IntegrationStores bean "
                    + "sharing its transactions, or set break.integrations.enabled=false");
        }
        if (hostCipher != null) {
            builder.secretCipher(hostCipher);
        } else if (options.hasKeys()) {
            // BreakProperties has refused keys that are missing, malformed or not 32 bytes, naming the property
            builder.secretKeys(options.getCurrentKey(), options.decodedKeys());
        } else {
            throw new IllegalStateException("an OAuthProvider bean turns Break's integrations on, and tokens are stored "
                    + "only encrypted: set break.integrations.current-key and break.integrations.keys.<id> (base64 of 32 "
                    + "random bytes), define a SecretCipher bean, or set break.integrations.enabled=false");
        }
        builder.integrations(stores);
        providers.forEach(builder::oauthProvider);
        LOG.info("Break integrations on for {} with {}", providers.stream().map(p -> p.provider().name()).toList(),
                hostCipher != null ? "the host's SecretCipher" : "keys " + options.getKeys().keySet() + ", current "
                        + options.getCurrentKey());
    }
}
