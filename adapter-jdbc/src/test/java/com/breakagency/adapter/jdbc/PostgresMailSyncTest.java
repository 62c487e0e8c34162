package com.breakagency.adapter.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.core.BreakAgency;
import com.breakagency.core.StepsRun;
import com.breakagency.ports.model.integration.Connection;
import com.breakagency.ports.model.mail.MailSyncStatus;
import com.breakagency.testkit.CapturingErrorReporter;
import com.breakagency.testkit.oauth.FakeGmail;
import com.breakagency.testkit.oauth.FakeGoogle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two agencies (separate pools, as two service instances) on one PostgreSQL schema sync the same connection:
 * its initial sync and a resync are queued, and both agencies' workers run due steps at once on real
 * threads. The fake counts the requests of the mailbox in flight at once: never more than one; every
 * message is stored once and fetched once.
 */
@PostgresTest
class PostgresMailSyncTest {

    private static final int MESSAGES = 600;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void two_agencies_on_one_database_never_sync_one_connection_at_once_and_store_each_message_once()
            throws Exception {
        TestDatabase db = TestDatabase.postgres(PostgresMailSyncTest.class);
        String schema = db.freshPersistence().schema();
        CapturingErrorReporter reports = new CapturingErrorReporter();
        try (FakeGoogle google = FakeGoogle.start(); FakeGmail gmail = FakeGmail.start(google)) {
            gmail.mailbox(MailSyncAgencies.JO_ADDRESS).addMany(MESSAGES, "Ana <ana@acme.example>");
            gmail.quota(1_000_000, Duration.ofMinutes(1));
            gmail.slowResponses(Duration.ofMillis(20));
            JdbcPersistence a = JdbcPersistence.builder(db.newPool("mail-a", 4)).schema(schema).migrateOnStart(false)
                    .build();
            JdbcPersistence b = JdbcPersistence.builder(db.newPool("mail-b", 4)).schema(schema).migrateOnStart(false)
                    .build();
            try (BreakAgency one = MailSyncAgencies.agency(a, google.authorizationEndpoint(), google.tokenEndpoint(),
                    google.revokeEndpoint(), gmail.rootUrl(), "instance-a", reports);
                 BreakAgency two = MailSyncAgencies.agency(b, google.authorizationEndpoint(), google.tokenEndpoint(),
                         google.revokeEndpoint(), gmail.rootUrl(), "instance-b", reports)) {
                Connection connection = MailSyncAgencies.connect(one, google);
                two.integrations().resync(MailSyncAgencies.JO, connection.id());

                CyclicBarrier barrier = new CyclicBarrier(4);
                ExecutorService pool = Executors.newFixedThreadPool(4);
                try {
                    List<Future<Integer>> workers = new ArrayList<>();
                    for (int t = 0; t < 4; t++) {
                        BreakAgency instance = t % 2 == 0 ? one : two;
                        workers.add(pool.submit(() -> {
                            barrier.await(10, TimeUnit.SECONDS);
                            int ran = 0;
                            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                            while (System.nanoTime() < deadline && !synced(a, connection.id())) {
                                StepsRun run = instance.runDueSteps();
                                ran += run.completed() + run.failed();
                            }
                            return ran;
                        }));
                    }
                    for (Future<Integer> worker : workers) {
                        worker.get(100, TimeUnit.SECONDS);
                    }
                } finally {
                    pool.shutdownNow();
                }

                assertTrue(synced(a, connection.id()), "the sync finished");
                assertEquals(1, gmail.maxConcurrentRequests(MailSyncAgencies.JO_ADDRESS),
                        "never two requests of the mailbox at once");
                assertEquals(MESSAGES, a.emails().count(connection.id()));
                assertEquals(MESSAGES, gmail.fetchedMessages(), "no message fetched twice");
                assertEquals(List.of(), reports.reports());
            }
        }
    }

    private static boolean synced(JdbcPersistence stores, String connectionId) {
        return stores.mailSyncStates().find(connectionId).map(s -> s.status() == MailSyncStatus.ACTIVE).orElse(false);
    }
}
