package com.breakagency.adapter.jdbc;

import com.breakagency.adapter.gmail.GmailMailSource;
import com.breakagency.adapter.gmail.GoogleOAuthOptions;
import com.breakagency.adapter.gmail.GoogleOAuthProvider;
import com.breakagency.core.BreakAgency;
import com.breakagency.core.MailSyncSettings;
import com.breakagency.ports.api.integration.AuthorizationStart;
import com.breakagency.ports.api.integration.CompleteConnect;
import com.breakagency.ports.api.integration.StartConnect;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.model.integration.Connection;
import com.breakagency.ports.model.integration.Provider;
import com.breakagency.ports.spi.ErrorReporter;
import com.breakagency.testkit.oauth.FakeGoogle;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** Agencies that sync Gmail on the JDBC stores against the loopback fakes, for the cross-instance tests. */
final class MailSyncAgencies {

    static final String JO_ADDRESS = "jo@northwind.example";
    static final OperationContext JO = OperationContext.of(Actor.staff("u-jo", Role.AGENT));
    /** A short lease for the sync and the queue, so a dead worker's sync is taken over within seconds. */
    static final Duration LEASE = Duration.ofSeconds(2);
    /** Budget scaled up: these tests are about workers, not pacing. */
    static final MailSyncSettings SETTINGS = MailSyncSettings.DEFAULT.withBudget(1_000_000, Duration.ofMinutes(1))
            .withTiming(LEASE, Duration.ofSeconds(30), Duration.ofMinutes(1));

    private MailSyncAgencies() {
    }

    static byte[] key() {
        byte[] key = new byte[32];
        new java.util.Random(11).nextBytes(key);
        return key;
    }

    static BreakAgency agency(JdbcPersistence persistence, URI authorization, URI token, URI revoke, URI gmailRoot,
                              String workerId, ErrorReporter reporter) {
        GoogleOAuthOptions options = GoogleOAuthOptions.of(FakeGoogle.CLIENT_ID, FakeGoogle.CLIENT_SECRET)
                .withEndpoints(authorization, token, revoke).withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));
        return BreakAgency.builder().persistence(persistence).integrations(persistence).errorReporter(reporter)
                .oauthProvider(GoogleOAuthProvider.create(options)).secretKeys("k1", Map.of("k1", key()))
                .mailSource(GmailMailSource.create(gmailRoot, Duration.ofSeconds(10))).mailSyncSettings(SETTINGS)
                .lease(LEASE).workerId(workerId).build();
    }

    static Connection connect(BreakAgency agency, FakeGoogle google) {
        AuthorizationStart start = agency.integrations().startConnect(JO,
                StartConnect.of(Provider.GOOGLE, "https://app.northwind.example/cb"));
        FakeGoogle.Callback callback = google.approve(start.authorizationUrl(), JO_ADDRESS);
        return agency.integrations().completeConnect(JO, CompleteConnect.of(callback.state(), callback.code()));
    }
}
