package com.breakagency.ports.api.integration;

/**
 * What a resync request came to.
 *
 * @param connectionId the connection
 * @param stepId       the work step that runs the sync (the one under way or queued, when merged)
 * @param merged       true if a sync was already running or queued, and the request joined it
 */
public record SyncRequest(String connectionId, String stepId, boolean merged) {
}
