package com.breakagency.examples.snippets;

import com.breakagency.adapter.gmail.GmailMailSource;
import com.breakagency.adapter.gmail.GoogleOAuthOptions;
import com.breakagency.adapter.gmail.GoogleOAuthProvider;
import com.breakagency.adapter.jdbc.JdbcPersistence;
import com.breakagency.core.BreakAgency;
import com.breakagency.core.MailSyncSettings;
import com.breakagency.ports.api.integration.SyncRequest;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.model.integration.Connection;
import com.breakagency.ports.model.mail.MailSyncStatus;
import com.breakagency.testkit.InMemoryPersistence;
import com.breakagency.testkit.oauth.FakeGmail;
import com.breakagency.testkit.oauth.FakeGoogle;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The Java blocks of the README's "Syncing Gmail" section, as compiled code: each block is the text between
 * one name's {@code tag::} and {@code end::} markers.
 */
public final class MailSyncSnippets {

    private MailSyncSnippets() {
    }

    /**
     * Turning the mail sync on, with the budget and costs spelled out.
     *
     * @param pool         the host's data source
     * @param clientId     the OAuth client id
     * @param clientSecret the OAuth client secret
     * @param key2026      a 32-byte key
     * @param ctx          the mailbox owner's context
     * @param connectionId the owner's connection
     */
    public static void syncingGmail(DataSource pool, String clientId, String clientSecret, byte[] key2026,
                                    OperationContext ctx, String connectionId) {
        // tag::syncing-gmail[]
        JdbcPersistence persistence = JdbcPersistence.create(pool);
        BreakAgency agency = BreakAgency.builder()
                .persistence(persistence)
                .integrations(persistence)
                .oauthProvider(GoogleOAuthProvider.create(GoogleOAuthOptions.of(clientId, clientSecret)))
                .secretKeys("2026-01", Map.of("2026-01", key2026))
                .mailSource(GmailMailSource.create())              // turns the sync on
                .mailSyncSettings(MailSyncSettings.DEFAULT
                        .withBudget(6_000, Duration.ofMinutes(1))     // units per mailbox per minute
                        .withCosts(5, 20, 2, 1)                       // messages.list, messages.get, history.list, getProfile
                        .withDomains(MailSyncSettings.DEFAULT_FREE_MAIL_DOMAINS, Set.of("northwind.example")))
                .build();
        agency.start();                                               // the workers run the sync steps

        SyncRequest now = agency.integrations().resync(ctx, connectionId);   // "sync now"; merged if one is under way
        Connection mailbox = agency.integrations().getConnection(ctx, connectionId);
        MailSyncStatus status = mailbox.mailSyncStatus();                  // NOT_SYNCED, SYNCING, ACTIVE, FAILED
        // end::syncing-gmail[]
        agency.close();
    }

    /**
     * A test of host code against the fakes, in memory.
     *
     * @param key a 32-byte key
     */
    public static void testingTheSync(byte[] key) {
        // tag::testing-mail-sync[]
        try (FakeGoogle google = FakeGoogle.start(); FakeGmail gmail = FakeGmail.start(google)) {
            gmail.mailbox("jo@northwind.example").addMany(1_234, "Ana <ana@acme.example>");
            InMemoryPersistence memory = InMemoryPersistence.create();
            BreakAgency agency = BreakAgency.builder().persistence(memory).integrations(memory)
                    .oauthProvider(google.oauthProvider())
                    .secretKeys("k1", Map.of("k1", key))
                    .mailSource(GmailMailSource.create(gmail.rootUrl(), Duration.ofSeconds(5)))
                    .build();
            // connect jo@northwind.example with google.approve(...), then agency.runDueSteps() until synced;
            // gmail.unitsSpent(...), gmail.batchSizes(), gmail.rejections() say what the sync cost
            agency.close();
        }
        // end::testing-mail-sync[]
    }
}
