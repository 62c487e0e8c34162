package com.breakagency.ports.spi;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.integration.Ciphertext;

/**
 * Seals the secrets Break keeps (OAuth tokens, PKCE verifiers) before any store sees them, and opens them
 * again. Keys have ids: {@link #seal} always uses the current key, {@link #open} any key the cipher knows,
 * so keys can be rotated without downtime (add the new key as current, keep the old one until every
 * sealed value has been written anew). Break's default is {@code AesGcmSecretCipher} in break-core
 * (AES-256-GCM on the JDK); there is never a built-in key. Implementations are thread-safe and never put
 * a secret or key material into an exception message or a log line.
 */
public interface SecretCipher {

    /**
     * Seals a secret with the current key.
     *
     * @param plaintext the secret
     * @return the ciphertext, which starts with the current key's id
     */
    Ciphertext seal(String plaintext);

    /**
     * Opens a sealed secret with the key it names.
     *
     * @param ciphertext what {@link #seal} returned, with this or an earlier current key
     * @return the secret
     * @throws BreakException UNHANDLED_ERROR/SECRET_UNREADABLE if the key is unknown or the ciphertext was
     *                        altered (the message names the key id only)
     */
    String open(Ciphertext ciphertext);

    /**
     * The id of the key {@link #seal} uses.
     *
     * @return the current key's id
     */
    String currentKeyId();
}
