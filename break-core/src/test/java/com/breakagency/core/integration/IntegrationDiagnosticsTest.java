package com.breakagency.core.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.ports.api.diagnostics.AdminIntegrationsView;
import com.breakagency.ports.api.diagnostics.Health;
import com.breakagency.ports.api.diagnostics.HealthStatus;
import com.breakagency.ports.api.diagnostics.ProviderSummary;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.Problem;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.integration.Connection;
import com.breakagency.ports.model.integration.ConnectionStatus;
import com.breakagency.ports.model.integration.Provider;
import com.breakagency.testkit.LogCapture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Done-point 7: the integrations section's figures are the store's counts; DEGRADED while a connection
 * needs reauthorization, DOWN while the client is refused; and no seeded token or address appears in logs,
 * problems, reports or diagnostics.
 */
class IntegrationDiagnosticsTest {

    private static final OperationContext ADMIN = OperationContext.of(Actor.staff("admin-1", Role.ADMIN));
    private static final List<String> ADDRESSES = List.of("jo@northwind.example", "kim@northwind.example",
            "lee@northwind.example");

    @Test
    void figures_equal_the_store_statuses_follow_reauth_and_client_failures_and_no_secret_leaks() throws Exception {
        try (LogCapture logs = LogCapture.of("com.breakagency"); Mailboxes world = new Mailboxes()) {
            List<Connection> connections = new ArrayList<>();
            for (String address : ADDRESSES) {
                connections.add(world.connect(Mailboxes.agent("u-" + address.substring(0, address.indexOf('@'))), address));
            }
            List<Object> said = new ArrayList<>();
            world.google.revokeGrant("kim@northwind.example");
            world.nearExpiry();
            said.add(Problem.of(assertThrows(BreakException.class, () -> world.agency.integrations()
                    .accessToken(Mailboxes.system(), connections.get(1).id())), Mailboxes.system()));
            world.agency.integrations().disconnect(Mailboxes.agent("u-lee"), connections.get(2).id());

            Health degraded = world.agency.diagnostics().health(ADMIN);
            Map<Provider, Map<ConnectionStatus, Long>> counts = world.memory.connections().counts();
            ProviderSummary google = degraded.integrations().providers().get(0);
            assertEquals(counts.get(Provider.GOOGLE).values().stream().mapToLong(Long::longValue).sum(), google.total());
            assertEquals(counts.get(Provider.GOOGLE).get(ConnectionStatus.CONNECTED), google.connected());
            assertEquals(counts.get(Provider.GOOGLE).get(ConnectionStatus.NEEDS_REAUTH), google.needsReauth());
            assertEquals(counts.get(Provider.GOOGLE).get(ConnectionStatus.DISCONNECTED), google.disconnected());
            assertEquals(1, google.withError());
            assertEquals(HealthStatus.DEGRADED, degraded.integrations().status());
            assertEquals(HealthStatus.DEGRADED, degraded.status());
            assertTrue(degraded.reasons().contains("1 GOOGLE connection needs its owner to connect again"));
            assertEquals("k***@northwind.example", degraded.integrations().connections().stream()
                    .filter(c -> c.connectionId().equals(connections.get(1).id())).findFirst().orElseThrow().maskedAddress());

            world.google.rejectClient(true);
            for (int i = 0; i < 3; i++) {
                said.add(Problem.of(assertThrows(BreakException.class, () -> world.agency.integrations()
                        .accessToken(Mailboxes.system(), connections.get(0).id())), Mailboxes.system()));
            }
            assertEquals(Reason.CLIENT_CREDENTIALS_REJECTED, world.reports.reports().get(1).reason());
            assertEquals(2, world.reports.reports().size(), "the client failure is reported once per episode");
            assertEquals(connections.get(0).version(), world.stored(connections.get(0).id()).version(),
                    "an operator failure leaves the connection as it was");
            Health down = world.agency.diagnostics().health(ADMIN);
            assertEquals(HealthStatus.DOWN, down.status());
            assertTrue(down.reasons().stream().anyMatch(r -> r.contains("client id or client secret is wrong")));

            world.google.rejectClient(false);
            world.agency.integrations().accessToken(Mailboxes.system(), connections.get(0).id());
            assertEquals(HealthStatus.DEGRADED, world.agency.diagnostics().health(ADMIN).status());

            ObjectMapper json = new ObjectMapper();
            JsonNode admin = new ObjectMapper().valueToTree(AdminIntegrationsView.of(down.integrations()));
            assertEquals(List.of("gmail"), fieldNames(admin));
            assertEquals(List.of("totalConnections", "connectedCount", "errorCount", "recentConnections"),
                    fieldNames(admin.get("gmail")));
            assertEquals(3, admin.get("gmail").get("totalConnections").asLong());
            assertEquals(List.of("userId", "lastSyncedAt", "lastError", "lastErrorAt", "tokenExpiresAt", "status"),
                    fieldNames(admin.get("gmail").get("recentConnections").get(0)));

            StringBuilder everything = new StringBuilder(logs.allText());
            world.reports.reports().forEach(r -> everything.append(r).append('\n'));
            said.forEach(p -> everything.append(p).append('\n'));
            everything.append(down).append(json.writeValueAsString(admin));
            for (String token : world.google.issuedTokens()) {
                assertFalse(everything.toString().contains(token), "a token leaked");
            }
            for (String address : ADDRESSES) {
                assertFalse(everything.toString().contains(address), "an address leaked");
            }
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
