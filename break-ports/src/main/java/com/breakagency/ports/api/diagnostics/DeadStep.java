package com.breakagency.ports.api.diagnostics;

import java.time.Instant;
import java.util.Objects;

/**
 * A step that ran out of attempts and waits for an administrator's retry.
 *
 * @param id        the step's id, for {@code Recovery.retryStep}
 * @param type      its type, such as {@code ENSURE_COMMISSIONS}
 * @param dedupKey  its dedup key, which names what it is about (such as {@code ENSURE_COMMISSIONS:<invoiceId>})
 * @param attempts  how many attempts it had
 * @param deadSince when the step last changed: its last attempt
 * @param lastError the last attempt's error, redacted: no email address or secret
 */
public record DeadStep(String id, String type, String dedupKey, int attempts, Instant deadSince, String lastError) {

    /**
     * Checks presence.
     *
     * @param id the step's id, for {@code Recovery.retryStep}
     * @param type its type, such as {@code ENSURE_COMMISSIONS}
     * @param dedupKey its dedup key, which names what it is about (such as {@code ENSURE_COMMISSIONS:<invoiceId>})
     * @param attempts how many attempts it had
     * @param deadSince when the step last changed: its last attempt
     * @param lastError the last attempt's error, redacted: no email address or secret
     */
    public DeadStep {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(dedupKey, "dedupKey");
        Objects.requireNonNull(deadSince, "deadSince");
        Objects.requireNonNull(lastError, "lastError");
    }
}
