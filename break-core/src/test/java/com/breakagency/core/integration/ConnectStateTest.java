package com.breakagency.core.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.core.IntegrationSettings;
import com.breakagency.ports.api.integration.AuthorizationStart;
import com.breakagency.ports.api.integration.CompleteConnect;
import com.breakagency.ports.api.integration.StartConnect;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.integration.Connection;
import com.breakagency.ports.model.integration.ConnectionStatus;
import com.breakagency.ports.model.integration.PendingAuthorization;
import com.breakagency.ports.model.integration.Provider;
import com.breakagency.ports.model.work.StepStatus;
import com.breakagency.ports.model.work.WorkStep;
import com.breakagency.ports.spi.oauth.CodeExchange;
import com.breakagency.ports.spi.oauth.OAuthFailure;
import com.breakagency.testkit.oauth.FakeGoogle;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Done-point 6: a state works once, for its user, before it expires; every other state is refused alike. */
class ConnectStateTest {

    private static final OperationContext JO = Mailboxes.agent("u-jo");
    private static final OperationContext KIM = Mailboxes.agent("u-kim");

    @Test
    void a_connect_stores_the_connection_audits_it_and_queues_the_initial_sync_in_one_unit_of_work() {
        try (Mailboxes world = new Mailboxes()) {
            AuthorizationStart start = world.agency.integrations().startConnect(JO, StartConnect.of(Provider.GOOGLE,
                    Mailboxes.REDIRECT));
            String state = query(start, "state");
            assertTrue(Base64.getUrlDecoder().decode(state).length >= 16, "at least 128 random bits");
            assertEquals(world.clock.instant().plus(IntegrationSettings.DEFAULT_STATE_LIFETIME), start.expiresAt());
            PendingAuthorization pending = world.memory.pendingAuthorizations().take(Secrets.stateHash(state)).orElseThrow();
            world.memory.pendingAuthorizations().insert(pending);
            assertFalse(pending.toString().contains(state) || pending.stateHash().contains(state));
            assertEquals("k1", pending.codeVerifier().keyId(), "the PKCE verifier is stored sealed");

            FakeGoogle.Callback callback = world.google.approve(start.authorizationUrl(), "jo@northwind.example");
            Connection connection = world.agency.integrations().completeConnect(JO,
                    CompleteConnect.of(callback.state(), callback.code()));

            assertEquals(ConnectionStatus.CONNECTED, connection.status());
            assertTrue(connection.connected());
            assertEquals(Optional.empty(), connection.tokens(), "answers carry no tokens");
            WorkStep sync = world.memory.workQueue().findByDedupKey(IntegrationService.GMAIL_INITIAL_SYNC_STEP + ":"
                    + connection.id()).orElseThrow();
            assertEquals(StepStatus.PENDING, sync.status());
            world.agency.runDueSteps();
            assertEquals(StepStatus.DONE, world.memory.workQueue().findById(sync.id()).orElseThrow().status(),
                    "the queued step neither waits forever nor goes DEAD");
        }
    }

