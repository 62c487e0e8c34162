package com.breakagency.core.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.integration.Ciphertext;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The default cipher: AES-256-GCM under key ids, rotation without downtime, tampering detected. */
class AesGcmSecretCipherTest {

    private static final String SECRET = "1//0gFAKErefreshTOKENvalue-abc";

    @Test
    void seals_with_the_current_key_and_opens_with_any_known_key() {
        AesGcmSecretCipher old = AesGcmSecretCipher.withKeys("k1", Map.of("k1", Mailboxes.KEY_1));
        Ciphertext sealedOld = old.seal(SECRET);
        AesGcmSecretCipher rotated = AesGcmSecretCipher.withKeys("k2", Map.of("k1", Mailboxes.KEY_1, "k2", Mailboxes.KEY_2));
        Ciphertext sealedNew = rotated.seal(SECRET);

        assertEquals("k1", sealedOld.keyId());
        assertEquals("k2", sealedNew.keyId());
        assertEquals(SECRET, rotated.open(sealedOld));
        assertEquals(SECRET, rotated.open(sealedNew));
        assertFalse(sealedNew.text().contains(SECRET));
        assertNotEquals(sealedNew, rotated.seal(SECRET), "a fresh nonce every time");
        assertEquals(Reason.SECRET_UNREADABLE, assertThrows(BreakException.class, () -> old.open(sealedNew)).reason());
    }

    @Test
    void a_tampered_ciphertext_or_one_moved_under_another_key_id_does_not_open() {
        AesGcmSecretCipher cipher = AesGcmSecretCipher.withKeys("k1", Map.of("k1", Mailboxes.KEY_1, "k2", Mailboxes.KEY_1));
        Ciphertext sealed = cipher.seal(SECRET);
        char[] chars = sealed.sealed().toCharArray();
        chars[20] = chars[20] == 'A' ? 'B' : 'A';
        Ciphertext tampered = Ciphertext.of("k1", new String(chars));
        Ciphertext moved = Ciphertext.of("k2", sealed.sealed());

        BreakException e = assertThrows(BreakException.class, () -> cipher.open(tampered));
        assertEquals(Reason.SECRET_UNREADABLE, e.reason());
        assertFalse(e.getMessage().contains(SECRET));
        assertEquals(Reason.SECRET_UNREADABLE, assertThrows(BreakException.class, () -> cipher.open(moved)).reason());
    }

    @Test
    void keys_must_be_256_bits_and_the_current_one_given() {
        assertThrows(IllegalArgumentException.class, () -> AesGcmSecretCipher.withKeys("k1", Map.of("k1", new byte[16])));
        assertThrows(IllegalArgumentException.class, () -> AesGcmSecretCipher.withKeys("k9", Map.of("k1", Mailboxes.KEY_1)));
        assertThrows(IllegalArgumentException.class, () -> AesGcmSecretCipher.withKeys("bad key", Map.of("bad key", Mailboxes.KEY_1)));
        assertEquals("AesGcmSecretCipher[current=k1, keys=[k1]]",
                AesGcmSecretCipher.withKeys("k1", Map.of("k1", Mailboxes.KEY_1)).toString());
    }
}
