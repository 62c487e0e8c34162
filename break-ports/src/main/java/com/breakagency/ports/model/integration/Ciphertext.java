package com.breakagency.ports.model.integration;

import com.breakagency.ports.validation.Patterns;
import java.util.Objects;

/**
 * A secret as a {@link com.breakagency.ports.spi.SecretCipher} sealed it: text that starts with the id of
 * the key it was sealed with, a colon, then the cipher's own encoding. Stores keep the text as it is;
 * only the cipher can open it. {@link #toString()} shows the key id and the length, never the text.
 *
 * @param text {@code <keyId>:<sealed bytes in the cipher's encoding>}; the key id is an id ({@link Patterns#ID})
 */
public record Ciphertext(String text) {

    /**
     * Validates the form.
     *
     * @param text {@code <keyId>:<sealed bytes in the cipher's encoding>}; the key id is an id ({@link Patterns#ID})
     * @throws IllegalArgumentException if the text does not start with a key id and a colon, or has nothing after it
     */
    public Ciphertext {
        Objects.requireNonNull(text, "text");
        int colon = text.indexOf(':');
        if (colon < 1 || colon == text.length() - 1 || !Patterns.isId(text.substring(0, colon))) {
            throw new IllegalArgumentException("a ciphertext is <keyId>:<sealed bytes>");
        }
    }

    /**
     * A ciphertext from its key id and sealed bytes, as a cipher makes it.
     *
     * @param keyId  the key's id
     * @param sealed the sealed bytes in the cipher's encoding (no colon-free requirement)
     * @return the ciphertext
     */
    public static Ciphertext of(String keyId, String sealed) {
        return new Ciphertext(keyId + ":" + sealed);
    }

    /**
     * The id of the key it was sealed with.
     *
     * @return the key id
     */
    public String keyId() {
        return text.substring(0, text.indexOf(':'));
    }

    /**
     * The sealed bytes in the cipher's encoding, without the key id.
     *
     * @return the sealed part
     */
    public String sealed() {
        return text.substring(text.indexOf(':') + 1);
    }

    @Override
    public String toString() {
        return "Ciphertext[keyId=" + keyId() + ", length=" + text.length() + "]";
    }
}
