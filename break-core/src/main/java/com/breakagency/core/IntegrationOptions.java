package com.breakagency.core;

import com.breakagency.core.integration.AesGcmSecretCipher;
import com.breakagency.ports.model.integration.Provider;
import com.breakagency.ports.spi.IntegrationStores;
import com.breakagency.ports.spi.MailSource;
import com.breakagency.ports.spi.OAuthProvider;
import com.breakagency.ports.spi.Persistence;
import com.breakagency.ports.spi.SecretCipher;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The integration options of {@link BreakAgencyBuilder}, kept in a file of their own as
 * {@code AbstractStringBuilder} is for {@code StringBuilder}: hosts see them as the builder's methods.
 * Not thread-safe.
 */
abstract class IntegrationOptions {

    private IntegrationStores integrationStores;
    private final Map<Provider, OAuthProvider> oauthProviders = new LinkedHashMap<>();
    private SecretCipher secretCipher;
    private IntegrationSettings integrationSettings = IntegrationSettings.DEFAULT;
    private RandomGenerator stateRandom;
    private MailSource mailSource;
    private MailSyncSettings mailSyncSettings = MailSyncSettings.DEFAULT;

    IntegrationOptions() {
    }

    private BreakAgencyBuilder self() {
        return (BreakAgencyBuilder) this;
    }

    /**
     * Turns integrations on, with their stores (for the in-memory bundle: the same
     * {@code InMemoryPersistence}). They must share the persistence bundle's {@code Transactions}.
     * Integrations also need {@link #oauthProvider(OAuthProvider)} and {@link #secretKeys(String, Map)}
     * (or {@link #secretCipher(SecretCipher)}). Defaults to none: {@link BreakAgency#integrations()} is
     * then unavailable.
     *
     * @param value the stores
     * @return this builder
     */
    public BreakAgencyBuilder integrations(IntegrationStores value) {
        this.integrationStores = Objects.requireNonNull(value, "integrations");
        return self();
    }

    /**
     * Adds the provider users connect accounts at, such as {@code GoogleOAuthProvider.create(options)}; one
     * per {@link Provider}, the last one given wins. Defaults to none.
     *
     * @param value the provider
     * @return this builder
     */
    public BreakAgencyBuilder oauthProvider(OAuthProvider value) {
        Objects.requireNonNull(value, "oauthProvider");
        oauthProviders.put(Objects.requireNonNull(value.provider(), "oauthProvider.provider()"), value);
        return self();
    }

    /**
     * The keys tokens are sealed with, for Break's AES-256-GCM cipher ({@link AesGcmSecretCipher}): new
     * secrets are sealed with the current key, old ones opened with whichever key they name. There is no
     * default and never a built-in key: integrations without keys fail {@link BreakAgencyBuilder#build()}.
     *
     * @param currentKeyId the id of the key to seal with; one of {@code keys}
     * @param keys         key id → 32 random bytes (keep older keys until nothing sealed with them is left)
     * @return this builder
     * @throws IllegalArgumentException if a key is not 32 bytes or the current key is missing
     */
    public BreakAgencyBuilder secretKeys(String currentKeyId, Map<String, byte[]> keys) {
        this.secretCipher = AesGcmSecretCipher.withKeys(currentKeyId, keys);
        return self();
    }

    /**
     * A cipher of the host's own (a key service) in place of {@link #secretKeys(String, Map)}. Defaults to none.
     *
     * @param value the cipher
     * @return this builder
     */
    public BreakAgencyBuilder secretCipher(SecretCipher value) {
        this.secretCipher = Objects.requireNonNull(value, "secretCipher");
        return self();
    }

    /**
     * State lifetime, refresh skew, report threshold and backoff of integrations. Defaults to
     * {@link IntegrationSettings#DEFAULT}: 10 minutes, 5 minutes, 3 silent transient failures, 30 s
     * doubling up to 15 minutes.
     *
     * @param value the settings
     * @return this builder
     */
    public BreakAgencyBuilder integrationSettings(IntegrationSettings value) {
        this.integrationSettings = Objects.requireNonNull(value, "integrationSettings");
        return self();
    }

    /**
     * Where OAuth states and PKCE verifiers get their randomness. Defaults to a new SecureRandom.
     *
     * @param value a thread-safe generator
     * @return this builder
     */
    public BreakAgencyBuilder stateRandom(RandomGenerator value) {
        this.stateRandom = Objects.requireNonNull(value, "stateRandom");
        return self();
    }

    /**
     * Turns the mail sync on, reading mailboxes from this source, such as {@code GmailMailSource.create(...)}:
     * every connected Google account then syncs in the background through the work queue. Needs
     * {@link #integrations(IntegrationStores)}. Defaults to none: connections are made and refreshed, and no
     * mail is synced.
     *
     * @param value the source
     * @return this builder
     */
    public BreakAgencyBuilder mailSource(MailSource value) {
        this.mailSource = Objects.requireNonNull(value, "mailSource");
        return self();
    }

    /**
     * How the mail sync runs: window, interval, batch size, quota budget and costs, lease, free-mail and
     * agency domains. Defaults to {@link MailSyncSettings#DEFAULT}: 90 days, every 5 minutes, batches of 50,
     * 6,000 units a minute per mailbox, costs 5/20/2/1.
     *
     * @param value the settings
     * @return this builder
     */
    public BreakAgencyBuilder mailSyncSettings(MailSyncSettings value) {
        this.mailSyncSettings = Objects.requireNonNull(value, "mailSyncSettings");
        return self();
    }

    /** The checked integration wiring, or none when integrations are off. */
    Optional<IntegrationWiring> integrationWiring(Persistence persistence) {
        if (integrationStores == null && mailSource != null) {
            throw new IllegalStateException("BreakAgency.builder(): mailSource(...) needs integrations(...)");
        }
        return IntegrationWiring.of(integrationStores, oauthProviders, secretCipher, integrationSettings, stateRandom,
                persistence).map(w -> w.withMail(Optional.ofNullable(mailSource), mailSyncSettings));
    }
}
