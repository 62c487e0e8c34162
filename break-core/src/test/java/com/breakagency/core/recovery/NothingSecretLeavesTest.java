package com.breakagency.core.recovery;

import com.breakagency.ports.model.Money;
import com.breakagency.testkit.AgencyFixture;
import com.breakagency.core.FailingCommissions;
import com.breakagency.core.TestAgencies;
import com.breakagency.core.BreakAgency;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.breakagency.core.Backoff;
import com.breakagency.core.boundary.Boundary;
import com.breakagency.ports.api.crm.CreateBrand;
import com.breakagency.ports.api.recovery.StepQuery;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.FieldError;
import com.breakagency.ports.error.Problem;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.work.StepStatus;
import com.breakagency.ports.model.work.WorkStep;
import com.breakagency.ports.spi.Activities;
import com.breakagency.ports.spi.AuditLog;
import com.breakagency.ports.spi.Brands;
import com.breakagency.ports.spi.CommissionPlans;
import com.breakagency.ports.spi.Commissions;
import com.breakagency.ports.spi.Contacts;
import com.breakagency.ports.spi.Deals;
import com.breakagency.ports.spi.IdempotencyKeys;
import com.breakagency.ports.spi.Invoices;
import com.breakagency.ports.spi.Payments;
import com.breakagency.ports.spi.Persistence;
import com.breakagency.ports.spi.Talents;
import com.breakagency.ports.spi.Transactions;
import com.breakagency.ports.spi.WorkQueue;
import com.breakagency.testkit.InMemoryPersistence;
import com.breakagency.testkit.LogCapture;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * Every shape of secret Redaction knows, seeded into every channel a host can reach (an adapter's
 * exception message, metadata keys and values, field-error messages, ids, cursors, user ids, a step's
 * failure), and every channel that leaves Break grepped for them: log lines and their MDC, error reports,
 * problems as JSON, the messages of what the host catches, stored step errors and the health answer.
 */
class NothingSecretLeavesTest {

    /** What a secret looks like in context, and the part of it that must never leave. */
    record Shape(String text, String secret) {
    }

    static final List<Shape> SHAPES = List.of(
            new Shape("mail jane@brand.com", "jane@brand.com"),
            new Shape("mail jäne@bücher.example", "bücher"),
            new Shape("to=jane.doe%40northwind.example", "northwind"),
            new Shape("Authorization: Bearer abcDEF123bearer", "abcDEF123bearer"),
            new Shape("Authorization: Basic dXNlcjpwYXNzd29yZA==", "dXNlcjpwYXNzd29yZA"),
            new Shape("refresh_token='r3fr3sh-v4lue'", "r3fr3sh-v4lue"),
            new Shape("client_secret = 'cl13nt-s3cr3t'", "cl13nt-s3cr3t"),
            new Shape("{\"token\": \"t0k3n-v4lue\"}", "t0k3n-v4lue"),
            new Shape("token=\\\"esc4ped-t0k3n\\\"", "esc4ped-t0k3n"),
            new Shape("access_token=acc3ss-v4lue", "acc3ss-v4lue"),
            new Shape("id_token: 1d-t0k3n-v4lue", "1d-t0k3n-v4lue"),
            new Shape("password=hunter2pw", "hunter2pw"),
            new Shape("passwd: hunter3pw", "hunter3pw"),
            new Shape("api_key=ap1-k3y-one", "ap1-k3y-one"),
            new Shape("apikey=ap1-k3y-two", "ap1-k3y-two"),
            new Shape("X-Api-Key: ap1-k3y-three", "ap1-k3y-three"),
            new Shape("secret=s3cr3t-v4lue", "s3cr3t-v4lue"),
            new Shape("cb?code=4/0AbCdEf-gh&x=1", "4/0AbCdEf-gh"),
            new Shape("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJqYW5lIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
                    "eyJzdWIiOiJqYW5lIn0"),
            new Shape("ya29.a0AfH6SMBx3-yZ_w9", "a0AfH6SMBx3"),
            new Shape("1//0gAbCdEfGh-IjK", "0gAbCdEfGh"),
            new Shape("sk_live_4eC39HqLyjWDarjtT1zdp7dc", "4eC39HqLyjWDarjtT1zdp7dc"),
            new Shape("sk_test_5fD40IrMzkXEbskuU2aeq8ed", "5fD40IrMzkXEbskuU2aeq8ed"),
            new Shape("rk_live_51HqLyjWDarjtT1zd", "51HqLyjWDarjtT1zd"),
            new Shape("pk_live_61IrMzkXEbskuU2ae", "61IrMzkXEbskuU2ae"),
            new Shape("whsec_5WbX5kEWLlfzsGNjH64I8lOOqUB6e8FH", "5WbX5kEWLlfzsGNjH64I8lOOqUB6e8FH"),
            new Shape("GB82 WEST 1234 5698 7654 32", "WEST 1234 5698"),
            new Shape("DE89370400440532013000", "DE89370400440532013000"),
            new Shape("sk9f8a7s6d5f4g3h2j1k0l9z8x7c6v5b4n", "sk9f8a7s6d5f4g3h2j1k0l9z8x7c6v5b4n"),
            new Shape("x\n19:00:00.000 ERROR com.breakagency.boundary FAKE LINE", "\n19:00:00.000"));

