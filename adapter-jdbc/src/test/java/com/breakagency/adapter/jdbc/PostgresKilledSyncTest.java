package com.breakagency.adapter.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.core.BreakAgency;
import com.breakagency.ports.model.integration.Connection;
import com.breakagency.ports.model.mail.MailSyncState;
import com.breakagency.ports.model.mail.MailSyncStatus;
import com.breakagency.testkit.CapturingErrorReporter;
import com.breakagency.testkit.oauth.FakeGmail;
import com.breakagency.testkit.oauth.FakeGoogle;
import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A worker JVM killed with SIGKILL in the middle of a full sync, and another instance that resumes it. The
 * test starts {@link DoomedSyncWorker} as a separate JVM on the same PostgreSQL schema and the same fakes;
 * once the fake has answered a quarter of the messages it kills the process (a batch may be in flight:
 * fetched, never stored), then drives a second agency's worker: it takes the sync over when the dead
 * worker's leases end and carries on from the stored progress. Every message is stored once, and at most
 * one batch was fetched twice.
 */
@PostgresTest
class PostgresKilledSyncTest {

    private static final int MESSAGES = 1_000;
    private static final int BATCH = 50;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void a_sync_killed_mid_batch_is_resumed_by_another_instance_refetching_at_most_one_batch() throws Exception {
        TestDatabase db = TestDatabase.postgres(PostgresKilledSyncTest.class);
        String schema = db.freshPersistence().schema();
        CapturingErrorReporter reports = new CapturingErrorReporter();
        Process doomed = null;
        try (FakeGoogle google = FakeGoogle.start(); FakeGmail gmail = FakeGmail.start(google)) {
            gmail.mailbox(MailSyncAgencies.JO_ADDRESS).addMany(MESSAGES, "Ana <ana@acme.example>");
            gmail.quota(1_000_000, Duration.ofMinutes(1));
            gmail.slowResponses(Duration.ofMillis(40));
            JdbcPersistence stores = JdbcPersistence.builder(db.newPool("survivor", 4)).schema(schema)
                    .migrateOnStart(false).build();
            try (BreakAgency survivor = MailSyncAgencies.agency(stores, google.authorizationEndpoint(),
                    google.tokenEndpoint(), google.revokeEndpoint(), gmail.rootUrl(), "survivor", reports)) {
                Connection connection = MailSyncAgencies.connect(survivor, google);

                String url = ((HikariDataSource) db.dataSource()).getJdbcUrl();
                String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
                doomed = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp",
                        System.getProperty("java.class.path"), DoomedSyncWorker.class.getName(), url, schema,
                        google.authorizationEndpoint().toString(), google.tokenEndpoint().toString(),
                        google.revokeEndpoint().toString(), gmail.rootUrl().toString())
                        .redirectErrorStream(true).start();
                List<String> output = drain(doomed);
                Await.until(() -> "the doomed worker fetched a quarter of the mailbox:\n" + String.join("\n", output),
                        Duration.ofSeconds(60), Duration.ofMillis(5), () -> gmail.fetchedMessages() >= MESSAGES / 4);

                doomed.destroyForcibly();
                assertTrue(doomed.waitFor(30, TimeUnit.SECONDS), "the killed process ended");
                assertFalse(doomed.isAlive());
                assertEquals(128 + 9, doomed.exitValue(), "ended by SIGKILL");
                long storedBeforeTheKill = stores.emails().count(connection.id());
                assertTrue(storedBeforeTheKill > 0 && storedBeforeTheKill < MESSAGES, "killed mid-sync: "
                        + storedBeforeTheKill);

                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (System.nanoTime() < deadline && !synced(stores, connection.id())) {
                    survivor.runDueSteps();
                }

                MailSyncState state = stores.mailSyncStates().find(connection.id()).orElseThrow();
                assertEquals(MailSyncStatus.ACTIVE, state.status(), state.toString());
                assertEquals(MESSAGES, stores.emails().count(connection.id()), "every message stored once");
                int refetched = gmail.fetchedMessages() - MESSAGES;
                assertTrue(refetched >= 0 && refetched <= BATCH, "at most one batch fetched twice: " + refetched);
                assertEquals(List.of(), reports.reports());
            }
        } finally {
            if (doomed != null && doomed.isAlive()) {
                doomed.destroyForcibly();
                doomed.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static boolean synced(JdbcPersistence stores, String connectionId) {
        return stores.mailSyncStates().find(connectionId).map(s -> s.status() == MailSyncStatus.ACTIVE).orElse(false);
    }

    /** Reads the process's output on a thread of its own, so it never blocks on a full pipe. */
    private static List<String> drain(Process process) {
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.add(line);
                }
            } catch (IOException e) {
                output.add("output ended: " + e.getClass().getName());
            }
        }, "doomed-sync-output");
        reader.setDaemon(true);
        reader.start();
        return output;
    }

}
