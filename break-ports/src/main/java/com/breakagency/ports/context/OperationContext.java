package com.breakagency.ports.context;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Who calls, under which correlation id, and (once the boundary names it) which operation runs.
 *
 * <p>A host makes one per request with {@link #of(Actor)} or {@link #of(Actor, String)} and passes it
 * to every driving-port call; Break's boundary fills in the operation name. The correlation id
 * appears in the MDC, in every problem and in every report, so a support request can be traced.
 *
 * @param actor         who calls
 * @param correlationId 1 to 128 characters of letters, digits, {@code . _ : -}
 * @param operation     the driving-port operation, such as {@code crm.createBrand}; empty until the boundary sets it
 */
public record OperationContext(Actor actor, String correlationId, Optional<String> operation) {

    private static final Pattern CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /**
     * Validates.
     *
     * @param actor who calls
     * @param correlationId 1 to 128 characters of letters, digits, {@code . _ : -}
     * @param operation the driving-port operation, such as {@code crm.createBrand}; empty until the boundary sets it
     * @throws NullPointerException     if a component is null, naming it
     * @throws IllegalArgumentException if the correlation id is not 1 to 128 letters, digits and
     *                                  {@code . _ : -} (a space, say); the message names the parameter, not
     *                                  the value
     */
    public OperationContext {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(operation, "operation");
        if (!CORRELATION_ID.matcher(correlationId).matches()) {
            throw new IllegalArgumentException(
                    "correlationId must be 1 to 128 characters of letters, digits, '.', '_', ':' or '-'");
        }
    }

    /**
     * A context with a freshly generated correlation id.
     *
     * @param actor who calls
     * @return the context
     * @throws NullPointerException if the actor is null
     */
    public static OperationContext of(Actor actor) {
        return new OperationContext(actor, UUID.randomUUID().toString(), Optional.empty());
    }

    /**
     * A context that carries the host's own correlation id (a request id, a trace id).
     *
     * @param actor         who calls
     * @param correlationId the host's id: 1 to 128 letters, digits and {@code . _ : -}
     * @return the context
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the correlation id is not of that form
     */
    public static OperationContext of(Actor actor, String correlationId) {
        return new OperationContext(actor, correlationId, Optional.empty());
    }

    /**
     * A context for background work done by the system actor.
     *
     * @return the context, with a fresh correlation id
     */
    public static OperationContext system() {
        return of(Actor.system());
    }

    /**
     * The same context naming the operation that runs.
     *
     * @param name the operation name
     * @return a copy with the operation set
     * @throws NullPointerException if the name is null
     */
    public OperationContext withOperation(String name) {
        return new OperationContext(actor, correlationId, Optional.of(Objects.requireNonNull(name, "name")));
    }

    /**
     * The operation name, or {@code "unnamed"} before the boundary set it.
     *
     * @return the operation name
     */
    public String operationName() {
        return operation.orElse("unnamed");
    }
}
