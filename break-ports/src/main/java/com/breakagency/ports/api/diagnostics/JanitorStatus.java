package com.breakagency.ports.api.diagnostics;

import com.breakagency.ports.api.recovery.JanitorFinding;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The janitor's last run on any service instance, as its audit events recorded it.
 *
 * @param lastRunId       the last run's id; empty if the janitor never ran
 * @param lastRunAt       when the last run finished
 * @param lastRunFound    how many broken states the last run found
 * @param lastRunFindings what it found, at most the first 100
 * @param overdue         true if the janitor has not run although one janitor interval has passed since the
 *                        agency started, or if its last run is older than three janitor intervals
 */
public record JanitorStatus(Optional<String> lastRunId, Optional<Instant> lastRunAt, long lastRunFound,
                            List<JanitorFinding> lastRunFindings, boolean overdue) {

    /**
     * Checks presence and copies.
     *
     * @param lastRunId the last run's id; empty if the janitor never ran
     * @param lastRunAt when the last run finished
     * @param lastRunFound how many broken states the last run found
     * @param lastRunFindings what it found, at most the first 100
     * @param overdue true if the janitor has not run although one janitor interval has passed since the
     *        agency started, or if its last run is older than three janitor intervals
     */
    public JanitorStatus {
        Objects.requireNonNull(lastRunId, "lastRunId");
        Objects.requireNonNull(lastRunAt, "lastRunAt");
        lastRunFindings = List.copyOf(Objects.requireNonNull(lastRunFindings, "lastRunFindings"));
    }
}
