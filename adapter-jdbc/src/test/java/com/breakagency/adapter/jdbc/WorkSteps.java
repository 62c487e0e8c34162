package com.breakagency.adapter.jdbc;

import com.breakagency.ports.model.work.WorkStep;

/** What a worker's claim, completion or failure leaves in {@code work_steps}, written directly: for tests. */
final class WorkSteps {

    private WorkSteps() {
    }

    /**
     * Replaces a queued step, found by id and dedup key, with a later state of it, in the calling thread's
     * unit of work (or one of its own).
     *
     * @throws IllegalArgumentException if no step has that id and dedup key
     */
    static void replace(JdbcPersistence persistence, WorkStep step) {
        int updated = persistence.sql().update("UPDATE " + persistence.sql().table("work_steps")
                        + " SET type = ?, payload = ?, status = ?, attempts = ?, next_attempt_at = ?, lease_owner = ?,"
                        + " lease_expires_at = ?, last_error = ?, created_at = ?, updated_at = ?, version = ?"
                        + " WHERE id = ? AND dedup_key = ?",
                step.type(), JsonText.object(step.payload()), step.status(), step.attempts(), step.nextAttemptAt(),
                step.leaseOwner().orElse(null), step.leaseExpiresAt().orElse(null), step.lastError().orElse(null),
                step.createdAt(), step.updatedAt(), step.version(), step.id(), step.dedupKey());
        if (updated != 1) {
            throw new IllegalArgumentException("no queued step has that id and dedup key");
        }
    }
}
