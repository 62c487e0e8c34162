package com.breakagency.core.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.integration.Connection;
import com.breakagency.ports.model.integration.ConnectionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Done-point 1: a dead grant is loud once, then silent and free of network calls until the user reconnects. */
class DeadGrantTest {

    @Test
    void invalid_grant_needs_reauth_reports_once_and_calls_nobody_again_until_the_user_reconnects() {
        try (Mailboxes world = new Mailboxes()) {
            Connection connection = world.connect(Mailboxes.agent("u-jo"), "jo@northwind.example");
            world.google.revokeGrant("jo@northwind.example");
            world.nearExpiry();

            BreakException first = assertThrows(BreakException.class,
                    () -> world.agency.integrations().accessToken(Mailboxes.system(), connection.id()));

            assertEquals(ErrorCode.TOKEN_REFRESH_FAILED, first.code());
            assertEquals(Reason.REFRESH_TOKEN_REVOKED, first.reason());
            Connection dead = world.stored(connection.id());
            assertEquals(ConnectionStatus.NEEDS_REAUTH, dead.status());
            assertFalse(dead.connected());
            assertEquals("invalid_grant", dead.lastError().orElseThrow().code());
            assertFalse(dead.lastError().get().transientFailure());
            assertEquals(Optional.empty(), dead.tokens());
            assertEquals(1, world.reports.reports(ErrorCode.TOKEN_REFRESH_FAILED).size());
            assertEquals(1, world.memory.auditLog().byAction(AuditAction.CONNECTION_NEEDS_REAUTH, Instant.EPOCH,
                    Instant.MAX, Optional.empty(), 10).size());

            int tokenCalls = world.google.tokenRequests();
            for (int i = 0; i < 100; i++) {
                BreakException again = assertThrows(BreakException.class,
                        () -> world.agency.integrations().accessToken(Mailboxes.system(), connection.id()));
                assertEquals(Reason.REFRESH_TOKEN_REVOKED, again.reason());
                world.clock.advance(Duration.ofMinutes(10));
            }
            world.agency.runDueSteps();
            world.agency.runJanitor();
            assertEquals(tokenCalls, world.google.tokenRequests(), "no call reaches the token endpoint");
            assertEquals(1, world.reports.reports(ErrorCode.TOKEN_REFRESH_FAILED).size(), "reported once, when it died");

            Connection again = world.connect(Mailboxes.agent("u-jo"), "jo@northwind.example");

            assertEquals(connection.id(), again.id(), "a reconnect updates the connection in place");
            Connection healed = world.stored(connection.id());
            assertEquals(ConnectionStatus.CONNECTED, healed.status());
            assertEquals(Optional.empty(), healed.lastError());
            assertNotEquals(dead.version(), healed.version());
            assertTrue(world.agency.integrations().accessToken(Mailboxes.system(), connection.id()).token().startsWith("ya29."));
        }
    }
}
