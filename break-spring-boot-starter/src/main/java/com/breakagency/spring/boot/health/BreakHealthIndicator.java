package com.breakagency.spring.boot.health;

import com.breakagency.ports.api.Diagnostics;
import com.breakagency.ports.api.diagnostics.HealthStatus;
import com.breakagency.ports.api.diagnostics.WorkflowHealth;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.error.BreakException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Break's {@code Diagnostics.health} as the Actuator health contributor {@code break}: UP, {@link #DEGRADED}
 * or DOWN, with the reasons and the workflow's figures as details. Diagnostics never returns a secret or an
 * email address; a failure to read the health is DOWN with its code and reason only.
 *
 * <p>Actuator does not know {@code DEGRADED}: out of the box it ranks an unknown status above DOWN in the
 * aggregate and answers HTTP 200 for it. Hosts that want another order or status code say so with
 * {@code management.endpoint.health.status.order=DOWN,OUT_OF_SERVICE,DEGRADED,UP,UNKNOWN} and
 * {@code management.endpoint.health.status.http-mapping.degraded=503}.
 */
public class BreakHealthIndicator implements HealthIndicator {

    /** Working, but something needs an operator's look (a DEAD step, a queue that is not moving). */
    public static final Status DEGRADED = new Status("DEGRADED", "Break needs an operator's look");

    private final Diagnostics diagnostics;

    /**
     * A contributor reading an agency's diagnostics as the system.
     *
     * @param diagnostics the agency's diagnostics
     */
    public BreakHealthIndicator(Diagnostics diagnostics) {
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
    }

    @Override
    public Health health() {
        com.breakagency.ports.api.diagnostics.Health health;
        try {
            health = diagnostics.health(OperationContext.system());
        } catch (BreakException failure) {
            return Health.down().withDetail("code", failure.code().name()).withDetail("reason", failure.reason()).build();
        }
        WorkflowHealth workflow = health.workflow();
        Map<String, Object> figures = new LinkedHashMap<>();
        Map<String, Map<String, Long>> depth = new LinkedHashMap<>();
        workflow.queueDepth().forEach((type, byStatus) -> {
            Map<String, Long> statuses = new LinkedHashMap<>();
            byStatus.forEach((status, count) -> statuses.put(status.name(), count));
            depth.put(type, statuses);
        });
        figures.put("queueDepth", depth);
        workflow.oldestDueAge().ifPresent(age -> figures.put("oldestDueAgeSeconds", age.toSeconds()));
        figures.put("deadSteps", workflow.deadSteps());
        figures.put("paidWithoutCommissions", workflow.paidWithoutCommissions());
        figures.put("paidWithoutCommissionsOrStep", workflow.paidWithoutCommissionsOrStep());
        workflow.janitor().lastRunAt().ifPresent(at -> figures.put("janitorLastRunAt", at.toString()));
        figures.put("janitorOverdue", workflow.janitor().overdue());
        return Health.status(status(health.status())).withDetail("reasons", health.reasons())
                .withDetail("checkedAt", health.checkedAt().toString()).withDetail("workflow", figures).build();
    }

    /**
     * The Actuator status of a Break status.
     *
     * @param status Break's status
     * @return UP, {@link #DEGRADED} or DOWN
     */
    public static Status status(HealthStatus status) {
        return switch (status) {
            case UP -> Status.UP;
            case DEGRADED -> DEGRADED;
            case DOWN -> Status.DOWN;
        };
    }
}
