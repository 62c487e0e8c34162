package com.breakagency.ports.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ProblemTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OperationContext CONTEXT =
            OperationContext.of(Actor.staff("u-finance-1", Role.FINANCE), "req-7f3a");
    private static final Set<String> MEMBERS = Set.of("type", "title", "status", "detail", "instance",
            "code", "reason", "retryable", "correlationId", "errors", "retryAfterSeconds");

    private static JsonNode render(BreakException error) throws Exception {
        return JSON.readTree(JSON.writeValueAsString(Problem.of(error, CONTEXT)));
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static BreakException anError(ErrorCode code) {
        return BreakException.builder(code).reason("SOMETHING_SPECIFIC")
                .detail("Invoice inv-42 for jane@brand.com could not be saved; access_token=abc123secret was refused.")
                .cause(new IllegalStateException("driver said refresh_token=abc123secret"))
                .build();
    }

    @Test
    void the_media_type_is_problem_json() {
        assertEquals("application/problem+json", Problem.MEDIA_TYPE);
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void every_code_renders_exactly_the_rfc_9457_members_and_breaks_extensions(ErrorCode code) throws Exception {
        JsonNode problem = render(anError(code));

        assertEquals(new TreeSet<>(MEMBERS), names(problem));
        assertEquals(code.typeUri(), problem.get("type").asText());
        assertEquals(code.title(), problem.get("title").asText());
        assertEquals(code.httpStatus(), problem.get("status").asInt());
        assertTrue(problem.get("status").isInt(), "status is a JSON number");
        assertEquals("urn:break:correlation:req-7f3a", problem.get("instance").asText());
        assertEquals(code.name(), problem.get("code").asText());
        assertEquals("SOMETHING_SPECIFIC", problem.get("reason").asText());
        assertEquals(code.retryable("SOMETHING_SPECIFIC"), problem.get("retryable").asBoolean());
        assertTrue(problem.get("retryable").isBoolean(), "retryable is a JSON boolean");
        assertEquals("req-7f3a", problem.get("correlationId").asText());
        assertTrue(problem.get("errors").isArray());
        assertTrue(problem.get("retryAfterSeconds").isNull());
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void no_problem_carries_an_email_a_secret_or_a_stack_trace(ErrorCode code) throws Exception {
        String json = JSON.writeValueAsString(Problem.of(anError(code), CONTEXT));

        assertFalse(json.contains("jane@brand.com"), json);
        assertFalse(json.contains("abc123secret"), json);
        assertFalse(json.contains("IllegalStateException"), json);
        assertFalse(json.contains("driver said"), json);
    }

    @ParameterizedTest
    @EnumSource(value = ErrorCode.class, names = {"WORKFLOW_BREAK", "TOKEN_REFRESH_FAILED",
            "INTEGRATION_UNAVAILABLE", "PERSISTENCE_UNAVAILABLE", "UNHANDLED_ERROR"})
    void a_server_side_problem_shows_a_generic_detail_naming_only_the_correlation_id(ErrorCode code)
            throws Exception {
        JsonNode problem = render(anError(code));

        assertTrue(code.serverSide());
        assertEquals("The request could not be completed. Reference: req-7f3a.", problem.get("detail").asText());
        assertFalse(problem.get("detail").asText().contains("inv-42"));
    }

    @ParameterizedTest
    @EnumSource(value = ErrorCode.class, names = {"VALIDATION_FAILED", "UNAUTHENTICATED", "FORBIDDEN",
            "NOT_FOUND", "CONFLICT", "RATE_LIMITED"})
    void a_client_side_problem_shows_the_detail_redacted(ErrorCode code) throws Exception {
        JsonNode problem = render(anError(code));

        assertFalse(code.serverSide());
        assertEquals("Invoice inv-42 for [email] could not be saved; access_token=[redacted] was refused.",
                problem.get("detail").asText());
    }

    @Test
    void field_errors_render_as_pointer_constraint_and_message_sorted_by_pointer() throws Exception {
        BreakException error = BreakException.validation(new ArrayList<>(List.of(
                new FieldError("#/tags/1", "NotBlank", "must not be blank"),
                new FieldError("#/lines/0/amount", "PositiveOrZero", "must be greater than or equal to 0"),
                new FieldError("#/email", "Email", "must be a well-formed email address"))));

        JsonNode errors = render(error).get("errors");

        assertEquals(3, errors.size());
        List<String> pointers = new ArrayList<>();
        for (JsonNode fieldError : errors) {
            assertEquals(Set.of("pointer", "constraint", "message"), names(fieldError));
            pointers.add(fieldError.get("pointer").asText());
        }
        assertEquals(List.of("#/email", "#/lines/0/amount", "#/tags/1"), pointers);
        assertEquals("PositiveOrZero", errors.get(1).get("constraint").asText());
    }

    @ParameterizedTest(name = "{0} ms + {1} ns -> {2} s")
    @CsvSource({
            "1, 0, 1",
            "999, 0, 1",
            "1000, 0, 1",
            "1001, 0, 2",
            "1500, 0, 2",
            "1000, 1, 2",
            "30000, 0, 30",
            "59999, 999999, 60"})
    void retry_after_rounds_up_to_whole_seconds(long millis, long nanos, long seconds) throws Exception {
        BreakException limited = BreakException.builder(ErrorCode.RATE_LIMITED).reason("TOO_MANY_CALLS")
                .retryAfter(Duration.ofMillis(millis).plusNanos(nanos)).build();

        Problem problem = Problem.of(limited, CONTEXT);

        assertEquals(seconds, problem.retryAfterSeconds());
        assertEquals(seconds, render(limited).get("retryAfterSeconds").asLong());
    }

    @Test
    void a_problem_without_a_retry_after_has_none() {
        assertNull(Problem.of(BreakException.conflict(Reason.IN_PROGRESS, "Still running."), CONTEXT)
                .retryAfterSeconds());
    }

    @Test
    void a_very_long_retry_after_does_not_overflow() {
        BreakException limited = BreakException.builder(ErrorCode.RATE_LIMITED)
                .retryAfter(Duration.ofSeconds(Long.MAX_VALUE / 2)).build();

        assertEquals(Long.MAX_VALUE / 2, Problem.of(limited, CONTEXT).retryAfterSeconds());
    }
}
