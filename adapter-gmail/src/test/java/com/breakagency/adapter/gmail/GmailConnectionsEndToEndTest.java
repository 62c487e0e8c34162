package com.breakagency.adapter.gmail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.breakagency.core.BreakAgency;
import com.breakagency.ports.api.integration.AuthorizationStart;
import com.breakagency.ports.api.integration.CompleteConnect;
import com.breakagency.ports.api.integration.StartConnect;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.integration.Connection;
import com.breakagency.ports.model.integration.ConnectionStatus;
import com.breakagency.ports.model.integration.Provider;
import com.breakagency.testkit.CapturingErrorReporter;
import com.breakagency.testkit.InMemoryPersistence;
import com.breakagency.testkit.TestClock;
import com.breakagency.testkit.oauth.FakeGoogle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The whole flow through break-core with Google's real client library, against FakeGoogle on loopback. */
class GmailConnectionsEndToEndTest {

    private static final OperationContext JO = OperationContext.of(Actor.staff("u-jo", Role.AGENT));

    @Test
    void connect_then_forty_threads_in_two_instances_refresh_once_then_a_dead_grant_stops_every_call() throws Exception {
        byte[] key = new byte[32];
        new Random(1).nextBytes(key);
        InMemoryPersistence memory = InMemoryPersistence.create();
        TestClock clock = new TestClock();
        CapturingErrorReporter reports = new CapturingErrorReporter(memory.transactions());
        try (FakeGoogle google = FakeGoogle.start();
             BreakAgency one = agency(memory, clock, reports, google, key);
             BreakAgency two = agency(memory, clock, reports, google, key)) {
            AuthorizationStart start = one.integrations().startConnect(JO,
                    StartConnect.of(Provider.GOOGLE, "https://app.northwind.example/cb"));
            FakeGoogle.Callback callback = google.approve(start.authorizationUrl(), "jo@northwind.example");
            Connection connection = one.integrations().completeConnect(JO, CompleteConnect.of(callback.state(), callback.code()));
            clock.advance(Duration.ofMinutes(56));

            CyclicBarrier barrier = new CyclicBarrier(40);
            ExecutorService pool = Executors.newFixedThreadPool(40);
            Set<String> tokens = new HashSet<>();
            try {
                List<Future<String>> answers = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    BreakAgency instance = i % 2 == 0 ? one : two;
                    answers.add(pool.submit(() -> {
                        barrier.await(10, TimeUnit.SECONDS);
                        return instance.integrations().accessToken(OperationContext.system(), connection.id()).token();
                    }));
                }
                for (Future<String> answer : answers) {
                    tokens.add(answer.get(30, TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(1, google.refreshRequests());
            assertEquals(1, tokens.size());

            google.revokeGrant("jo@northwind.example");
            clock.advance(Duration.ofMinutes(56));
            for (int i = 0; i < 10; i++) {
                BreakException e = assertThrows(BreakException.class,
                        () -> two.integrations().accessToken(OperationContext.system(), connection.id()));
                assertEquals(Reason.REFRESH_TOKEN_REVOKED, e.reason());
            }
            assertEquals(2, google.refreshRequests(), "one refresh found the grant dead; nothing after it");
            assertEquals(ConnectionStatus.NEEDS_REAUTH, memory.connections().find(connection.id()).orElseThrow().status());
            assertEquals(1, reports.reports(ErrorCode.TOKEN_REFRESH_FAILED).size());
        }
    }

    private static BreakAgency agency(InMemoryPersistence memory, TestClock clock, CapturingErrorReporter reports,
                                      FakeGoogle google, byte[] key) {
        return BreakAgency.builder().persistence(memory).integrations(memory).errorReporter(reports).clock(clock)
                .oauthProvider(GoogleOAuthProvider.create(GoogleOAuthProviderTest.forFake(google)))
                .secretKeys("k1", Map.of("k1", key)).build();
    }
}
