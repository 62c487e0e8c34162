package com.breakagency.core.recovery;

import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.model.work.WorkStep;

/**
 * Runs the steps of one type, such as {@code ENSURE_COMMISSIONS}. The worker calls it with a step it has
 * claimed, outside any unit of work; the handler runs its own.
 *
 * <p>Handlers must be idempotent: a step can run more than once (its worker's lease ran out while it
 * worked and another worker took it over; the completion could not be written after the work
 * committed), and a second run must find the work done and return {@link StepOutcome.Done}. They must be
 * thread-safe: several workers run steps of one type at once.
 *
 * <p>An expected failure is an outcome ({@link StepOutcome.Retry}, {@link StepOutcome.GiveUp}), not an
 * exception; anything a handler throws counts as a failed attempt too, with the exception's redacted
 * message as the step's last error.
 */
@FunctionalInterface
public interface StepHandler {

    /**
     * Runs one attempt of a step.
     *
     * @param context the system actor and a correlation id for the attempt, for audit events
     * @param step    the step, as claimed
     * @return what the attempt came to
     */
    StepOutcome run(OperationContext context, WorkStep step);
}