    @Test
    void replayed_expired_foreign_unknown_and_tampered_states_are_rejected_alike_with_nothing_written() {
        try (Mailboxes world = new Mailboxes()) {
            FakeGoogle.Callback used = callback(world, JO);
            world.agency.integrations().completeConnect(JO, CompleteConnect.of(used.state(), used.code()));
            FakeGoogle.Callback expired = callback(world, JO);
            world.clock.advance(Duration.ofMinutes(11));
            FakeGoogle.Callback foreign = callback(world, KIM);
            FakeGoogle.Callback tampered = callback(world, JO);
            FakeGoogle.Callback live = callback(world, JO);
            Snapshot before = Snapshot.of(world);

            List<BreakException> rejections = List.of(
                    reject(world, JO, used.state(), used.code()),
                    reject(world, JO, expired.state(), expired.code()),
                    reject(world, JO, foreign.state(), foreign.code()),
                    reject(world, JO, "an-unknown-state-of-the-right-length-000000", "4/whatever"),
                    reject(world, JO, flip(tampered.state()), tampered.code()),
                    reject(world, JO, live.state().substring(0, 20), live.code()));

            for (BreakException e : rejections) {
                assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
                assertEquals(Reason.AUTHORIZATION_STATE_REJECTED, e.reason());
                assertEquals(rejections.get(0).detail(), e.detail());
                assertEquals(rejections.get(0).fieldErrors(), e.fieldErrors());
            }
            assertEquals(before, Snapshot.of(world));
            // the foreign user's state was not spent by the attempt: its owner still completes it
            Connection kims = world.agency.integrations().completeConnect(KIM, CompleteConnect.of(foreign.state(), foreign.code()));
            assertEquals("u-kim", kims.ownerUserId());
            world.agency.integrations().completeConnect(JO, CompleteConnect.of(live.state(), live.code()));
        }
    }

    @Test
    void the_fake_refuses_a_wrong_pkce_verifier_and_a_wrong_redirect_uri() {
        try (Mailboxes world = new Mailboxes()) {
            AuthorizationStart start = world.agency.integrations().startConnect(JO,
                    StartConnect.of(Provider.GOOGLE, Mailboxes.REDIRECT));
            FakeGoogle.Callback callback = world.google.approve(start.authorizationUrl(), "jo@northwind.example");
            OAuthFailure wrongVerifier = assertInstanceOf(OAuthFailure.class, world.google.oauthProvider().exchange(
                    new CodeExchange(callback.code(), "a-verifier-that-is-not-the-one-0000000000000", Mailboxes.REDIRECT)));
            assertEquals("invalid_grant", wrongVerifier.errorCode());
            assertEquals(OAuthFailure.Kind.PERMANENT, wrongVerifier.kind());

            FakeGoogle.Callback again = callback(world, JO);
            String verifier = "any";
            OAuthFailure wrongRedirect = assertInstanceOf(OAuthFailure.class, world.google.oauthProvider().exchange(
                    new CodeExchange(again.code(), verifier, "https://elsewhere.example/cb")));
            assertEquals("invalid_grant", wrongRedirect.errorCode());
        }
    }

    record Snapshot(int pending, int connections, long audit, long steps, int exchanges) {
        static Snapshot of(Mailboxes world) {
            return new Snapshot(world.memory.pendingAuthorizations().size(),
                    world.memory.connections().list(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 100).size(),
                    world.memory.auditLog().byAction(com.breakagency.ports.model.audit.AuditAction.CONNECTION_CONNECTED,
                            java.time.Instant.EPOCH, java.time.Instant.MAX, Optional.empty(), 100).size(),
                    world.memory.workQueue().counts().values().stream().mapToLong(m -> m.values().stream()
                            .mapToLong(Long::longValue).sum()).sum(),
                    world.google.codeExchanges());
        }
    }

    private static FakeGoogle.Callback callback(Mailboxes world, OperationContext user) {
        AuthorizationStart start = world.agency.integrations().startConnect(user,
                StartConnect.of(Provider.GOOGLE, Mailboxes.REDIRECT));
        return world.google.approve(start.authorizationUrl(), user.actor().userId() + "@northwind.example");
    }

    private static BreakException reject(Mailboxes world, OperationContext user, String state, String code) {
        return assertThrows(BreakException.class,
                () -> world.agency.integrations().completeConnect(user, CompleteConnect.of(state, code)));
    }

    private static String flip(String state) {
        char last = state.charAt(state.length() - 1);
        return state.substring(0, state.length() - 1) + (last == 'A' ? 'B' : 'A');
    }

    private static String query(AuthorizationStart start, String name) {
        Function<String, String> decode = s -> java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
        for (String pair : start.authorizationUrl().getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return decode.apply(pair.substring(name.length() + 1));
            }
        }
        throw new AssertionError("no " + name);
    }
}
