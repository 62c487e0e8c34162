package com.breakagency.core.recovery;

import com.breakagency.testkit.AgencyFixture;
import com.breakagency.core.TestAgencies;
import com.breakagency.core.BreakAgencyBuilder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.core.BreakAgency;
import com.breakagency.ports.api.diagnostics.Health;
import com.breakagency.ports.api.diagnostics.HealthStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A fresh agency whose janitor has not run yet is healthy: "never ran" counts from the agency's start and
 * only once its first janitor interval has passed, so readiness probes do not fail from the first second.
 */
class JanitorGraceTest {

    private static final Duration INTERVAL = BreakAgencyBuilder.DEFAULT_JANITOR_INTERVAL;

    @Test
    void a_fresh_agency_is_up_until_one_janitor_interval_has_passed_without_a_run_then_degraded_then_up_after_a_run() {
        try (AgencyFixture<BreakAgency> office = TestAgencies.inMemory()) {
            Health atStart = office.agency().diagnostics().health(AgencyFixture.anAdmin());
            assertEquals(HealthStatus.UP, atStart.status(), atStart.reasons().toString());
            assertFalse(atStart.workflow().janitor().overdue());
            assertEquals(List.of(), atStart.reasons());

            office.clock().advance(INTERVAL.minusMillis(1));
            Health justBefore = office.agency().diagnostics().health(AgencyFixture.anAdmin());
            assertEquals(HealthStatus.UP, justBefore.status(), justBefore.reasons().toString());

            office.clock().advance(Duration.ofMillis(1));
            Health atTheInterval = office.agency().diagnostics().health(AgencyFixture.anAdmin());
            assertEquals(HealthStatus.UP, atTheInterval.status(), "exactly one interval is not yet overdue");

            office.clock().advance(Duration.ofMillis(1));
            Health overdue = office.agency().diagnostics().health(AgencyFixture.anAdmin());
            assertEquals(HealthStatus.DEGRADED, overdue.status());
            assertTrue(overdue.workflow().janitor().overdue());
            assertEquals(List.of("the janitor has never run"), overdue.reasons());

            office.agency().runJanitor();
            Health afterRun = office.agency().diagnostics().health(AgencyFixture.anAdmin());
            assertEquals(HealthStatus.UP, afterRun.status(), afterRun.reasons().toString());
            assertFalse(afterRun.workflow().janitor().overdue());
        }
    }

    @Test
    void the_grace_counts_from_this_agencys_start_not_from_the_clock_of_another() {
        try (AgencyFixture<BreakAgency> first = TestAgencies.inMemory()) {
            first.clock().advance(INTERVAL.multipliedBy(10));
            // a second instance started now on the same stores: its janitor has had no interval yet
            try (AgencyFixture<BreakAgency> second = TestAgencies.another(first, b -> b)) {
                assertEquals(HealthStatus.DEGRADED, first.agency().diagnostics().health(AgencyFixture.anAdmin()).status());
                assertEquals(HealthStatus.UP, second.agency().diagnostics().health(AgencyFixture.anAdmin()).status());
            }
        }
    }
}
