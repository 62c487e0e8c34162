package com.breakagency.core.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.core.BreakAgency;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.integration.Ciphertext;
import com.breakagency.ports.model.integration.Connection;
import com.breakagency.ports.model.integration.ConnectionTokens;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Done-point 5: rotated refresh tokens are stored, sealed; key rotation opens old rows and seals new ones anew. */
class TokenRotationAndKeysTest {

    @Test
    void a_rotated_refresh_token_is_stored_sealed_and_the_next_refresh_uses_it() {
        try (Mailboxes world = new Mailboxes()) {
            world.google.rotateRefreshTokens(true);
            Connection connection = world.connect(Mailboxes.agent("u-jo"), "jo@northwind.example");
            Ciphertext first = world.stored(connection.id()).tokens().orElseThrow().refreshToken().orElseThrow();
            world.nearExpiry();
            world.agency.integrations().accessToken(Mailboxes.system(), connection.id());
            Ciphertext second = world.stored(connection.id()).tokens().orElseThrow().refreshToken().orElseThrow();
            world.nearExpiry();
            // the fake accepts only the latest refresh token: a refresh with the old one would be invalid_grant
            world.agency.integrations().accessToken(Mailboxes.system(), connection.id());

            assertNotEquals(first, second);
            assertEquals(2, world.google.refreshRequests());
            assertTrue(world.stored(connection.id()).connected());
            ConnectionTokens tokens = world.stored(connection.id()).tokens().orElseThrow();
            for (String issued : world.google.issuedTokens()) {
                assertFalse(tokens.accessToken().text().contains(issued));
                assertFalse(tokens.refreshToken().orElseThrow().text().contains(issued));
            }
        }
    }

    @Test
    void after_a_key_rotation_old_rows_open_with_the_old_key_and_every_write_seals_with_the_new_one() {
        try (Mailboxes world = new Mailboxes()) {
            Connection connection = world.connect(Mailboxes.agent("u-jo"), "jo@northwind.example");
            assertEquals("k1", world.stored(connection.id()).tokens().orElseThrow().accessToken().keyId());
            try (BreakAgency rotated = world.secondInstance(b -> b.secretKeys("k2",
                    Map.of("k1", Mailboxes.KEY_1, "k2", Mailboxes.KEY_2)))) {
                String before = rotated.integrations().accessToken(Mailboxes.system(), connection.id()).token();
                world.nearExpiry();
                String after = rotated.integrations().accessToken(Mailboxes.system(), connection.id()).token();

                assertTrue(before.startsWith("ya29."), "the old row opens with the old key");
                assertNotEquals(before, after);
                ConnectionTokens tokens = world.stored(connection.id()).tokens().orElseThrow();
                assertEquals("k2", tokens.accessToken().keyId());
                assertEquals("k2", tokens.refreshToken().orElseThrow().keyId(), "the kept refresh token is sealed anew");
                Connection other = world.connect(rotated, Mailboxes.agent("u-kim"), "kim@northwind.example");
                assertEquals("k2", world.stored(other.id()).tokens().orElseThrow().accessToken().keyId());
            }
            try (BreakAgency onlyNewKey = world.secondInstance(b -> b.secretKeys("k3", Map.of("k3", Mailboxes.key(3))))) {
                world.nearExpiry();
                BreakException unreadable = assertThrows(BreakException.class,
                        () -> onlyNewKey.integrations().accessToken(Mailboxes.system(), connection.id()));
                assertEquals(ErrorCode.UNHANDLED_ERROR, unreadable.code());
                assertEquals(Reason.SECRET_UNREADABLE, unreadable.reason());
            }
        }
    }
}
