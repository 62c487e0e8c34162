package com.breakagency.core.recovery;

import com.breakagency.core.boundary.Operation;
import java.util.List;

/**
 * The names of the recovery and diagnostics operations added with the background worker, as the policy
 * table, the MDC and reports know them. ({@code recovery.ensureCommissions} is named with the finance
 * operations.)
 */
public final class RecoveryOperations {

    /** Lists queued steps. */
    public static final Operation LIST_STEPS = new Operation("recovery.listSteps");
    /** Gives a DEAD step another round of attempts. */
    public static final Operation RETRY_STEP = new Operation("recovery.retryStep");
    /** Runs the janitor now. */
    public static final Operation RUN_JANITOR = new Operation("recovery.runJanitor");
    /** Reads Break's health. */
    public static final Operation HEALTH = new Operation("diagnostics.health");
    /** What a worker's attempt of a step is named in the MDC, audit events and reports (not a port operation). */
    public static final Operation RUN_STEP = new Operation("recovery.runStep");

    /** Every operation a caller can run, in the policy table's order. */
    public static final List<Operation> ALL = List.of(LIST_STEPS, RETRY_STEP, RUN_JANITOR, HEALTH);

    private RecoveryOperations() {
    }
}
