package com.breakagency.ports.error;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins every code's published behaviour. Codes are a contract with hosts and dashboards: renaming one,
 * or changing its status, retryability, reporting, severity or title, must fail here first.
 */
class ErrorCodeTest {

    record Pinned(String name, int status, boolean retryable, boolean reported, Severity severity, String type,
                  String title) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Pinned> TABLE = List.of(
            new Pinned("VALIDATION_FAILED", 400, false, false, Severity.DEBUG,
                    "urn:break:problem:validation-failed", "Some of the information entered is not valid."),
            new Pinned("UNAUTHENTICATED", 401, false, false, Severity.DEBUG,
                    "urn:break:problem:unauthenticated", "Please sign in to continue."),
            new Pinned("FORBIDDEN", 403, false, false, Severity.WARN,
                    "urn:break:problem:forbidden", "You don't have permission to do that."),
            new Pinned("NOT_FOUND", 404, false, false, Severity.DEBUG,
                    "urn:break:problem:not-found", "We couldn't find what you were looking for."),
            new Pinned("CONFLICT", 409, false, false, Severity.DEBUG,
                    "urn:break:problem:conflict", "This was changed or done already. Refresh and try again."),
            new Pinned("RATE_LIMITED", 429, true, false, Severity.DEBUG,
                    "urn:break:problem:rate-limited", "Too many requests. Please wait a moment and try again."),
            new Pinned("WORKFLOW_BREAK", 500, false, true, Severity.ERROR,
                    "urn:break:problem:workflow-break",
                    "A background step could not complete. The team has been notified."),
            // retryable only for TOKEN_ENDPOINT_UNAVAILABLE; see the test below
            new Pinned("TOKEN_REFRESH_FAILED", 502, false, true, Severity.ERROR,
                    "urn:break:problem:token-refresh-failed", "We couldn't refresh the connection to your account."),
            new Pinned("INTEGRATION_UNAVAILABLE", 503, true, false, Severity.WARN,
                    "urn:break:problem:integration-unavailable",
                    "A connected service is not responding. Please try again shortly."),
            new Pinned("PERSISTENCE_UNAVAILABLE", 503, true, true, Severity.ERROR,
                    "urn:break:problem:persistence-unavailable",
                    "We're having trouble saving right now. Please try again shortly."),
            new Pinned("UNHANDLED_ERROR", 500, false, true, Severity.ERROR,
                    "urn:break:problem:unhandled-error",
                    "Something went wrong on our side. The team has been notified."));

    static Stream<Pinned> table() {
        return TABLE.stream();
    }

    @Test
    void the_table_names_every_code_exactly_once_in_declaration_order() {
        assertEquals(EnumSet.allOf(ErrorCode.class).stream().map(Enum::name).collect(Collectors.toList()),
                TABLE.stream().map(Pinned::name).collect(Collectors.toList()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void each_code_keeps_its_status_retryability_reporting_severity_type_and_title(Pinned pinned) {
        ErrorCode code = ErrorCode.valueOf(pinned.name());
        assertAll(
                () -> assertEquals(pinned.status(), code.httpStatus(), "status"),
                () -> assertEquals(pinned.retryable(), code.retryable(Reason.UNSPECIFIED), "retryable"),
                () -> assertEquals(pinned.reported(), code.reported(), "reported"),
                () -> assertEquals(pinned.severity(), code.severity(), "severity"),
                () -> assertEquals(pinned.type(), code.typeUri(), "type"),
                () -> assertEquals(pinned.title(), code.title(), "title"),
                () -> assertEquals(pinned.status() >= 500, code.serverSide(), "serverSide"));
    }

    @Test
    void token_refresh_failures_are_retryable_only_when_the_token_endpoint_was_unavailable() {
        assertTrue(ErrorCode.TOKEN_REFRESH_FAILED.retryable(Reason.TOKEN_ENDPOINT_UNAVAILABLE));
        assertFalse(ErrorCode.TOKEN_REFRESH_FAILED.retryable(Reason.REFRESH_TOKEN_REVOKED));
        assertFalse(ErrorCode.TOKEN_REFRESH_FAILED.retryable(Reason.UNSPECIFIED));
    }

    @Test
    void a_break_exception_is_retryable_as_its_code_says_for_its_reason() {
        assertTrue(new BreakException(ErrorCode.TOKEN_REFRESH_FAILED, Reason.TOKEN_ENDPOINT_UNAVAILABLE, "x")
                .retryable());
        assertFalse(new BreakException(ErrorCode.TOKEN_REFRESH_FAILED, Reason.REFRESH_TOKEN_REVOKED, "x")
                .retryable());
        assertTrue(new BreakException(ErrorCode.PERSISTENCE_UNAVAILABLE, "DATABASE_UNREACHABLE", "x").retryable());
        assertFalse(BreakException.conflict(Reason.VERSION_MISMATCH, "x").retryable());
    }
}
