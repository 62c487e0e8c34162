package com.breakagency.core.boundary;

import static com.breakagency.core.boundary.BoundaryHarness.EMAIL;
import static com.breakagency.core.boundary.BoundaryHarness.PLACE_ORDER;
import static com.breakagency.core.boundary.BoundaryHarness.anAgent;
import static com.breakagency.core.boundary.BoundaryHarness.failure;
import static com.breakagency.core.boundary.BoundaryHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.core.boundary.PlaceOrder.Line;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.FieldError;
import com.breakagency.ports.error.Problem;
import com.breakagency.testkit.LogCapture;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BoundaryValidationTest {

    /** Looks like a credential; given where a reference number belongs. */
    private static final String SECRET_LOOKING = "refresh_token=abc123secret";

    private final BoundaryHarness harness = new BoundaryHarness();
    private final LogCapture logs = LogCapture.of("com.breakagency");
    private final AtomicInteger useCaseRuns = new AtomicInteger();

    @AfterEach
    void detachLogs() {
        logs.close();
    }

    private BreakException place(OperationContext context, PlaceOrder command) {
        return failure(() -> harness.boundary.call(context, PLACE_ORDER, command, (call, order) -> {
            useCaseRuns.incrementAndGet();
            harness.orders.put("order-1", order);
            return "order-1";
        }));
    }

    private static List<String> pointersAndConstraints(BreakException error) {
        return error.fieldErrors().stream().map(e -> e.pointer() + " " + e.constraint()).collect(Collectors.toList());
    }

    @Test
    void an_invalid_command_fails_with_field_errors_sorted_by_json_pointer() {
        PlaceOrder order = new PlaceOrder("  ", EMAIL, "Brand.COM", SECRET_LOOKING,
                List.of(new Line("POST-IG", 1, 100), new Line("", 0, -5)),
                Arrays.asList("spring", " ", null));

        BreakException error = place(anAgent("req-validation-1"), order);

        assertEquals(ErrorCode.VALIDATION_FAILED, error.code());
        assertEquals(List.of(
                        "#/brandDomain Pattern",
                        "#/contactEmail Size",
                        "#/lines/1/amount PositiveOrZero",
                        "#/lines/1/quantity Positive",
                        "#/lines/1/sku NotBlank",
                        "#/reference Pattern",
                        "#/tags/1 NotBlank",
                        "#/tags/2 NotBlank",
                        "#/title NotBlank"),
                pointersAndConstraints(error));
        assertEquals(0, useCaseRuns.get(), "the use case never runs for an invalid command");
        assertEquals(0, harness.orders.size());
    }

    @Test
    void container_elements_and_nested_records_are_pointed_at_by_index() {
        PlaceOrder order = new PlaceOrder("Spring", "j@b.co", "brand.com", null,
                Arrays.asList(new Line("A", 1, 1), null), List.of("ok", "x".repeat(21)));

        BreakException error = place(anAgent("req-validation-2"), order);

        assertEquals(List.of("#/lines/1 NotNull", "#/tags/1 Size"), pointersAndConstraints(error));
    }

    @Test
    void list_and_command_level_sizes_point_at_the_list_itself() {
        PlaceOrder order = new PlaceOrder("Spring", "j@b.co", "brand.com", null, List.of(),
                List.of("a", "b", "c", "d"));

        BreakException error = place(anAgent("req-validation-3"), order);

        assertEquals(List.of("#/lines Size", "#/tags Size"), pointersAndConstraints(error));
    }

    @Test
    void a_null_command_fails_with_one_error_pointing_at_the_whole_command() {
        BreakException error = place(anAgent("req-validation-4"), null);

        assertEquals(ErrorCode.VALIDATION_FAILED, error.code());
        assertEquals(List.of(new FieldError("#", "NotNull", "must not be null")), error.fieldErrors());
        assertEquals(0, useCaseRuns.get());
    }

    @Test
    void a_valid_command_reaches_the_use_case() {
        String id = harness.boundary.call(anAgent("req-validation-5"), PLACE_ORDER, PlaceOrder.aValidOrder(),
                (call, order) -> {
                    useCaseRuns.incrementAndGet();
                    harness.orders.put("order-1", order);
                    return "order-1";
                });

        assertEquals("order-1", id);
        assertEquals(1, useCaseRuns.get());
        assertTrue(harness.orders.get("order-1").isPresent());
    }

    @Test
    void rejected_values_appear_neither_in_the_problem_nor_in_any_log_line() {
        OperationContext context = anAgent("req-validation-6");
        PlaceOrder order = new PlaceOrder("Spring", EMAIL, "brand.com", SECRET_LOOKING,
                List.of(new Line("POST-IG", 1, 100)), null);

        BreakException error = place(context, order);
        String problem = json(Problem.of(error, context));

        assertEquals(List.of("#/contactEmail Size", "#/reference Pattern"), pointersAndConstraints(error));
        for (String rejected : List.of(EMAIL, SECRET_LOOKING, "abc123secret")) {
            assertFalse(problem.contains(rejected), () -> rejected + " in " + problem);
            assertFalse(logs.allText().contains(rejected), () -> rejected + " in " + logs.allText());
            assertFalse(error.getMessage().contains(rejected), () -> rejected + " in " + error.getMessage());
        }
        assertTrue(problem.contains("\"pointer\":\"#/contactEmail\""), problem);
        assertTrue(problem.contains("\"constraint\":\"Size\""), problem);
    }

    @Test
    void a_validation_failure_is_logged_once_at_debug_and_not_reported() {
        place(anAgent("req-validation-7"), new PlaceOrder("", "j@b.co", "brand.com", null,
                List.of(new Line("A", 1, 1)), null));

        assertEquals(1, logs.events().size(), logs::allText);
        assertEquals(1, logs.events("DEBUG").size(), logs::allText);
        assertTrue(logs.events().get(0).getFormattedMessage().startsWith("VALIDATION_FAILED/INVALID_INPUT"));
        assertEquals(List.of(), harness.reporter.reports());
    }
}
