package com.breakagency.ports.spi;

import com.breakagency.ports.model.work.StepStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The work queue at one moment, for metrics.
 *
 * @param depth        step type → status → count; only non-zero counts
 * @param oldestDueAge how long the PENDING step that has been due longest has waited; empty if none is due
 * @param readAt       when it was read, from the agency's clock
 */
public record QueueSnapshot(Map<String, Map<StepStatus, Long>> depth, Optional<Duration> oldestDueAge, Instant readAt) {

    /**
     * Checks presence and copies, sorted by type and status.
     *
     * @param depth        step type → status → count; only non-zero counts
     * @param oldestDueAge how long the PENDING step that has been due longest has waited; empty if none is due
     * @param readAt       when it was read, from the agency's clock
     */
    public QueueSnapshot {
        Map<String, Map<StepStatus, Long>> copy = new TreeMap<>();
        Objects.requireNonNull(depth, "depth").forEach((type, byStatus) -> {
            Map<StepStatus, Long> statuses = new EnumMap<>(StepStatus.class);
            statuses.putAll(byStatus);
            copy.put(type, Collections.unmodifiableMap(statuses));
        });
        depth = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(oldestDueAge, "oldestDueAge");
        Objects.requireNonNull(readAt, "readAt");
    }

    /**
     * How many steps of a type are in a status.
     *
     * @param type   the step type
     * @param status the status
     * @return the count, zero if none
     */
    public long count(String type, StepStatus status) {
        return depth.getOrDefault(type, Map.of()).getOrDefault(status, 0L);
    }
}
