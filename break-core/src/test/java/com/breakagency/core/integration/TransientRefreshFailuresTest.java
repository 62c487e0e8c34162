package com.breakagency.core.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.core.IntegrationSettings;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.integration.Connection;
import com.breakagency.ports.model.integration.ConnectionStatus;
import com.breakagency.testkit.oauth.FakeGoogle;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Done-point 2: transient failures keep the connection, back off, report only past the threshold, once. */
class TransientRefreshFailuresTest {

    private static final Duration PAST_BACKOFF = Duration.ofMinutes(16);

    @Test
    void a_503_then_a_timeout_then_200_stays_connected_marks_then_clears_last_error_and_reports_nothing() {
        try (Mailboxes world = new Mailboxes()) {
            Connection connection = world.connect(Mailboxes.agent("u-jo"), "jo@northwind.example");
            world.google.slowResponse(Duration.ofSeconds(10));
            world.google.failNext(FakeGoogle.Failure.UNAVAILABLE, 1);
            world.google.failNext(FakeGoogle.Failure.SLOW, 1);
            world.clock.advance(Duration.ofMinutes(61));

            BreakException unavailable = tokenFails(world, connection.id());
            assertEquals(Reason.TOKEN_ENDPOINT_UNAVAILABLE, unavailable.reason());
            assertTrue(unavailable.retryable());
            assertTrue(unavailable.retryAfter().isPresent());
            Connection afterFirst = world.stored(connection.id());
            assertEquals(ConnectionStatus.CONNECTED, afterFirst.status());
            assertEquals("http_503", afterFirst.lastError().orElseThrow().code());
            assertTrue(afterFirst.lastError().get().transientFailure());

            int calls = world.google.tokenRequests();
            tokenFails(world, connection.id());
            assertEquals(calls, world.google.tokenRequests(), "no refresh before the backoff ends");

            world.clock.advance(PAST_BACKOFF);
            tokenFails(world, connection.id());
            Connection afterTimeout = world.stored(connection.id());
            assertEquals(ConnectionStatus.CONNECTED, afterTimeout.status());
            assertEquals("timeout", afterTimeout.lastError().orElseThrow().code());
            assertEquals(2, afterTimeout.consecutiveTransientFailures());

            world.clock.advance(PAST_BACKOFF);
            assertTrue(world.agency.integrations().accessToken(Mailboxes.system(), connection.id()).token().startsWith("ya29."));
            Connection recovered = world.stored(connection.id());
            assertEquals(ConnectionStatus.CONNECTED, recovered.status());
            assertEquals(Optional.empty(), recovered.lastError());
            assertEquals(0, recovered.consecutiveTransientFailures());
            assertEquals(1, world.memory.auditLog().byAction(AuditAction.CONNECTION_RECOVERED, Instant.EPOCH,
                    Instant.MAX, Optional.empty(), 10).size());
            assertEquals(0, world.reports.reports().size(), "below the threshold nothing is reported");
        }
    }

    @Test
    void failures_past_the_threshold_are_reported_once_per_episode() {
        try (Mailboxes world = new Mailboxes(b -> b.integrationSettings(
                IntegrationSettings.DEFAULT.withTransientReportThreshold(1)))) {
            Connection connection = world.connect(Mailboxes.agent("u-jo"), "jo@northwind.example");
            world.google.failNext(FakeGoogle.Failure.UNAVAILABLE, 2);
            world.google.failNext(FakeGoogle.Failure.RATE_LIMITED, 2);
            world.clock.advance(Duration.ofMinutes(61));

            tokenFails(world, connection.id());
            assertEquals(0, world.reports.reports().size(), "the first failure is within the threshold");
            for (int i = 0; i < 3; i++) {
                world.clock.advance(PAST_BACKOFF);
                tokenFails(world, connection.id());
            }

            assertEquals(1, world.reports.reports(ErrorCode.TOKEN_REFRESH_FAILED).size());
            assertEquals(Reason.TOKEN_ENDPOINT_UNAVAILABLE, world.reports.reports().get(0).reason());
            assertEquals(4, world.stored(connection.id()).consecutiveTransientFailures());
            assertEquals(ConnectionStatus.CONNECTED, world.stored(connection.id()).status());
        }
    }

    private static BreakException tokenFails(Mailboxes world, String id) {
        BreakException e = assertThrows(BreakException.class,
                () -> world.agency.integrations().accessToken(Mailboxes.system(), id));
        assertEquals(ErrorCode.TOKEN_REFRESH_FAILED, e.code());
        return e;
    }
}
