package com.breakagency.adapter.sentry;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.breakagency.core.BreakAgency;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.spi.ErrorReporter;
import com.breakagency.ports.spi.Persistence;
import com.breakagency.ports.spi.Transactions;
import com.breakagency.ports.spi.UnitOfWork;
import com.breakagency.testkit.ForwardingPersistence;
import com.breakagency.testkit.InMemoryPersistence;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;

/**
 * A real agency, on in-memory stores and the reporter under test, whose unit of work throws what a test
 * gives it: {@link #fail} calls {@value #OPERATION} through Break's boundary, as a host would, and the
 * boundary maps, logs and reports what came out of the stores.
 */
final class FailingCalls implements AutoCloseable {

    /** The operation every call goes through. */
    static final String OPERATION = "crm.getBrand";
    static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");

    private final ThrowingTransactions transactions;
    private final BreakAgency agency;

    FailingCalls(ErrorReporter reporter) {
        Persistence memory = InMemoryPersistence.create();
        this.transactions = new ThrowingTransactions(memory.transactions());
        Persistence failing = new ForwardingPersistence(memory) {
            @Override
            public Transactions transactions() {
                return transactions;
            }
        };
        this.agency = BreakAgency.builder().persistence(failing).errorReporter(reporter)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    /** Calls the operation as an admin with a fresh correlation id; returns what the boundary threw. */
    BreakException fail(String userId, RuntimeException error) {
        return fail(userId, UUID.randomUUID().toString(), error);
    }

    /** Calls the operation as an admin; returns what the boundary threw. */
    BreakException fail(String userId, String correlationId, RuntimeException error) {
        OperationContext context = OperationContext.of(Actor.staff(userId, Role.ADMIN), correlationId);
        return assertThrows(BreakException.class, () -> transactions.throwing(error,
                () -> agency.crm().getBrand(context, "brand-1")));
    }

    @Override
    public void close() {
        agency.close();
    }

    /** A unit of work that throws the error the calling thread armed, before any work runs. */
    private static final class ThrowingTransactions implements Transactions {

        private final Transactions delegate;
        private final ThreadLocal<RuntimeException> armed = new ThreadLocal<>();

        ThrowingTransactions(Transactions delegate) {
            this.delegate = delegate;
        }

        void throwing(RuntimeException error, Runnable call) {
            armed.set(Objects.requireNonNull(error, "error"));
            try {
                call.run();
            } finally {
                armed.remove();
            }
        }

        @Override
        public <T> T inTransaction(UnitOfWork<T> work) {
            RuntimeException error = armed.get();
            if (error != null) {
                throw error;
            }
            return delegate.inTransaction(work);
        }

        @Override
        public void afterCommit(Runnable action) {
            delegate.afterCommit(action);
        }

        @Override
        public boolean isActive() {
            return delegate.isActive();
        }
    }
}
