package com.breakagency.core.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.breakagency.ports.api.integration.AccessToken;
import com.breakagency.ports.api.integration.AccessTokenRequest;
import com.breakagency.ports.model.integration.Connection;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Done-point 4: a 401 mid-flight costs one refresh and one replay, and reports nothing. */
class UnauthorizedReplayTest {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void a_401_asks_once_for_a_fresh_token_and_the_replay_succeeds_without_a_report() throws Exception {
        try (Mailboxes world = new Mailboxes()) {
            Connection connection = world.connect(Mailboxes.agent("u-jo"), "jo@northwind.example");
            AccessToken token = world.agency.integrations().accessToken(Mailboxes.system(), connection.id());
            assertEquals(200, profile(world, token.token()));
            world.google.expireAccessTokens();
            int refreshes = world.google.refreshRequests();

            assertEquals(401, profile(world, token.token()));
            AccessToken fresh = world.agency.integrations().accessToken(Mailboxes.system(), connection.id(),
                    AccessTokenRequest.replacing(token.token()));
            // a second caller that saw the same 401 gets the replacement, with no second refresh
            AccessToken alsoFresh = world.agency.integrations().accessToken(Mailboxes.system(), connection.id(),
                    AccessTokenRequest.replacing(token.token()));

            assertNotEquals(token.token(), fresh.token());
            assertEquals(fresh.token(), alsoFresh.token());
            assertEquals(200, profile(world, fresh.token()));
            assertEquals(1, world.google.refreshRequests() - refreshes);
            assertEquals(0, world.reports.reports().size());
        }
    }

    private int profile(Mailboxes world, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(world.google.profileEndpoint()).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
