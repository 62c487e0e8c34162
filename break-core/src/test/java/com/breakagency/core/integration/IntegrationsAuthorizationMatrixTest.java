package com.breakagency.core.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.core.AuthorizationDocument;
import com.breakagency.core.boundary.Operation;
import com.breakagency.core.boundary.Rule;
import com.breakagency.ports.api.integration.AuthorizationStart;
import com.breakagency.ports.api.integration.CompleteConnect;
import com.breakagency.ports.api.integration.ConnectionQuery;
import com.breakagency.ports.api.integration.StartConnect;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.model.integration.Connection;
import com.breakagency.ports.model.integration.ConnectionStatus;
import com.breakagency.ports.model.integration.Provider;
import com.breakagency.testkit.AgencyFixture;
import com.breakagency.testkit.oauth.FakeGoogle;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every integrations operation × every role, with the expectation read from {@code docs/authorization.md}:
 * "yes" runs on anyone's connection, "own" on the caller's own and FORBIDDEN on another's, "no" is
 * FORBIDDEN before any lookup, with nothing written.
 */
class IntegrationsAuthorizationMatrixTest {

    private static final AuthorizationDocument DOCUMENT = AuthorizationDocument.standard();

    static Stream<Arguments> everyOperationAndRole() {
        return IntegrationOperations.ALL.stream().flatMap(op -> Stream.of(Role.values()).map(role -> Arguments.of(op, role)));
    }

    static OperationContext as(Role role) {
        return AgencyFixture.anyoneIn(role);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyOperationAndRole")
    void each_role_gets_what_the_document_says(Operation operation, Role role) {
        Rule rule = DOCUMENT.rule(operation, role);
        OperationContext caller = as(role);
        try (Mailboxes world = new Mailboxes()) {
            Connection others = world.connect(Mailboxes.agent("someone-else"), "else@northwind.example");
            Optional<Connection> own = rule == Rule.DENY || DOCUMENT.rule(IntegrationOperations.START_CONNECT, role) == Rule.DENY
                    ? Optional.empty() : Optional.of(world.connect(caller, caller.actor().userId() + "@northwind.example"));
            int pendingBefore = world.memory.pendingAuthorizations().size();
            long versionBefore = world.stored(others.id()).version();

            if (rule == Rule.DENY) {
                BreakException e = assertThrows(BreakException.class, () -> run(world, operation, caller, others, own));
                assertEquals(ErrorCode.FORBIDDEN, e.code());
                assertEquals(versionBefore, world.stored(others.id()).version());
                assertTrue(world.memory.pendingAuthorizations().size() <= pendingBefore + 1);
                return;
            }
            Object answer = run(world, operation, caller, rule == Rule.OWN ? own.orElseThrow() : others, own);
            assertTrue(answer != null);
            if (rule == Rule.OWN && !operation.equals(IntegrationOperations.START_CONNECT)
                    && !operation.equals(IntegrationOperations.COMPLETE_CONNECT)
                    && !operation.equals(IntegrationOperations.LIST_CONNECTIONS)) {
                BreakException e = assertThrows(BreakException.class, () -> run(world, operation, caller, others, own));
                assertEquals(ErrorCode.FORBIDDEN, e.code(), "another user's connection");
                assertEquals(ConnectionStatus.CONNECTED, world.stored(others.id()).status());
            }
            if (operation.equals(IntegrationOperations.LIST_CONNECTIONS)) {
                @SuppressWarnings("unchecked")
                var page = (com.breakagency.ports.model.Page<Connection>) answer;
                assertEquals(rule == Rule.ALLOW ? 1 + (own.isPresent() ? 1 : 0) : 1, page.items().size());
            }
        }
    }

    private static Object run(Mailboxes world, Operation operation, OperationContext caller, Connection target,
                              Optional<Connection> own) {
        var integrations = world.agency.integrations();
        if (operation.equals(IntegrationOperations.START_CONNECT)) {
            return integrations.startConnect(caller, StartConnect.of(Provider.GOOGLE, Mailboxes.REDIRECT));
        }
        if (operation.equals(IntegrationOperations.COMPLETE_CONNECT)) {
            OperationContext starter = own.isPresent() ? caller : Mailboxes.agent("someone-else");
            AuthorizationStart start = integrations.startConnect(starter, StartConnect.of(Provider.GOOGLE, Mailboxes.REDIRECT));
            FakeGoogle.Callback callback = world.google.approve(start.authorizationUrl(), "second@northwind.example");
            return integrations.completeConnect(caller, CompleteConnect.of(callback.state(), callback.code()));
        }
        if (operation.equals(IntegrationOperations.DISCONNECT)) {
            return integrations.disconnect(caller, target.id());
        }
        if (operation.equals(IntegrationOperations.LIST_CONNECTIONS)) {
            return integrations.listConnections(caller, ConnectionQuery.first(50).inStatus(ConnectionStatus.CONNECTED));
        }
        if (operation.equals(IntegrationOperations.GET_CONNECTION)) {
            return integrations.getConnection(caller, target.id());
        }
        if (operation.equals(IntegrationOperations.ACCESS_TOKEN)) {
            return integrations.accessToken(caller, target.id());
        }
        throw new AssertionError("no call for " + operation);
    }
}