    static final String ALL = String.join(" ; ", SHAPES.stream().map(Shape::text).toList());

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The in-memory stores, except that brands and commission lines throw what the test arms them with. */
    static final class FailingStores extends FailingCommissions {
        final Persistence memory;
        final AtomicBoolean brandsFail = new AtomicBoolean();

        FailingStores(Persistence memory) {
            super(memory, () -> new IllegalStateException("driver said: " + ALL,
                    new java.io.IOException("socket closed; " + ALL)));
            this.memory = memory;
        }

        private final Brands brands = new Brands() {
            @Override
            public void insert(Brand brand) {
                if (brandsFail.get()) {
                    BreakException.Builder error = BreakException.builder(ErrorCode.VALIDATION_FAILED)
                            .reason("INVALID_INPUT").detail("adapter refused: " + ALL)
                            .fieldErrors(SHAPES.stream().map(s -> new FieldError("#/name", "Adapter", s.text())).toList());
                    SHAPES.forEach(s -> error.metadata(s.text(), s.text()));
                    throw error.build();
                }
                memory.brands().insert(brand);
            }

            @Override
            public void update(Brand brand) {
                memory.brands().update(brand);
            }

            @Override
            public Optional<Brand> findById(String id) {
                return memory.brands().findById(id);
            }

            @Override
            public Optional<Brand> findByDomain(String normalizedDomain) {
                return memory.brands().findByDomain(normalizedDomain);
            }

            @Override
            public List<Brand> list(Query query, Optional<String> afterId, int limit) {
                return memory.brands().list(query, afterId, limit);
            }
        };

        @Override
        public Brands brands() {
            return brands;
        }
    }

