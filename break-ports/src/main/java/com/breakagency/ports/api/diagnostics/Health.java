package com.breakagency.ports.api.diagnostics;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Break's health: an overall status and one section per area it watches. The overall status is the
 * worst of the sections' and the reasons are theirs, so a dashboard can show the headline and drill
 * down. Sections are added as areas are; existing ones keep their shape.
 *
 * @param status    the worst status of any section
 * @param reasons   every section's reasons, in plain words with identifiers only; empty when UP
 * @param checkedAt when the figures were read, from Break's clock
 * @param workflow  the background work: queue, dead steps, janitor, paid invoices without commissions
 * @param integrations the connections to providers: reauthorization needed, client credentials refused
 */
public record Health(HealthStatus status, List<String> reasons, Instant checkedAt, WorkflowHealth workflow,
                     IntegrationHealth integrations) {

    /**
     * Checks presence and copies.
     *
     * @param status the worst status of any section
     * @param reasons every section's reasons, in plain words with identifiers only; empty when UP
     * @param checkedAt when the figures were read, from Break's clock
     * @param workflow the background work: queue, dead steps, janitor, paid invoices without commissions
     * @param integrations the connections to providers: reauthorization needed, client credentials refused
     */
    public Health {
        Objects.requireNonNull(status, "status");
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
        Objects.requireNonNull(checkedAt, "checkedAt");
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(integrations, "integrations");
    }

    /**
     * The health of an agency without integrations.
     *
     * @param status    the worst status of any section
     * @param reasons   every section's reasons
     * @param checkedAt when the figures were read
     * @param workflow  the background work
     */
    public Health(HealthStatus status, List<String> reasons, Instant checkedAt, WorkflowHealth workflow) {
        this(status, reasons, checkedAt, workflow, IntegrationHealth.NOT_CONFIGURED);
    }
}
