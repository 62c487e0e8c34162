package com.breakagency.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.core.boundary.Boundary;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Severity;
import com.breakagency.testkit.InMemoryPersistence;
import com.breakagency.testkit.LogCapture;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Client errors are logged quietly by default, at the level a host asks for otherwise; FORBIDDEN stays WARN. */
class ClientErrorLogLevelTest {

    private static final OperationContext ADMIN = OperationContext.of(Actor.staff("admin-1", Role.ADMIN));
    private static final OperationContext TALENT = OperationContext.of(Actor.talent("talent-user-1", "talent-1"));

    private static List<String> levelsOf(BreakAgencyBuilder builder, OperationContext context) {
        try (LogCapture logs = LogCapture.of(Boundary.LOGGER_NAME);
             BreakAgency agency = builder.persistence(InMemoryPersistence.create()).build()) {
            assertThrows(BreakException.class, () -> agency.crm().getBrand(context, "no-such-brand"));
            return logs.events().stream().map(e -> e.getLevel().toString()).toList();
        }
    }

    @Test
    void a_missing_record_is_logged_at_debug_by_default() {
        assertEquals(Severity.DEBUG, BreakAgencyBuilder.DEFAULT_CLIENT_ERROR_LOG_LEVEL);
        assertEquals(List.of("DEBUG"), levelsOf(BreakAgency.builder(), ADMIN));
    }

    @ParameterizedTest
    @EnumSource(value = Severity.class, names = {"DEBUG", "INFO", "WARN"})
    void a_missing_record_is_logged_at_the_configured_level(Severity level) {
        assertEquals(List.of(level.name()), levelsOf(BreakAgency.builder().clientErrorLogLevel(level), ADMIN));
    }

    @Test
    void a_refused_access_stays_at_warn_whatever_the_client_level() {
        assertEquals(List.of("WARN"), levelsOf(BreakAgency.builder().clientErrorLogLevel(Severity.DEBUG), TALENT));
        assertEquals(Severity.WARN, ErrorCode.FORBIDDEN.severity());
    }

    @Test
    void client_errors_cannot_be_logged_at_error() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> BreakAgency.builder()
                .persistence(InMemoryPersistence.create()).clientErrorLogLevel(Severity.ERROR).build());
        assertTrue(refused.getMessage().contains("clientErrorLogLevel"), refused.getMessage());
        assertThrows(NullPointerException.class, () -> BreakAgency.builder().clientErrorLogLevel(null));
    }
}
