package com.breakagency.adapter.sentry;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.breakagency.core.boundary.AccessPolicy;
import com.breakagency.core.boundary.Boundary;
import com.breakagency.core.boundary.CommandValidator;
import com.breakagency.core.boundary.Operation;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.spi.ErrorReporter;
import com.breakagency.testkit.InMemoryTransactions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Break's real boundary, wired with in-memory transactions and the reporter under test, and one
 * operation, {@code test.fail}, whose use case throws what it is given.
 */
final class FailingCalls implements AutoCloseable {

    static final Operation FAIL = new Operation("test.fail");
    static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");

    /** The command the operation takes; it has nothing to validate. */
    record FailCommand(String label) {
    }

    private final CommandValidator validator = new CommandValidator();
    private final Boundary boundary;

    FailingCalls(ErrorReporter reporter) {
        this.boundary = new Boundary(validator, AccessPolicy.builder().allow(FAIL, Role.ADMIN).build(),
                new InMemoryTransactions(), reporter, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Calls the operation as an admin with a fresh correlation id; returns what the boundary threw. */
    BreakException fail(String userId, RuntimeException error) {
        return fail(userId, UUID.randomUUID().toString(), error);
    }

    /** Calls the operation as an admin; returns what the boundary threw. */
    BreakException fail(String userId, String correlationId, RuntimeException error) {
        OperationContext context = OperationContext.of(Actor.staff(userId, Role.ADMIN), correlationId);
        return assertThrows(BreakException.class, () -> boundary.call(context, FAIL, new FailCommand("x"),
                (call, command) -> {
                    throw error;
                }));
    }

    @Override
    public void close() {
        validator.close();
    }
}