    @Test
    void every_shape_in_every_channel_leaves_nothing() throws Exception {
        AgencyFixture<BreakAgency> base = TestAgencies.inMemory();
        FailingStores stores = new FailingStores(base.stores());
        List<String> channels = new ArrayList<>();
        List<BreakException> caught = new ArrayList<>();
        Map<String, String> mdcValues = new LinkedHashMap<>();
        try (LogCapture logs = LogCapture.of("com.breakagency");
             AgencyFixture<BreakAgency> office = TestAgencies.another(base, b -> b.persistence(stores).backoff(Backoff.DEFAULT.withMaxAttempts(1)))) {
            // 1. an adapter's exception message (and its cause) from a call: UNHANDLED_ERROR, logged and reported
            Talent managed = office.aTalentManagedBy("agent-manager");
            Invoice issued = office.anIssuedInvoice(managed, Money.of(10_000, "GBP"));
            stores.armed.set(true);
            caught.add(assertThrows(BreakException.class, () -> office.payInFull(issued)));

            // 2. the same from a background step, which ends DEAD with its error stored
            Talent unmanaged = office.aTalentManagedBy(null);
            stores.armed.set(false);
            Invoice pending = office.anIssuedInvoice(unmanaged, Money.of(20_000, "GBP"));
            office.payInFull(pending);
            office.assignAgent(unmanaged, "agent-manager");
            stores.armed.set(true);
            office.agency().runDueSteps();
            stores.armed.set(false);

            // 3. detail, metadata keys and values, field-error messages from an adapter's BreakException
            stores.brandsFail.set(true);
            caught.add(assertThrows(BreakException.class, () -> office.agency().crm().createBrand(AgencyFixture.anAdmin(),
                    new CreateBrand("Acme", java.util.Set.of("acme.example"), "agent-owner", java.util.Set.of()))));
            stores.brandsFail.set(false);

            for (Shape shape : SHAPES) {
                // 4. ids and cursors a caller sent; a user id in the MDC
                caught.add(assertThrows(BreakException.class,
                        () -> office.agency().crm().getBrand(AgencyFixture.anAdmin(), shape.text())));
                caught.add(assertThrows(BreakException.class, () -> office.agency().recovery()
                        .listSteps(AgencyFixture.anAdmin(), new StepQuery(null, null, shape.text(), 10))));
                RuntimeException refused = assertThrows(RuntimeException.class, () -> office.agency().crm().getBrand(
                        OperationContext.of(Actor.staff("agent " + shape.text(), Role.AGENT)), "no-such-brand"));
                if (refused instanceof BreakException error) {
                    caught.add(error);
                }
            }

            // 5. a call without a context, with a host request id in the MDC
            MDC.put(Boundary.MDC_CORRELATION_ID, "req-host-1");
            try {
                caught.add(assertThrows(BreakException.class, () -> office.agency().crm().getBrand(null, ALL)));
            } finally {
                MDC.remove(Boundary.MDC_CORRELATION_ID);
            }

            List<WorkStep> dead = office.steps(StepStatus.DEAD);
            assertEquals(1, dead.size(), "the step failed with the adapter's message");
            office.agency().recovery().listSteps(AgencyFixture.anAdmin(), new StepQuery(StepStatus.DEAD, null, null, 10)).items()
                    .forEach(step -> channels.add("listSteps: " + step.lastError().orElse("") + " " + step));
            channels.add("health: " + office.agency().diagnostics().health(AgencyFixture.anAdmin()));

            for (ILoggingEvent event : logs.events()) {
                channels.add("log: " + event.getFormattedMessage());
                event.getMDCPropertyMap().forEach((k, v) -> mdcValues.put(k + "#" + mdcValues.size(), v));
            }
            channels.add("logs: " + logs.allText());
            office.reports().reports().forEach(report -> {
                channels.add("report: " + report);
                report.failure().ifPresent(failure -> channels.add("report failure: " + printed(failure)));
            });
            assertFalse(office.reports().reports().isEmpty(), "the unhandled error was reported");
            for (BreakException error : caught) {
                channels.add("getMessage: " + error.getMessage() + " / " + error);
                channels.add("problem: " + JSON.writeValueAsString(Problem.of(error, AgencyFixture.anAdmin())));
                channels.add("problem without context: " + JSON.writeValueAsString(Problem.of(error, null)));
            }
            mdcValues.forEach((k, v) -> channels.add("mdc " + k + ": " + v));
        }

        assertTrue(channels.size() > 100, "every channel was read: " + channels.size());
        List<String> hits = new ArrayList<>();
        for (String channel : channels) {
            for (Shape shape : SHAPES) {
                if (channel.contains(shape.secret())) {
                    hits.add(shape.secret().strip() + " in " + channel.substring(0, Math.min(300, channel.length())));
                }
            }
        }
        assertEquals(List.of(), hits);
        for (String channel : channels) {
            if (!channel.startsWith("logs: ") && !channel.startsWith("report failure: ")) {
                assertTrue(channel.chars().noneMatch(c -> c == '\n' || c == '\r' || c == '\u2028'),
                        () -> "a line break in " + channel);
            }
        }
    }

    @Test
    void a_call_without_a_context_is_logged_under_the_host_request_id_which_the_problem_shows() {
        try (LogCapture logs = LogCapture.of(Boundary.LOGGER_NAME); AgencyFixture<BreakAgency> office = TestAgencies.inMemory()) {
            MDC.put(Boundary.MDC_CORRELATION_ID, "req-host-7");
            BreakException error;
            try {
                error = assertThrows(BreakException.class, () -> office.agency().crm().getBrand(null, "brand-1"));
            } finally {
                MDC.remove(Boundary.MDC_CORRELATION_ID);
            }
            BreakException fresh = assertThrows(BreakException.class,
                    () -> office.agency().crm().getBrand(null, "brand-1"));

            assertEquals(ErrorCode.UNAUTHENTICATED, error.code());
            assertEquals("req-host-7", Problem.of(error, null).correlationId());
            List<ILoggingEvent> events = logs.events();
            assertEquals("req-host-7", events.get(0).getMDCPropertyMap().get(Boundary.MDC_CORRELATION_ID));
            assertEquals("DEBUG", events.get(0).getLevel().toString());
            String freshId = Problem.of(fresh, null).correlationId();
            assertEquals(freshId, events.get(1).getMDCPropertyMap().get(Boundary.MDC_CORRELATION_ID),
                    "without a host id the problem still names the id the call was logged under");
        }
    }

    private static String printed(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
