package com.breakagency.core.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.integration.Connection;
import com.breakagency.ports.spi.Telemetry;
import com.breakagency.testkit.oauth.FakeGoogle;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Every token refresh tells the telemetry its provider and a bounded outcome, once per call to the token
 * endpoint; answers given from the store (a fresh token, a backoff, a dead grant) are not refreshes.
 */
class RefreshTelemetryTest {

    /** Writes down each refresh as "provider:outcome". */
    static final class Refreshes implements Telemetry {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public void tokenRefresh(String provider, String outcome) {
            seen.add(provider + ":" + outcome);
        }
    }

    @Test
    void each_refresh_outcome_is_counted_once_under_its_reason_and_answers_from_the_store_are_not() {
        Refreshes telemetry = new Refreshes();
        try (Mailboxes world = new Mailboxes(b -> b.telemetry(telemetry))) {
            Connection connection = world.connect(Mailboxes.agent("u-jo"), "jo@northwind.example");
            String id = connection.id();
            world.agency.integrations().accessToken(Mailboxes.system(), id);
            assertEquals(List.of(), telemetry.seen, "connecting exchanges a code and a fresh token needs no refresh");

            world.nearExpiry();
            world.agency.integrations().accessToken(Mailboxes.system(), id);

            world.google.failNext(FakeGoogle.Failure.UNAVAILABLE, 1);
            world.clock.advance(Duration.ofMinutes(61));
            assertEquals(Reason.TOKEN_ENDPOINT_UNAVAILABLE, fails(world, id).reason());
            assertEquals(Reason.TOKEN_ENDPOINT_UNAVAILABLE, fails(world, id).reason(), "backing off: nobody is called");

            world.clock.advance(Duration.ofMinutes(16));
            world.google.rejectClient(true);
            assertEquals(Reason.CLIENT_CREDENTIALS_REJECTED, fails(world, id).reason());
            world.google.rejectClient(false);
            assertTrue(world.agency.integrations().accessToken(Mailboxes.system(), id).token().startsWith("ya29."));

            world.google.revokeGrant("jo@northwind.example");
            world.nearExpiry();
            assertEquals(Reason.REFRESH_TOKEN_REVOKED, fails(world, id).reason());
            assertEquals(Reason.REFRESH_TOKEN_REVOKED, fails(world, id).reason(), "a dead grant calls nobody");

            assertEquals(List.of("GOOGLE:OK", "GOOGLE:TOKEN_ENDPOINT_UNAVAILABLE", "GOOGLE:CLIENT_CREDENTIALS_REJECTED",
                    "GOOGLE:OK", "GOOGLE:REFRESH_TOKEN_REVOKED"), telemetry.seen);
            assertEquals(telemetry.seen.size(), world.google.refreshRequests(), "one count per refresh sent");
        }
    }

    @Test
    void a_telemetry_that_throws_on_refreshes_changes_no_answer() {
        AtomicInteger told = new AtomicInteger();
        Telemetry broken = new Telemetry() {
            @Override
            public void tokenRefresh(String provider, String outcome) {
                told.incrementAndGet();
                throw new IllegalStateException("metrics backend down");
            }
        };
        try (Mailboxes world = new Mailboxes(b -> b.telemetry(broken))) {
            Connection connection = world.connect(Mailboxes.agent("u-jo"), "jo@northwind.example");
            world.nearExpiry();

            assertTrue(world.agency.integrations().accessToken(Mailboxes.system(), connection.id()).token()
                    .startsWith("ya29."));
            assertEquals(1, told.get());
            assertEquals(1, world.google.refreshRequests());
        }
    }

    private static BreakException fails(Mailboxes world, String id) {
        return assertThrows(BreakException.class, () -> world.agency.integrations().accessToken(Mailboxes.system(), id));
    }
}
