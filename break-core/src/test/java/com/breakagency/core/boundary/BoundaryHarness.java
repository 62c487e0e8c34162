package com.breakagency.core.boundary;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.Problem;
import com.breakagency.ports.spi.ErrorReporter;
import com.breakagency.testkit.CapturingErrorReporter;
import com.breakagency.testkit.InMemoryPersistence;
import com.breakagency.testkit.TestClock;
import com.breakagency.testkit.TransactionalMap;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.function.Executable;

/**
 * A real {@link Boundary} over in-memory persistence, a capturing reporter and a test clock, with a
 * small policy table and two stores the test use cases write to.
 */
final class BoundaryHarness {

    static final Operation PLACE_ORDER = new Operation("test.placeOrder");
    static final Operation ARCHIVE_BRAND = new Operation("test.archiveBrand");
    static final Operation GET_BRAND = new Operation("test.getBrand");

    /** Email and secret the tests feed in; neither may surface in a problem, a log line or a report. */
    static final String EMAIL = "jane@brand.com";
    static final String SECRET = "abc123secret";

    /** One validator for all tests, as one agency has one. */
    static final CommandValidator VALIDATOR = new CommandValidator();

    static final AccessPolicy POLICY = AccessPolicy.builder()
            .allow(PLACE_ORDER, Role.ADMIN, Role.AGENT)
            .allow(ARCHIVE_BRAND, Role.ADMIN)
            .allow(GET_BRAND, Role.ADMIN)
            .own(GET_BRAND, Role.BRAND)
            .build();

    static final ObjectMapper JSON = new ObjectMapper();

    /** A brand record a use case loads; owned by the brand user of the same id. */
    record TestBrand(String id, String name) {
        Ownership ownership() {
            return new Ownership(Set.of(), Optional.empty(), Optional.of(id));
        }
    }

    final InMemoryPersistence persistence = InMemoryPersistence.create();
    final CapturingErrorReporter reporter = new CapturingErrorReporter(persistence.transactions());
    final TestClock clock = new TestClock();
    final TransactionalMap<String, TestBrand> brands = new TransactionalMap<>(persistence.transactions());
    final TransactionalMap<String, PlaceOrder> orders = new TransactionalMap<>(persistence.transactions());
    final Boundary boundary;

    BoundaryHarness() {
        this.boundary = new Boundary(VALIDATOR, POLICY, persistence.transactions(), reporter, clock);
    }

    /** A harness whose boundary hands reports to another reporter. */
    BoundaryHarness(ErrorReporter otherReporter) {
        this.boundary = new Boundary(VALIDATOR, POLICY, persistence.transactions(), otherReporter, clock);
    }

    static OperationContext anAdmin(String correlationId) {
        return OperationContext.of(Actor.staff("u-admin-1", Role.ADMIN), correlationId);
    }

    static OperationContext anAgent(String correlationId) {
        return OperationContext.of(Actor.staff("u-agent-1", Role.AGENT), correlationId);
    }

    static OperationContext aFinanceUser(String correlationId) {
        return OperationContext.of(Actor.staff("u-finance-1", Role.FINANCE), correlationId);
    }

    static OperationContext aBrandUser(String brandId, String correlationId) {
        return OperationContext.of(Actor.brand("u-brand-" + brandId, brandId), correlationId);
    }

    static BreakException failure(Executable call) {
        return assertThrows(BreakException.class, call);
    }

    static String json(Problem problem) {
        try {
            return JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> jsonMap(Problem problem) {
        return JSON.convertValue(problem, new TypeReference<Map<String, Object>>() { });
    }

    static String printed(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
