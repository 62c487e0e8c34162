package com.breakagency.ports.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What a {@code BreakException} and its {@code Problem} show of what an adapter or a caller put in them. */
class BreakExceptionRedactionTest {

    private static final String SECRETS = "jane@brand.com sk_live_4eC39HqLyjWDarjtT1zdp7dc password='hunter2'"
            + " GB82 WEST 1234 5698 7654 32\n19:00:00.000 ERROR FAKE LINE";

    @Test
    void get_message_is_redacted_so_a_host_that_logs_it_prints_nothing_break_would_not() {
        BreakException error = BreakException.builder(ErrorCode.CONFLICT).reason("SOMETHING").detail(SECRETS).build();

        String message = error.getMessage();

        assertFalse(message.contains("jane@brand.com"), message);
        assertFalse(message.contains("sk_live_"), message);
        assertFalse(message.contains("hunter2"), message);
        assertFalse(message.contains("WEST 1234"), message);
        assertFalse(message.contains("\n"), message);
        assertTrue(message.startsWith("CONFLICT/SOMETHING: [email] [redacted]"), message);
        assertEquals(message, error.toString().substring(error.getClass().getName().length() + 2));
    }

    @Test
    void not_found_keeps_an_id_of_the_id_form() {
        assertEquals("brand-01HZX_4.a", BreakException.notFound("brand", "brand-01HZX_4.a").metadata().get("id"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sk_live_4eC39HqLyjWDarjtT1zdp7dc", "x\n19:00:00.000 ERROR com.breakagency FAKE LINE",
            "jane@brand.com", "", " ", "a b"})
    void not_found_and_version_mismatch_never_carry_an_id_that_is_not_of_the_id_form(String id) {
        assertEquals(BreakException.INVALID_ID, BreakException.notFound("brand", id).metadata().get("id"));
        assertEquals(BreakException.INVALID_ID, BreakException.versionMismatch("brand", id).metadata().get("id"));
        assertFalse(BreakException.notFound("brand", id).getMessage().contains(id.isBlank() ? "\u0000" : id));
    }

    @Test
    void a_very_long_id_is_refused_before_any_pattern_reads_it() {
        assertEquals(BreakException.INVALID_ID, BreakException.loggableId("a".repeat(1_000_000)));
        assertEquals(BreakException.INVALID_ID, BreakException.loggableId(null));
    }

    @Test
    void a_reason_is_still_upper_snake_and_checked_without_a_regex_that_recurses() {
        assertThrows(IllegalArgumentException.class, () -> new BreakException(ErrorCode.CONFLICT, "A__B", "x"));
        assertThrows(IllegalArgumentException.class, () -> new BreakException(ErrorCode.CONFLICT, "A_", "x"));
        assertThrows(IllegalArgumentException.class, () -> new BreakException(ErrorCode.CONFLICT, "_A", "x"));
        assertThrows(IllegalArgumentException.class, () -> new BreakException(ErrorCode.CONFLICT, "a", "x"));
        assertThrows(IllegalArgumentException.class, () -> new BreakException(ErrorCode.CONFLICT, "", "x"));
        assertEquals("A1_B2_C", new BreakException(ErrorCode.CONFLICT, "A1_B2_C", "x").reason());
        String longReason = "A" + "_B".repeat(100_000);
        assertEquals(longReason, new BreakException(ErrorCode.CONFLICT, longReason, "x").reason());
    }

    @Test
    void field_error_messages_are_redacted_in_the_problem() throws Exception {
        BreakException error = BreakException.validation(List.of(
                new FieldError("#/name\n19:00 ERROR", "Size", "jane@brand.com is taken; token=abc123secret")));

        ObjectMapper mapper = new ObjectMapper();
        String json = mapper.writeValueAsString(Problem.of(error, null));

        assertFalse(json.contains("jane@brand.com"), json);
        assertFalse(json.contains("abc123secret"), json);
        assertTrue(json.contains("[email] is taken; token=[redacted]"), json);
        String pointer = mapper.readTree(json).get("errors").get(0).get("pointer").asText();
        assertEquals("#/name\\n19:00 ERROR", pointer);
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void every_code_renders_without_a_context(ErrorCode code) {
        BreakException error = BreakException.builder(code).reason("NO_ACTOR").detail("No actor was given.").build();

        Problem problem = Problem.of(error, null);

        assertEquals(code.httpStatus(), problem.status());
        assertNull(problem.correlationId());
        assertNull(problem.instance());
        assertEquals(code.serverSide() ? "The request could not be completed." : "No actor was given.",
                problem.detail());
    }

    @Test
    void without_a_context_the_correlation_id_the_error_carries_is_used() {
        BreakException error = BreakException.builder(ErrorCode.UNAUTHENTICATED).reason("NO_ACTOR")
                .metadata(BreakException.CORRELATION_ID, "req-host-42").build();

        Problem problem = Problem.of(error, null);

        assertEquals("req-host-42", problem.correlationId());
        assertEquals("urn:break:correlation:req-host-42", problem.instance());
    }

    @Test
    void a_carried_correlation_id_not_of_the_documented_form_is_not_rendered() {
        BreakException error = BreakException.builder(ErrorCode.UNAUTHENTICATED).reason("NO_ACTOR")
                .metadata(BreakException.CORRELATION_ID, "jane@brand.com").build();

        assertNull(Problem.of(error, null).correlationId());
    }
}
