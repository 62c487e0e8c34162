package com.breakagency.ports.api.recovery;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one run of the janitor did.
 *
 * @param runId      the run's id, also in its audit events ({@code JANITOR_RAN}, {@code JANITOR_FOUND})
 * @param startedAt  when it started, from Break's clock
 * @param finishedAt when it finished
 * @param findings   the broken states it found and queued a repair for; empty when all was well
 */
public record JanitorReport(String runId, Instant startedAt, Instant finishedAt, List<JanitorFinding> findings) {

    /**
     * Checks presence and copies.
     *
     * @param runId the run's id, also in its audit events ({@code JANITOR_RAN}, {@code JANITOR_FOUND})
     * @param startedAt when it started, from Break's clock
     * @param finishedAt when it finished
     * @param findings the broken states it found and queued a repair for; empty when all was well
     */
    public JanitorReport {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        findings = List.copyOf(Objects.requireNonNull(findings, "findings"));
    }
}
