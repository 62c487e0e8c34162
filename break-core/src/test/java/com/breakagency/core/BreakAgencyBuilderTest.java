package com.breakagency.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.testkit.CapturingErrorReporter;
import com.breakagency.testkit.InMemoryPersistence;
import java.time.Duration;
import java.time.Period;
import org.junit.jupiter.api.Test;

class BreakAgencyBuilderTest {

    @Test
    void building_without_persistence_says_what_is_missing() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> BreakAgency.builder().build());
        assertTrue(e.getMessage().contains("persistence"), e.getMessage());
    }

    @Test
    void settings_out_of_range_are_refused_with_their_name() {
        BreakAgencyBuilder builder = BreakAgency.builder().persistence(InMemoryPersistence.create());
        IllegalStateException retention = assertThrows(IllegalStateException.class,
                () -> builder.idempotencyRetention(Duration.ofMinutes(5)).build());
        assertTrue(retention.getMessage().contains("idempotencyRetention"));
        IllegalStateException terms = assertThrows(IllegalStateException.class,
                () -> BreakAgency.builder().persistence(InMemoryPersistence.create()).paymentTerms(Period.ofDays(-1)).build());
        assertTrue(terms.getMessage().contains("paymentTerms"));
    }

    @Test
    void closing_the_agency_closes_its_reporter_once_and_is_idempotent() {
        CapturingErrorReporter reporter = new CapturingErrorReporter();
        BreakAgency agency = BreakAgency.builder().persistence(InMemoryPersistence.create()).errorReporter(reporter).build();
        assertFalse(reporter.closed());
        agency.close();
        assertTrue(reporter.closed());
        agency.close();
        assertTrue(reporter.closed());
    }

    @Test
    void every_instant_is_kept_to_the_microsecond_as_a_database_keeps_it() {
        com.breakagency.testkit.TestClock clock = new com.breakagency.testkit.TestClock(
                java.time.Instant.parse("2026-01-05T09:00:00.123456789Z"), java.time.ZoneOffset.UTC);
        try (BreakAgency agency = BreakAgency.builder().persistence(InMemoryPersistence.create()).clock(clock).build()) {
            com.breakagency.ports.model.crm.Brand brand = agency.crm().createBrand(
                    com.breakagency.ports.context.OperationContext.of(com.breakagency.ports.context.Actor.staff("a",
                            com.breakagency.ports.context.Role.ADMIN)),
                    new com.breakagency.ports.api.crm.CreateBrand("Brand", java.util.Set.of("micro.example"), "a",
                            java.util.Set.of()));
            assertEquals(java.time.Instant.parse("2026-01-05T09:00:00.123456Z"), brand.createdAt());
        }
    }

    @Test
    void the_documented_defaults_are_the_ones_used() {
        assertEquals(Duration.ofHours(24), BreakAgencyBuilder.DEFAULT_IDEMPOTENCY_RETENTION);
        assertEquals(Period.ofDays(30), BreakAgencyBuilder.DEFAULT_PAYMENT_TERMS);
        assertEquals(java.time.Clock.systemUTC(), BreakAgencyBuilder.DEFAULT_CLOCK);
    }
}
