package com.breakagency.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.core.BreakAgency;
import com.breakagency.core.Backoff;
import com.breakagency.ports.api.crm.CreateBrand;
import com.breakagency.ports.api.crm.CreateDeal;
import com.breakagency.ports.api.crm.CreateTalent;
import com.breakagency.ports.api.crm.MoveDealStage;
import com.breakagency.ports.api.finance.IssueInvoice;
import com.breakagency.ports.api.finance.MarkInvoicePaid;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.api.integration.AuthorizationStart;
import com.breakagency.ports.api.integration.CompleteConnect;
import com.breakagency.ports.api.integration.StartConnect;
import com.breakagency.ports.model.integration.Connection;
import com.breakagency.ports.model.integration.Provider;
import com.breakagency.testkit.oauth.FakeGoogle;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.DealStage;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.PaymentSource;
import com.breakagency.ports.model.work.StepStatus;
import com.breakagency.ports.model.work.WorkStep;
import com.breakagency.testkit.InMemoryPersistence;
import com.breakagency.testkit.TestClock;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A real agency on in-memory stores, measured into a {@link SimpleMeterRegistry}: after a known sequence of
 * calls, steps, janitor runs and token refreshes every meter counts what happened, and no tag value lies outside
 * its bounded set.
 */
class MicrometerTelemetryTest {

    private static final OperationContext ADMIN = OperationContext.of(Actor.staff("admin-1", Role.ADMIN));
    private static final OperationContext FINANCE = OperationContext.of(Actor.staff("finance-1", Role.FINANCE));
    private static final String ENSURE_COMMISSIONS = "ENSURE_COMMISSIONS";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final InMemoryPersistence memory = InMemoryPersistence.create();
    private final TestClock clock = new TestClock();

