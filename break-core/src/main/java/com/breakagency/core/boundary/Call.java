package com.breakagency.core.boundary;

import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.error.BreakException;
import java.util.Objects;

/**
 * What a use case gets from the boundary besides its command: the context, the access the policy table
 * granted, and a way to have an error reported once the unit of work has committed (for outcomes that
 * succeed for the caller but need an operator, such as commissions left pending).
 */
public final class Call {

    private final OperationContext context;
    private final Access access;
    private final Boundary boundary;
    private volatile BreakException ending;

    Call(OperationContext context, Access access, Boundary boundary) {
        this.context = Objects.requireNonNull(context);
        this.access = Objects.requireNonNull(access);
        this.boundary = Objects.requireNonNull(boundary);
    }

    /**
     * The call's context, operation included.
     *
     * @return the context
     */
    public OperationContext context() {
        return context;
    }

    /**
     * What the actor was granted.
     *
     * @return the access
     */
    public Access access() {
        return access;
    }

    /**
     * Logs and reports an error after the current unit of work commits, as the boundary does for a
     * failed call; if the unit of work rolls back, nothing is logged or reported.
     *
     * @param error the error
     */
    public void reportAfterCommit(BreakException error) {
        boundary.reportAfterCommit(context, error);
    }

    /**
     * Ends the call with an error while keeping what its unit of work wrote: the use case returns what
     * this returns, the unit of work commits, and the caller gets the error. The boundary logs it at DEBUG
     * and never reports it: it is for answers an operator heard of already (a connection whose grant died
     * was reported once, when it died; {@link #reportAfterCommit} is how that one report is made). Inside
     * a caller's own unit of work nothing has committed yet when the error reaches the caller.
     *
     * @param error the error the caller gets
     * @param <R>   the use case's result type
     * @return null, for the use case to return
     */
    public <R> R endWith(BreakException error) {
        this.ending = java.util.Objects.requireNonNull(error, "error");
        return null;
    }

    BreakException ending() {
        return ending;
    }
}
