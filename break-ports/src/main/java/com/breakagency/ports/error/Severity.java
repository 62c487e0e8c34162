package com.breakagency.ports.error;

/**
 * How loudly an error is logged at the boundary. Mirrors the usual logging levels without tying the
 * contract to a logging API.
 */
public enum Severity {
    /** Expected outcomes a caller handles: bad input, missing records, conflicts. */
    INFO,
    /** Worth a look: refused access, an integration that is down. */
    WARN,
    /** Something is broken and someone must know. */
    ERROR
}
