package com.breakagency.core.integration;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.integration.Ciphertext;
import com.breakagency.ports.spi.SecretCipher;
import com.breakagency.ports.validation.Patterns;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Break's default {@link SecretCipher}: AES-256-GCM from the JDK ({@code javax.crypto}), with keys the host
 * supplies under ids. A ciphertext is {@code <keyId>:<base64url(12-byte nonce ‖ ciphertext ‖ 16-byte tag)>};
 * the key id is also authenticated as associated data, so a ciphertext moved under another key id does not
 * open. Sealing uses the current key and a fresh random nonce; opening uses whichever known key the
 * ciphertext names. To rotate: make the new key current and keep the old ones until nothing sealed with
 * them is left (Break seals tokens again with the current key whenever it writes them).
 *
 * <p>There is no default key: {@link #withKeys} requires at least the current one. Thread-safe; a key's
 * bytes are copied and never appear in an exception or {@link #toString()}.
 */
public final class AesGcmSecretCipher implements SecretCipher {

    /** The key length AES-256 needs, in bytes. */
    public static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final String currentKeyId;
    private final Map<String, SecretKey> keys;
    private final SecureRandom random;

    private AesGcmSecretCipher(String currentKeyId, Map<String, SecretKey> keys, SecureRandom random) {
        this.currentKeyId = currentKeyId;
        this.keys = keys;
        this.random = random;
    }

    /**
     * A cipher over the host's keys.
     *
     * @param currentKeyId the id of the key new secrets are sealed with; one of {@code keys}
     * @param keys         key id ({@link Patterns#ID}) → 32 key bytes; older keys stay for opening
     * @return the cipher
     * @throws IllegalArgumentException if a key is not 32 bytes, an id is not an id, or the current key is missing
     */
    public static AesGcmSecretCipher withKeys(String currentKeyId, Map<String, byte[]> keys) {
        Objects.requireNonNull(currentKeyId, "currentKeyId");
        Objects.requireNonNull(keys, "keys");
        Map<String, SecretKey> copy = new LinkedHashMap<>();
        keys.forEach((id, bytes) -> {
            if (!Patterns.isId(id)) {
                throw new IllegalArgumentException("a secret key id is 1 to 64 letters, digits, '.', '_' or '-'");
            }
            if (bytes == null || bytes.length != KEY_BYTES) {
                throw new IllegalArgumentException("secret key " + id + " must be " + KEY_BYTES + " bytes (AES-256)");
            }
            copy.put(id, new SecretKeySpec(Arrays.copyOf(bytes, bytes.length), "AES"));
        });
        if (!copy.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("the current secret key " + currentKeyId + " is not among the keys given");
        }
        return new AesGcmSecretCipher(currentKeyId, Map.copyOf(copy), new SecureRandom());
    }

    @Override
    public Ciphertext seal(String plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(currentKeyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
            return Ciphertext.of(currentKeyId, Base64.getUrlEncoder().withoutPadding().encodeToString(out));
        } catch (GeneralSecurityException e) {
            throw unreadable("could not seal a secret with key " + currentKeyId, e);
        }
    }

    @Override
    public String open(Ciphertext ciphertext) {
        Objects.requireNonNull(ciphertext, "ciphertext");
        String keyId = ciphertext.keyId();
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw unreadable("a secret is sealed with key " + keyId + ", which this agency was not given", null);
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(ciphertext.sealed());
            if (in.length < NONCE_BYTES + TAG_BITS / 8) {
                throw unreadable("a secret sealed with key " + keyId + " is too short", null);
            }
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw unreadable("a secret sealed with key " + keyId + " does not open: it was altered or the key is wrong", e);
        }
    }

    @Override
    public String currentKeyId() {
        return currentKeyId;
    }

    private static BreakException unreadable(String detail, Exception cause) {
        BreakException.Builder error = BreakException.builder(ErrorCode.UNHANDLED_ERROR).reason(Reason.SECRET_UNREADABLE)
                .detail(detail);
        // only the class travels: a crypto provider's message is not Break's to pass on
        return cause == null ? error.build() : error.cause(new SecurityFailure(cause.getClass().getName())).build();
    }

    @Override
    public String toString() {
        return "AesGcmSecretCipher[current=" + currentKeyId + ", keys=" + keys.keySet() + "]";
    }

    /** The class of a cryptographic failure, without its message. */
    static final class SecurityFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SecurityFailure(String className) {
            super(className, null, false, false);
        }
    }
}
