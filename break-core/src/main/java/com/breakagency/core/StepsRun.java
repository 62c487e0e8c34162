package com.breakagency.core;

/**
 * What one call of {@code BreakAgency.runDueSteps()} did. Immutable.
 *
 * @param completed  steps that ran and are DONE
 * @param failed     attempts that failed (the step waits for its next attempt, or is DEAD)
 * @param dead       of those, the steps that ran out of attempts and are DEAD now
 * @param lostLeases steps whose lease passed to another worker while they ran; that worker finishes them
 */
public record StepsRun(int completed, int failed, int dead, int lostLeases) {

    /** Nothing was due. */
    public static final StepsRun NONE = new StepsRun(0, 0, 0, 0);

    /**
     * How many steps ran, whatever came of them.
     *
     * @return completed + failed + lost leases
     */
    public int ran() {
        return completed + failed + lostLeases;
    }
}
