package com.breakagency.ports.api.diagnostics;

/** How healthy a section, or Break as a whole, is. Ordered from best to worst. */
public enum HealthStatus {
    /** Working as it should. */
    UP,
    /** Working, but something needs an operator's look (a DEAD step, a queue that is not moving). */
    DEGRADED,
    /** Broken: something is wrong that nothing is going to repair by itself. */
    DOWN;

    /**
     * The worse of two statuses.
     *
     * @param other another status
     * @return whichever is worse
     */
    public HealthStatus worst(HealthStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
