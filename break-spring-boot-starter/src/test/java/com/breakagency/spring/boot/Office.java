package com.breakagency.spring.boot;

import com.breakagency.core.BreakAgency;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.work.WorkStep;
import com.breakagency.ports.spi.Persistence;
import com.breakagency.ports.spi.WorkQueue;
import com.breakagency.testkit.AgencyFixture;
import java.time.Duration;
import java.time.Instant;

/** Walks a real agency to the states its health reports: a DEAD step, a paid invoice no step covers. */
final class Office {

    static final OperationContext ADMIN = AgencyFixture.anAdmin();

    private Office() {
    }

    /** A paid invoice of a talent without a managing agent: its commissions are pending, a step is queued. */
    static Invoice aPaidInvoiceWithPendingCommissions(BreakAgency agency, Persistence stores) {
        AgencyFixture<BreakAgency> office = AgencyFixture.over(agency, stores, built -> new AgencyFixture.Ports(
                built.crm(), built.finance(), built.recovery(), built.diagnostics(), built.auditTrail()));
        Invoice issued = office.anIssuedInvoice(office.aDealFor(office.anUnmanagedTalent(), 10_000, "GBP"));
        office.payInFull(issued);
        return issued;
    }

    /** Claims the due step and makes it DEAD, as a worker whose last attempt failed would. */
    static void killTheDueStep(WorkQueue queue) {
        WorkStep step = queue.claimDue("worker-test", Instant.now(), Duration.ofMinutes(5), 1).get(0);
        if (!queue.fail(step.id(), "worker-test", step.version(), "gave up", Instant.now(), true)) {
            throw new IllegalStateException("the step was not failed");
        }
    }

    /** Claims the due step and completes it without its effect: a payment without lines and no step. */
    static void completeTheDueStepWithoutItsWork(WorkQueue queue) {
        WorkStep step = queue.claimDue("worker-test", Instant.now(), Duration.ofMinutes(5), 1).get(0);
        if (!queue.complete(step.id(), "worker-test", step.version())) {
            throw new IllegalStateException("the step was not completed");
        }
    }
}