    private BreakAgency agency() {
        return BreakAgency.builder().persistence(memory).clock(clock)
                .errorReporter(com.breakagency.ports.spi.ErrorReporter.NOOP)
                .backoff(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 2, 0.0))
                .telemetry(MicrometerTelemetry.create(registry, Duration.ZERO)).build();
    }

    /** A brand, a talent without a managing agent, a deal, its invoice issued and paid: commissions pending. */
    private static Invoice aPaidInvoiceWithPendingCommissions(BreakAgency agency, int n) {
        Brand brand = agency.crm().createBrand(ADMIN, CreateBrand.of("Brand " + n, "agent-1").withDomains("brand" + n + ".example"));
        Talent talent = agency.crm().createTalent(ADMIN, CreateTalent.named("Talent " + n));
        Deal deal = agency.crm().createDeal(ADMIN, CreateDeal.of(brand.id(), talent.id(), "agent-1", "Campaign",
                Money.of(10_000, "GBP")));
        agency.crm().moveDealStage(ADMIN, new MoveDealStage(deal.id(), deal.version(), DealStage.PAYMENT_PENDING));
        Invoice draft = agency.finance().listInvoices(FINANCE, com.breakagency.ports.api.finance.InvoiceQuery
                .forDeal(deal.id()).limit(1)).items().get(0);
        Invoice issued = agency.finance().issueInvoice(FINANCE, IssueInvoice.of(draft.id(), draft.version()));
        agency.finance().markInvoicePaid(FINANCE, new MarkInvoicePaid(issued.id(), LocalDate.of(2026, 1, 6),
                "bank-" + n, "bank-" + n, PaymentSource.BANK_FEED));
        return issued;
    }

    private double timerCount(String operation, String outcome) {
        var timer = registry.find(MicrometerTelemetry.CALLS).tags("operation", operation, "outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    private double steps(String type, String outcome) {
        var counter = registry.find(MicrometerTelemetry.STEPS).tags("type", type, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private double depth(String type, StepStatus status) {
        return registry.get(MicrometerTelemetry.QUEUE_DEPTH).tags("type", type, "status", status.name()).gauge().value();
    }

    private void queueStep(String type, String key) {
        Instant now = clock.instant();
        String id = "step-" + key;
        memory.workQueue().enqueue(new WorkStep(id, type, type + ":" + key, Map.of(), StepStatus.PENDING, 0, now,
                Optional.empty(), Optional.empty(), Optional.empty(), now, now, 1));
    }

    @Test
    void a_known_sequence_of_calls_steps_and_janitor_runs_is_counted_under_bounded_tags() {
        try (BreakAgency agency = agency()) {
            aPaidInvoiceWithPendingCommissions(agency, 1);
            aPaidInvoiceWithPendingCommissions(agency, 2);
            BreakException forbidden = assertThrows(BreakException.class, () -> agency.diagnostics()
                    .health(OperationContext.of(Actor.talent("talent-user", "talent-1"))));
            assertEquals(ErrorCode.FORBIDDEN, forbidden.code());
            assertThrows(BreakException.class, () -> agency.crm().createBrand(ADMIN,
                    new CreateBrand("", Set.of(), "agent-1", Set.of())));
            assertThrows(BreakException.class, () -> agency.crm().createBrand(null,
                    new CreateBrand("Nobody's", Set.of("nobody.example"), "agent-1", Set.of())));
            // a step of a type this release has no handler for, with an address in its dedup key
            queueStep("FROM_A_NEWER_RELEASE", "jane@brand.example");

            assertEquals(2, depth(ENSURE_COMMISSIONS, StepStatus.PENDING));
            assertEquals(1, depth(MicrometerTelemetry.OTHER, StepStatus.PENDING));
            assertEquals(0, depth(ENSURE_COMMISSIONS, StepStatus.DEAD));
            clock.advance(Duration.ofSeconds(30));
            assertEquals(30.0, registry.get(MicrometerTelemetry.QUEUE_OLDEST_DUE_AGE).timeGauge().value(TimeUnit.SECONDS));

            agency.runDueSteps();                      // three first attempts fail
            clock.advance(Duration.ofSeconds(2));
            agency.runDueSteps();                      // three second attempts: DEAD
            agency.runJanitor();

            assertEquals(2, timerCount("crm.createBrand", "OK"));
            assertEquals(1, timerCount("crm.createBrand", "VALIDATION_FAILED"));
            assertEquals(1, timerCount("crm.createBrand", "UNAUTHENTICATED"));
            assertEquals(2, timerCount("finance.markInvoicePaid", "OK"));
            assertEquals(1, timerCount("diagnostics.health", "FORBIDDEN"));
            assertEquals(2, steps(ENSURE_COMMISSIONS, MicrometerTelemetry.FAILED));
            assertEquals(2, steps(ENSURE_COMMISSIONS, MicrometerTelemetry.DEAD));
            assertEquals(1, steps(MicrometerTelemetry.OTHER, MicrometerTelemetry.FAILED));
            assertEquals(1, steps(MicrometerTelemetry.OTHER, MicrometerTelemetry.DEAD));
            assertEquals(0, steps(ENSURE_COMMISSIONS, MicrometerTelemetry.COMPLETED));
            assertEquals(2, depth(ENSURE_COMMISSIONS, StepStatus.DEAD));
            assertEquals(1, depth(MicrometerTelemetry.OTHER, StepStatus.DEAD));
            assertEquals(0, depth(ENSURE_COMMISSIONS, StepStatus.PENDING));
            assertEquals(0.0, registry.get(MicrometerTelemetry.QUEUE_OLDEST_DUE_AGE).timeGauge().value(TimeUnit.SECONDS));
            assertEquals(1, registry.get(MicrometerTelemetry.JANITOR_RUNS).timer().count());

            assertEveryTagIsBounded(agency);
        }
    }

    @Test
    void a_queue_that_cannot_be_read_leaves_the_gauges_and_counts_a_failure() {
        java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean();
        MicrometerTelemetry telemetry = MicrometerTelemetry.create(registry, Duration.ZERO);
        telemetry.bind(new com.breakagency.ports.spi.TelemetryScope() {
            @Override
            public Set<String> operations() {
                return Set.of("crm.createBrand");
            }

            @Override
            public Set<String> stepTypes() {
                return Set.of(ENSURE_COMMISSIONS);
            }

            @Override
            public com.breakagency.ports.spi.QueueSnapshot queue() {
                if (down.get()) {
                    throw BreakException.persistenceUnavailable(new java.sql.SQLException("connection refused"));
                }
                return new com.breakagency.ports.spi.QueueSnapshot(Map.of(ENSURE_COMMISSIONS, Map.of(StepStatus.PENDING, 3L)),
                        Optional.of(Duration.ofSeconds(5)), clock.instant());
            }
        });
        assertEquals(3, depth(ENSURE_COMMISSIONS, StepStatus.PENDING));

        down.set(true);

        assertEquals(3, depth(ENSURE_COMMISSIONS, StepStatus.PENDING), "the last read stays");
        assertEquals(5.0, registry.get(MicrometerTelemetry.QUEUE_OLDEST_DUE_AGE).timeGauge().value(TimeUnit.SECONDS));
        assertEquals(2, registry.get(MicrometerTelemetry.QUEUE_READ_FAILURES).counter().count());
    }

    @Test
    void values_from_open_sets_are_of_the_documented_form_and_at_most_thirty_two() {
        MicrometerTelemetry telemetry = MicrometerTelemetry.create(registry);
        telemetry.call("crm.createBrand", "OK", Duration.ofMillis(1));           // not bound: no operation is known
        telemetry.call("jane@brand.example", "a free text", Duration.ofMillis(1));
        telemetry.tokenRefresh("google", "REFRESH_TOKEN_REVOKED");
        telemetry.tokenRefresh("jane@brand.example", "invalid_grant: token=abc");
        for (int i = 0; i < 40; i++) {
            telemetry.syncQuotaSpent("provider" + i, 20);
        }
        telemetry.janitorFound("PAYMENT_WITHOUT_COMMISSIONS");

        assertEquals(2, registry.get(MicrometerTelemetry.CALLS).tags("operation", "OTHER", "outcome", "OTHER").timer().count()
                + registry.get(MicrometerTelemetry.CALLS).tags("operation", "OTHER", "outcome", "OK").timer().count());
        assertEquals(1, registry.get(MicrometerTelemetry.TOKEN_REFRESHES)
                .tags("provider", "google", "outcome", "REFRESH_TOKEN_REVOKED").counter().count());
        assertEquals(1, registry.get(MicrometerTelemetry.TOKEN_REFRESHES)
                .tags("provider", "OTHER", "outcome", "OTHER").counter().count());
        Set<String> providers = registry.find(MicrometerTelemetry.SYNC_QUOTA_UNITS).counters().stream()
                .map(c -> c.getId().getTag("provider")).collect(Collectors.toSet());
        // "google" took one of the 32 provider values: 31 of the 40 sync providers get their own, 9 are OTHER
        assertEquals(MicrometerTelemetry.MAX_OPEN_VALUES, providers.size(), providers.toString());
        assertTrue(providers.contains("OTHER") && providers.contains("provider30") && !providers.contains("provider31"));
        assertEquals(9 * 20, registry.get(MicrometerTelemetry.SYNC_QUOTA_UNITS).tags("provider", "OTHER").counter().count());
    }

    @Test
    void token_refreshes_of_a_real_agency_are_counted_by_provider_and_bounded_outcome() {
        try (FakeGoogle google = FakeGoogle.start();
             BreakAgency agency = BreakAgency.builder().persistence(memory).integrations(memory).clock(clock)
                     .errorReporter(com.breakagency.ports.spi.ErrorReporter.NOOP)
                     .oauthProvider(google.oauthProvider(Duration.ofSeconds(2)))
                     .secretKeys("k1", Map.of("k1", new byte[32]))
                     .telemetry(MicrometerTelemetry.create(registry, Duration.ZERO)).build()) {
            OperationContext jo = OperationContext.of(Actor.staff("u-jo", Role.AGENT));
            AuthorizationStart start = agency.integrations().startConnect(jo,
                    StartConnect.of(Provider.GOOGLE, "https://app.northwind.example/oauth/callback"));
            FakeGoogle.Callback callback = google.approve(start.authorizationUrl(), "jo@northwind.example");
            Connection connection = agency.integrations().completeConnect(jo,
                    CompleteConnect.of(callback.state(), callback.code()));

            clock.advance(Duration.ofMinutes(56));
            agency.integrations().accessToken(OperationContext.system(), connection.id());
            google.failNext(FakeGoogle.Failure.UNAVAILABLE, 1);
            clock.advance(Duration.ofMinutes(61));
            assertThrows(BreakException.class,
                    () -> agency.integrations().accessToken(OperationContext.system(), connection.id()));

            assertEquals(1, registry.get(MicrometerTelemetry.TOKEN_REFRESHES)
                    .tags("provider", "GOOGLE", "outcome", "OK").counter().count());
            assertEquals(1, registry.get(MicrometerTelemetry.TOKEN_REFRESHES)
                    .tags("provider", "GOOGLE", "outcome", Reason.TOKEN_ENDPOINT_UNAVAILABLE).counter().count());
            Set<String> outcomes = Set.of("OK", Reason.REFRESH_TOKEN_REVOKED, Reason.CLIENT_CREDENTIALS_REJECTED,
                    Reason.TOKEN_ENDPOINT_UNAVAILABLE);
            Set<String> providers = Stream.of(Provider.values()).map(Enum::name).collect(Collectors.toSet());
            for (Meter meter : registry.find(MicrometerTelemetry.TOKEN_REFRESHES).meters()) {
                assertTrue(providers.contains(meter.getId().getTag("provider")), meter.getId().toString());
                assertTrue(outcomes.contains(meter.getId().getTag("outcome")), meter.getId().toString());
            }
        }
    }

    /** Every tag of every Break meter takes a value from its set; none holds an id or an address. */
    private void assertEveryTagIsBounded(BreakAgency agency) {
        Set<String> operations = com.breakagency.core.policy.PolicyTable.STANDARD.operations().stream()
                .map(op -> op.name()).collect(Collectors.toSet());
        Map<String, Set<String>> allowed = Map.of(
                "operation", union(operations, Set.of(MicrometerTelemetry.OTHER)),
                "outcome", union(MicrometerTelemetry.CALL_OUTCOMES, Set.of(MicrometerTelemetry.COMPLETED,
                        MicrometerTelemetry.FAILED, MicrometerTelemetry.DEAD)),
                "type", Set.of(ENSURE_COMMISSIONS, MicrometerTelemetry.OTHER),
                "status", Stream.of(StepStatus.values()).map(Enum::name).collect(Collectors.toSet()),
                "kind", Set.of("PAYMENT_WITHOUT_COMMISSIONS"));
        Map<String, Set<String>> seen = new TreeMap<>();
        List<Meter> meters = registry.getMeters().stream().filter(m -> m.getId().getName().startsWith("break.")).toList();
        assertTrue(meters.size() > 10, "meters: " + meters.size());
        for (Meter meter : meters) {
            for (Tag tag : meter.getId().getTags()) {
                seen.computeIfAbsent(tag.getKey(), k -> new TreeSet<>()).add(tag.getValue());
                assertTrue(allowed.containsKey(tag.getKey()), "an unexpected tag: " + meter.getId());
                assertTrue(allowed.get(tag.getKey()).contains(tag.getValue()), "outside its set: " + meter.getId());
                assertFalse(tag.getValue().contains("@") || tag.getValue().matches(".*[0-9a-f]{8}-.*"), meter.getId().toString());
            }
        }
        assertEquals(Set.of("operation", "outcome", "type", "status"), seen.keySet(), seen.toString());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet());
    }
}
