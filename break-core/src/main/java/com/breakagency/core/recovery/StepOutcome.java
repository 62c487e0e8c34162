package com.breakagency.core.recovery;

import java.util.Objects;

/**
 * What one attempt of a step came to. A handler returns it; the worker writes it to the queue (DONE, or
 * a failed attempt with backoff, or DEAD).
 */
public sealed interface StepOutcome {

    /**
     * The step's work is done (or was done already: handlers are idempotent).
     *
     * @param summary what was done, in plain words with identifiers only
     */
    record Done(String summary) implements StepOutcome {
        /** Checks presence. */
        public Done {
            Objects.requireNonNull(summary, "summary");
        }
    }

    /**
     * Not possible yet, for a reason that may go away (the data is not fixed yet, a store was away): try
     * again after the backoff, until the attempts run out.
     *
     * @param reason why, in plain words with identifiers only
     */
    record Retry(String reason) implements StepOutcome {
        /** Checks presence. */
        public Retry {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Never possible (the step names nothing that exists): DEAD now, without further attempts.
     *
     * @param reason why, in plain words with identifiers only
     */
    record GiveUp(String reason) implements StepOutcome {
        /** Checks presence. */
        public GiveUp {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Done for now, and due again at an instant: the step is completed and re-armed under its dedup key in
     * the same unit of work, with zero attempts (a sync that waits for its quota to refill, or runs again in
     * five minutes). Not a failure: nothing is logged above DEBUG and no attempt is spent.
     *
     * @param at      when the step is due again
     * @param summary what was done, in plain words with identifiers only
     */
    record Later(java.time.Instant at, String summary) implements StepOutcome {
        /** Checks presence. */
        public Later {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(summary, "summary");
        }
    }
}
