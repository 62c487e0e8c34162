package com.breakagency.ports.error;

/**
 * How loudly an error is logged at the boundary. Mirrors the usual logging levels without tying the
 * contract to a logging API.
 */
public enum Severity {
    /**
     * Client errors, expected outcomes a caller handles: bad input, no actor, missing records, conflicts,
     * rate limits. Logged at DEBUG unless the agency is built with another level for client errors.
     */
    DEBUG,
    /** Worth noting, but no failure: not used by any code by default; a level client errors may be raised to. */
    INFO,
    /** Worth a look: refused access, an integration that is down. */
    WARN,
    /** Something is broken and someone must know. */
    ERROR
}
