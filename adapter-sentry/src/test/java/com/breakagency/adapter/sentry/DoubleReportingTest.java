package com.breakagency.adapter.sentry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.core.BreakAgency;
import io.sentry.SentryEvent;
import org.junit.jupiter.api.Test;

/** The switch that keeps a host from seeing each failure twice names the logger the boundary really uses. */
class DoubleReportingTest {

    @Test
    void the_documented_logger_name_is_the_boundarys() {
        assertEquals(BreakAgency.BOUNDARY_LOGGER_NAME, SentryErrorReporter.BOUNDARY_LOGGER_NAME);
    }

    @Test
    void only_log_events_of_the_boundary_logger_are_recognized() {
        SentryEvent fromBoundaryLog = new SentryEvent();
        fromBoundaryLog.setLogger(BreakAgency.BOUNDARY_LOGGER_NAME);
        SentryEvent fromHostLog = new SentryEvent();
        fromHostLog.setLogger("com.example.billing");
        SentryEvent fromBreaksReporter = new SentryEvent();

        assertTrue(SentryErrorReporter.isBoundaryLogEvent(fromBoundaryLog));
        assertFalse(SentryErrorReporter.isBoundaryLogEvent(fromHostLog));
        assertFalse(SentryErrorReporter.isBoundaryLogEvent(fromBreaksReporter));
        assertFalse(SentryErrorReporter.isBoundaryLogEvent(null));
    }
}
