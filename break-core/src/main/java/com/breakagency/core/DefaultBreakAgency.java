package com.breakagency.core;

import com.breakagency.core.boundary.Boundary;
import com.breakagency.core.boundary.CommandValidator;
import com.breakagency.core.crm.CrmService;
import com.breakagency.core.crm.DealStages;
import com.breakagency.core.finance.FinanceService;
import com.breakagency.core.internal.Audit;
import com.breakagency.ports.api.Crm;
import com.breakagency.ports.api.Finance;
import com.breakagency.ports.api.Recovery;
import com.breakagency.ports.spi.ErrorReporter;
import com.breakagency.ports.spi.IdGenerator;
import com.breakagency.ports.spi.Persistence;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;

final class DefaultBreakAgency implements BreakAgency {

    private final CommandValidator validator;
    private final ErrorReporter reporter;
    private final Boundary boundary;
    private final CrmService crm;
    private final FinanceService finance;
    private final AtomicBoolean closed = new AtomicBoolean();

    DefaultBreakAgency(Persistence persistence, ErrorReporter reporter, Clock clock, IdGenerator ids,
                       FinanceService.Settings financeSettings) {
        this.validator = new CommandValidator();
        this.reporter = reporter;
        this.boundary = new Boundary(validator, PolicyTable.STANDARD, persistence.transactions(), reporter, clock);
        Audit audit = new Audit(persistence.auditLog(), ids, clock);
        DealStages stages = new DealStages(persistence.deals(), audit, clock);
        this.crm = new CrmService(boundary, persistence, audit, ids, clock, stages);
        this.finance = new FinanceService(boundary, persistence, audit, ids, clock, stages, financeSettings);
        stages.register(finance);
    }

    Boundary boundary() {
        return boundary;
    }

    @Override
    public Crm crm() {
        return crm;
    }

    @Override
    public Finance finance() {
        return finance;
    }

    @Override
    public Recovery recovery() {
        return finance;
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
