package com.breakagency.core;

import com.breakagency.core.boundary.Boundary;
import com.breakagency.core.boundary.CommandValidator;
import com.breakagency.ports.spi.ErrorReporter;
import com.breakagency.ports.spi.Persistence;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;

final class DefaultBreakAgency implements BreakAgency {

    private final CommandValidator validator;
    private final ErrorReporter reporter;
    private final Boundary boundary;
    private final AtomicBoolean closed = new AtomicBoolean();

    DefaultBreakAgency(Persistence persistence, ErrorReporter reporter, Clock clock) {
        this.validator = new CommandValidator();
        this.reporter = reporter;
        this.boundary = new Boundary(validator, PolicyTable.STANDARD, persistence.transactions(), reporter, clock);
    }

    Boundary boundary() {
        return boundary;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                reporter.close();
            } finally {
                validator.close();
            }
        }
    }
}
