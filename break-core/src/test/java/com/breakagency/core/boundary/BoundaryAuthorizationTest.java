package com.breakagency.core.boundary;

import static com.breakagency.core.boundary.BoundaryHarness.ARCHIVE_BRAND;
import static com.breakagency.core.boundary.BoundaryHarness.GET_BRAND;
import static com.breakagency.core.boundary.BoundaryHarness.PLACE_ORDER;
import static com.breakagency.core.boundary.BoundaryHarness.aBrandUser;
import static com.breakagency.core.boundary.BoundaryHarness.aFinanceUser;
import static com.breakagency.core.boundary.BoundaryHarness.anAdmin;
import static com.breakagency.core.boundary.BoundaryHarness.failure;
import static com.breakagency.core.boundary.BoundaryHarness.jsonMap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.core.boundary.BoundaryHarness.TestBrand;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Problem;
import com.breakagency.testkit.LogCapture;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BoundaryAuthorizationTest {

    record BrandId(@NotBlank String id) {
    }

    private static final String EXISTING = "brand-1";
    private static final String MISSING = "brand-404";
    private static final String SOMEONE_ELSES = "brand-2";

    private final BoundaryHarness harness = new BoundaryHarness();
    private final AtomicInteger useCaseRuns = new AtomicInteger();
    private final AtomicInteger lookups = new AtomicInteger();
    private final LogCapture logs = LogCapture.of("com.breakagency");

    @BeforeEach
    void twoBrands() {
        harness.brands.put(EXISTING, new TestBrand(EXISTING, "Acme"));
        harness.brands.put(SOMEONE_ELSES, new TestBrand(SOMEONE_ELSES, "Globex"));
    }

    @AfterEach
    void detachLogs() {
        logs.close();
    }

    private TestBrand load(Call call, BrandId command) {
        useCaseRuns.incrementAndGet();
        lookups.incrementAndGet();
        return call.access().require(harness.brands.get(command.id()), TestBrand::ownership, "brand", command.id());
    }

    private String archive(OperationContext context, String id) {
        return harness.boundary.call(context, ARCHIVE_BRAND, new BrandId(id), (call, command) -> {
            TestBrand brand = load(call, command);
            harness.brands.remove(brand.id());
            return brand.id();
        });
    }

    private TestBrand get(OperationContext context, String id) {
        return harness.boundary.call(context, GET_BRAND, new BrandId(id), this::load);
    }

    /** The problem as JSON members, minus the two that name the occurrence. */
    private static Map<String, Object> withoutOccurrence(Problem problem) {
        Map<String, Object> members = jsonMap(problem);
        members.remove("correlationId");
        members.remove("instance");
        return members;
    }

    @Test
    void an_unauthorized_actor_gets_the_same_forbidden_for_an_existing_and_a_missing_id() {
        OperationContext first = aFinanceUser("req-auth-1");
        OperationContext second = aFinanceUser("req-auth-2");

        BreakException existing = failure(() -> archive(first, EXISTING));
        BreakException missing = failure(() -> archive(second, MISSING));

        assertEquals(ErrorCode.FORBIDDEN, existing.code());
        assertEquals(ErrorCode.FORBIDDEN, missing.code());
        assertEquals(existing.reason(), missing.reason());
        assertEquals(existing.detail(), missing.detail());
        assertEquals(existing.metadata(), missing.metadata());
        assertEquals(existing.getMessage(), missing.getMessage());
        assertEquals(withoutOccurrence(Problem.of(existing, first)), withoutOccurrence(Problem.of(missing, second)));
        assertNotEquals(Problem.of(existing, first).instance(), Problem.of(missing, second).instance());
        assertEquals(0, useCaseRuns.get(), "the use case never runs for a refused actor");
        assertEquals(0, lookups.get(), "nothing is looked up for a refused actor");
        assertTrue(harness.brands.get(EXISTING).isPresent());
    }

    @Test
    void both_refusals_log_the_same_warn_line_and_report_nothing() {
        failure(() -> archive(aFinanceUser("req-auth-3"), EXISTING));
        failure(() -> archive(aFinanceUser("req-auth-4"), MISSING));

        assertEquals(2, logs.events().size(), logs::allText);
        assertEquals(2, logs.events("WARN").size(), logs::allText);
        assertEquals(logs.events().get(0).getFormattedMessage(), logs.events().get(1).getFormattedMessage());
        assertEquals(List.of(), harness.reporter.reports());
    }

    @Test
    void an_actor_whose_role_the_table_does_not_name_is_refused_before_the_use_case() {
        BreakException error = failure(() -> harness.boundary.call(aBrandUser(EXISTING, "req-auth-5"), PLACE_ORDER,
                PlaceOrder.aValidOrder(), (call, order) -> useCaseRuns.incrementAndGet()));

        assertEquals(ErrorCode.FORBIDDEN, error.code());
        assertEquals(0, useCaseRuns.get());
    }

    @Test
    void an_allowed_actor_runs_the_use_case() {
        assertEquals(EXISTING, archive(anAdmin("req-auth-6"), EXISTING));

        assertEquals(1, useCaseRuns.get());
        assertTrue(harness.brands.get(EXISTING).isEmpty());
    }

    @Test
    void an_own_records_actor_reads_its_own_record() {
        TestBrand brand = get(aBrandUser(EXISTING, "req-auth-7"), EXISTING);

        assertEquals("Acme", brand.name());
    }

    @Test
    void an_own_records_actor_gets_the_same_forbidden_for_a_missing_id_and_someone_elses_record() {
        OperationContext first = aBrandUser(EXISTING, "req-auth-8");
        OperationContext second = aBrandUser(EXISTING, "req-auth-9");

        BreakException missing = failure(() -> get(first, MISSING));
        BreakException notOwned = failure(() -> get(second, SOMEONE_ELSES));

        assertEquals(ErrorCode.FORBIDDEN, missing.code());
        assertEquals(ErrorCode.FORBIDDEN, notOwned.code());
        assertEquals(missing.reason(), notOwned.reason());
        assertEquals(missing.detail(), notOwned.detail());
        assertEquals(missing.metadata(), notOwned.metadata());
        assertEquals(withoutOccurrence(Problem.of(missing, first)), withoutOccurrence(Problem.of(notOwned, second)));
        assertEquals(2, logs.events("WARN").size(), logs::allText);
    }

    @Test
    void an_unrestricted_actor_gets_not_found_for_a_missing_id() {
        BreakException error = failure(() -> get(anAdmin("req-auth-10"), MISSING));

        assertEquals(ErrorCode.NOT_FOUND, error.code());
        assertEquals("BRAND_NOT_FOUND", error.reason());
        assertEquals(1, lookups.get());
        assertEquals(1, logs.events("DEBUG").size(), logs::allText);
        assertEquals(List.of(), harness.reporter.reports());
    }

    @Test
    void a_call_without_a_context_is_unauthenticated_and_runs_nothing() {
        BreakException error = failure(() -> harness.boundary.call(null, PLACE_ORDER, PlaceOrder.aValidOrder(),
                (call, order) -> useCaseRuns.incrementAndGet()));

        assertEquals(ErrorCode.UNAUTHENTICATED, error.code());
        assertEquals(401, Problem.of(error, anAdmin("req-auth-11")).status());
        assertEquals(0, useCaseRuns.get());
        assertEquals(List.of(), harness.reporter.reports());
        assertEquals("anonymous", logs.events().get(0).getMDCPropertyMap().get(Boundary.MDC_USER_ID));
    }

    @Test
    void a_call_without_a_context_is_unauthenticated_even_when_the_command_is_invalid() {
        BreakException error = failure(() -> harness.boundary.call(null, ARCHIVE_BRAND, new BrandId(" "),
                (call, order) -> useCaseRuns.incrementAndGet()));

        assertEquals(ErrorCode.UNAUTHENTICATED, error.code());
    }
}
