package com.breakagency.core.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.breakagency.core.BreakAgency;
import com.breakagency.ports.api.integration.AccessToken;
import com.breakagency.ports.model.integration.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Done-point 3, in memory: 20 threads in each of two instances ask at once; one refresh, one new token. */
class SingleFlightRefreshTest {

    @Test
    void forty_threads_in_two_instances_inside_the_skew_cause_exactly_one_refresh_and_all_get_the_new_token()
            throws Exception {
        try (Mailboxes world = new Mailboxes(); BreakAgency second = world.secondInstance(UnaryOperator.identity())) {
            Connection connection = world.connect(Mailboxes.agent("u-jo"), "jo@northwind.example");
            String before = world.agency.integrations().accessToken(Mailboxes.system(), connection.id()).token();
            world.nearExpiry();
            int refreshesBefore = world.google.refreshRequests();

            CyclicBarrier start = new CyclicBarrier(40);
            ExecutorService pool = Executors.newFixedThreadPool(40);
            List<Future<AccessToken>> answers = new ArrayList<>();
            try {
                for (int i = 0; i < 40; i++) {
                    BreakAgency instance = i % 2 == 0 ? world.agency : second;
                    answers.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return instance.integrations().accessToken(Mailboxes.system(), connection.id());
                    }));
                }
                Set<String> tokens = new HashSet<>();
                for (Future<AccessToken> answer : answers) {
                    tokens.add(answer.get(30, TimeUnit.SECONDS).token());
                }

                assertEquals(1, world.google.refreshRequests() - refreshesBefore, "one refresh request at the provider");
                assertEquals(1, tokens.size(), "every caller got the same token");
                assertNotEquals(before, tokens.iterator().next(), "the new token");
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
