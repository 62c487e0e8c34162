package com.breakagency.ports.api.diagnostics;

import com.breakagency.ports.model.work.StepStatus;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The health of Break's background work.
 *
 * <p>The rules, in order of severity:
 * <ul>
 *   <li>DOWN when a paid invoice has a payment without commission lines and no active repair step
 *       ({@code paidWithoutCommissionsOrStep > 0}): nothing will fix it until the janitor queues one;</li>
 *   <li>DEGRADED when a step is DEAD, when the oldest due step has waited longer than the worker's lease
 *       (no worker is taking steps), or when the janitor is overdue (never ran, or not within three of its
 *       intervals);</li>
 *   <li>UP otherwise.</li>
 * </ul>
 *
 * @param status                       the section's status, by the rules above
 * @param reasons                      why it is not UP, in plain words with identifiers only
 * @param queueDepth                   step type → status → count; only non-zero counts
 * @param oldestDueAge                 how long the PENDING step that has been due longest has waited; empty if none
 *        is due
 * @param deadSteps                    how many steps are DEAD
 * @param deadStepSamples              the first DEAD steps (at most 20) with their redacted last errors
 * @param janitor                      the janitor's last run
 * @param paidWithoutCommissions       how many invoices have a payment without commission lines (pending ones included)
 * @param paidWithoutCommissionsOrStep how many of those have no PENDING, RUNNING or DEAD repair step
 */
public record WorkflowHealth(HealthStatus status, List<String> reasons, Map<String, Map<StepStatus, Long>> queueDepth,
                             Optional<Duration> oldestDueAge, long deadSteps, List<DeadStep> deadStepSamples,
                             JanitorStatus janitor, long paidWithoutCommissions, long paidWithoutCommissionsOrStep) {

    /**
     * Checks presence and copies, keeping the queue depth sorted by type and status.
     *
     * @param status the section's status, by the rules above
     * @param reasons why it is not UP, in plain words with identifiers only
     * @param queueDepth step type → status → count; only non-zero counts
     * @param oldestDueAge how long the PENDING step that has been due longest has waited; empty if none is due
     * @param deadSteps how many steps are DEAD
     * @param deadStepSamples the first DEAD steps (at most 20) with their redacted last errors
     * @param janitor the janitor's last run
     * @param paidWithoutCommissions how many invoices have a payment without commission lines (pending ones included)
     * @param paidWithoutCommissionsOrStep how many of those have no PENDING, RUNNING or DEAD repair step
     */
    public WorkflowHealth {
        Objects.requireNonNull(status, "status");
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
        Map<String, Map<StepStatus, Long>> depth = new TreeMap<>();
        Objects.requireNonNull(queueDepth, "queueDepth").forEach((type, byStatus) -> {
            Map<StepStatus, Long> copy = new EnumMap<>(StepStatus.class);
            copy.putAll(byStatus);
            depth.put(type, Collections.unmodifiableMap(copy));
        });
        queueDepth = Collections.unmodifiableMap(depth);
        Objects.requireNonNull(oldestDueAge, "oldestDueAge");
        deadStepSamples = List.copyOf(Objects.requireNonNull(deadStepSamples, "deadStepSamples"));
        Objects.requireNonNull(janitor, "janitor");
    }
}
