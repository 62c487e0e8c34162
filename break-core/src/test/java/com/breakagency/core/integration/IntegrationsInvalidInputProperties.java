package com.breakagency.core.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.breakagency.ports.api.integration.AccessTokenRequest;
import com.breakagency.ports.api.integration.CompleteConnect;
import com.breakagency.ports.api.integration.ConnectionQuery;
import com.breakagency.ports.api.integration.StartConnect;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.model.integration.Connection;
import com.breakagency.ports.model.integration.Provider;
import java.util.Optional;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * Any invalid input to any integrations command is VALIDATION_FAILED with a field error, never a run of
 * the use case: no pending authorization, connection or provider call is written or made.
 */
class IntegrationsInvalidInputProperties {

    private static final OperationContext JO = Mailboxes.agent("u-jo");

    private final Mailboxes world = new Mailboxes();
    private final Connection connection = world.connect(JO, "jo@northwind.example");

    @AfterProperty
    void close() {
        world.close();
    }

    /** A call with invalid input. */
    record Attempt(String name, Function<Mailboxes, Object> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    @Property(tries = 200)
    void every_invalid_command_is_validation_failed_and_writes_nothing(@ForAll("attempts") Attempt attempt) {
        int pending = world.memory.pendingAuthorizations().size();
        int tokenCalls = world.google.tokenRequests();
        long version = world.stored(connection.id()).version();

        BreakException e = assertThrows(BreakException.class, () -> attempt.call().apply(world));

        assertEquals(ErrorCode.VALIDATION_FAILED, e.code(), attempt.name());
        assertFalse(e.fieldErrors().isEmpty());
        assertEquals(pending, world.memory.pendingAuthorizations().size());
        assertEquals(tokenCalls, world.google.tokenRequests());
        assertEquals(version, world.stored(connection.id()).version());
    }

    @Provide
    Arbitrary<Attempt> attempts() {
        Arbitrary<String> badUri = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(30).filter(s -> !s.startsWith("http")),
                Arbitraries.just("https://a.example/" + "x".repeat(2000)), Arbitraries.just("https://a.example/with space"),
                Arbitraries.just(null));
        Arbitrary<String> badId = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just("x".repeat(65)),
                Arbitraries.just("id with space"), Arbitraries.just("id\u0000nul"), Arbitraries.just(null));
        Arbitrary<String> badText = Arbitraries.oneOf(Arbitraries.just("x".repeat(513)), Arbitraries.just("a\u0000b"),
                Arbitraries.just("\ud800"), Arbitraries.just(null));
        Arbitrary<String> badCode = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just("x".repeat(2049)),
                Arbitraries.just("code with space"), Arbitraries.just(null));
        Arbitrary<Integer> badLimit = Arbitraries.oneOf(Arbitraries.integers().lessOrEqual(0),
                Arbitraries.integers().greaterOrEqual(501));
        return Arbitraries.oneOf(
                badUri.map(u -> new Attempt("startConnect(redirect)", w -> w.agency.integrations()
                        .startConnect(JO, StartConnect.of(Provider.GOOGLE, u)))),
                Arbitraries.just(new Attempt("startConnect(provider)", w -> w.agency.integrations()
                        .startConnect(JO, StartConnect.of(null, Mailboxes.REDIRECT)))),
                badText.map(s -> new Attempt("completeConnect(state)", w -> w.agency.integrations()
                        .completeConnect(JO, CompleteConnect.of(s, "4/code")))),
                badCode.map(c -> new Attempt("completeConnect(code)", w -> w.agency.integrations()
                        .completeConnect(JO, CompleteConnect.of("state", c)))),
                badId.map(id -> new Attempt("disconnect(id)", w -> w.agency.integrations().disconnect(JO, id))),
                badId.map(id -> new Attempt("getConnection(id)", w -> w.agency.integrations().getConnection(JO, id))),
                badId.map(id -> new Attempt("accessToken(id)", w -> w.agency.integrations()
                        .accessToken(Mailboxes.system(), id))),
                Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just("x".repeat(8193)), Arbitraries.just("a\u0000"))
                        .map(t -> new Attempt("accessToken(replacing)", w -> w.agency.integrations()
                                .accessToken(Mailboxes.system(), connection.id(), AccessTokenRequest.replacing(t)))),
                badLimit.map(l -> new Attempt("listConnections(limit)", w -> w.agency.integrations()
                        .listConnections(JO, ConnectionQuery.first(l)))),
                Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just("u".repeat(256)), Arbitraries.just("a\u0001"))
                        .map(o -> new Attempt("listConnections(owner)", w -> w.agency.integrations()
                                .listConnections(Mailboxes.system(), ConnectionQuery.first(10).ofOwner(o)))),
                Arbitraries.just(new Attempt("listConnections(cursor)", w -> w.agency.integrations()
                        .listConnections(JO, new ConnectionQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                                Optional.of("c".repeat(513)), 10)))));
    }
}
