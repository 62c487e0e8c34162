package com.breakagency.core.integration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/** Random values and hashes of a connect flow: the state, the PKCE pair, the state's stored hash. */
final class Secrets {

    /** Bytes of randomness in a state and in a PKCE verifier: 256 bits. */
    static final int RANDOM_BYTES = 32;

    private Secrets() {
    }

    /** 256 random bits, base64url without padding (43 characters). */
    static String randomToken(RandomGenerator random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The PKCE S256 challenge of a verifier: base64url(SHA-256(ASCII verifier)) without padding. */
    static String challenge(String verifier) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
    }

    /** The stored form of a state: SHA-256, lower-case hex. */
    static String stateHash(String state) {
        return HexFormat.of().formatHex(sha256(state));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }
}
