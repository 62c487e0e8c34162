package com.breakagency.core.integration;

import com.breakagency.core.BreakAgencyBuilder;
import com.breakagency.core.BreakAgency;
import com.breakagency.ports.api.integration.AuthorizationStart;
import com.breakagency.ports.api.integration.CompleteConnect;
import com.breakagency.ports.api.integration.StartConnect;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.model.integration.Connection;
import com.breakagency.ports.model.integration.Provider;
import com.breakagency.testkit.CapturingErrorReporter;
import com.breakagency.testkit.InMemoryPersistence;
import com.breakagency.testkit.TestClock;
import com.breakagency.testkit.oauth.FakeGoogle;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * A world with Gmail connections: in-memory stores, a test clock, a {@link FakeGoogle} on loopback and an
 * agency wired to it with AES-GCM keys. A second agency on the same stores stands in for a second instance.
 */
final class Mailboxes implements AutoCloseable {

    static final String REDIRECT = "https://app.northwind.example/oauth/callback";
    static final byte[] KEY_1 = key(1);
    static final byte[] KEY_2 = key(2);

    final InMemoryPersistence memory;
    final TestClock clock;
    final FakeGoogle google;
    final CapturingErrorReporter reports;
    final BreakAgency agency;

    Mailboxes() {
        this(UnaryOperator.identity());
    }

    Mailboxes(UnaryOperator<BreakAgencyBuilder> options) {
        this(InMemoryPersistence.create(), new TestClock(), FakeGoogle.start(), options);
    }

    private Mailboxes(InMemoryPersistence memory, TestClock clock, FakeGoogle google,
                      UnaryOperator<BreakAgencyBuilder> options) {
        this.memory = memory;
        this.clock = clock;
        this.google = google;
        this.reports = new CapturingErrorReporter(memory.transactions());
        this.agency = options.apply(builder(memory, clock, google, reports)).build();
    }

    static BreakAgencyBuilder builder(InMemoryPersistence memory, TestClock clock, FakeGoogle google,
                                      CapturingErrorReporter reports) {
        return BreakAgency.builder().persistence(memory).integrations(memory).errorReporter(reports).clock(clock)
                .random(new Random(42)).stateRandom(new Random(7)).oauthProvider(google.oauthProvider(Duration.ofSeconds(2)))
                .secretKeys("k1", Map.of("k1", KEY_1));
    }

    /** Another instance on the same stores, fake and clock, built with other options. */
    BreakAgency secondInstance(UnaryOperator<BreakAgencyBuilder> options) {
        return options.apply(builder(memory, clock, google, reports)).build();
    }

    static OperationContext agent(String userId) {
        return OperationContext.of(Actor.staff(userId, Role.AGENT));
    }

    static OperationContext system() {
        return OperationContext.system();
    }

    /** The whole connect flow for a user: start, the consent screen, the callback. */
    Connection connect(OperationContext user, String address) {
        return connect(agency, user, address);
    }

    Connection connect(BreakAgency through, OperationContext user, String address) {
        AuthorizationStart start = through.integrations().startConnect(user, StartConnect.of(Provider.GOOGLE, REDIRECT));
        FakeGoogle.Callback callback = google.approve(start.authorizationUrl(), address);
        return through.integrations().completeConnect(user, CompleteConnect.of(callback.state(), callback.code()));
    }

    /** Moves the clock into the refresh skew of a one-hour token. */
    void nearExpiry() {
        clock.advance(Duration.ofMinutes(56));
    }

    Connection stored(String id) {
        return memory.connections().find(id).orElseThrow();
    }

    static byte[] key(int seed) {
        byte[] key = new byte[32];
        new Random(seed).nextBytes(key);
        return key;
    }

    @Override
    public void close() {
        agency.close();
        google.close();
    }
}
