package com.breakagency.ports.api;

import com.breakagency.ports.api.diagnostics.Health;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.error.BreakException;

/**
 * How Break is doing, for an operator's dashboard or a health endpoint (ADMIN, SYSTEM). Nothing it
 * returns holds an email address, a token or any other secret: errors are redacted. Every method passes
 * Break's boundary and throws only {@link BreakException}. Thread-safe.
 */
public interface Diagnostics {

    /**
     * The health of every section Break watches (today the workflows; connections to integrations join
     * them as sections of their own), read from the stores, so every service instance gives the same
     * answer.
     *
     * @param context who calls
     * @return the health, overall and per section
     */
    Health health(OperationContext context);
}
