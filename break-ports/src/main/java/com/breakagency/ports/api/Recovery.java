package com.breakagency.ports.api;

import com.breakagency.ports.api.finance.EnsureCommissions;
import com.breakagency.ports.api.finance.EnsureCommissionsResult;
import com.breakagency.ports.api.recovery.JanitorReport;
import com.breakagency.ports.api.recovery.StepQuery;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.Page;
import com.breakagency.ports.model.work.WorkStep;

/**
 * Repairs that make broken workflows whole, and the queue of background steps that does most of them
 * without anyone asking (ADMIN, SYSTEM). Every method passes Break's boundary and throws only
 * {@link BreakException}. Thread-safe.
 */
public interface Recovery {

    /**
     * Allocates every payment of an invoice that has no commission lines yet. Running it twice, or on
     * several instances at once, allocates each payment once. When the data is still not fixable (the
     * talent still has no managing agent), it throws WORKFLOW_BREAK/COMMISSIONS_PENDING and changes
     * nothing.
     *
     * @param context who calls
     * @param command the invoice
     * @return what it allocated now
     */
    EnsureCommissionsResult ensureCommissions(OperationContext context, EnsureCommissions command);

    /**
     * Lists queued steps, such as the DEAD ones waiting for an administrator. Each step's last error is
     * redacted: no email address or secret.
     *
     * @param context who calls
     * @param query   filters, cursor and page size
     * @return one page, in ascending id order
     */
    Page<WorkStep> listSteps(OperationContext context, StepQuery query);

    /**
     * Gives a DEAD step another round of attempts: it becomes PENDING, due now, with zero attempts, and a
     * {@code STEP_RETRIED} audit event records who asked. Fix what made it fail first (assign the
     * managing agent, say); the worker then runs it on its next poll.
     *
     * @param context who calls
     * @param stepId  the step
     * @return the step as stored afterwards
     * @throws BreakException NOT_FOUND for an unknown step; CONFLICT/INVALID_STATE_TRANSITION for a step
     *                        that is not DEAD
     */
    WorkStep retryStep(OperationContext context, String stepId);

    /**
     * Runs the janitor now, on the calling thread: it looks for broken states no step covers (a payment
     * without commission lines, recorded longer ago than the grace period, whose invoice has no active
     * repair step), queues their repair and records what it found. Safe to run on several instances at
     * once: each broken invoice gets one step.
     *
     * @param context who calls
     * @return what this run found
     */
    JanitorReport runJanitor(OperationContext context);
}
