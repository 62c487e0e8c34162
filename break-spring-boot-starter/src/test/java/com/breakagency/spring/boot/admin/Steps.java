package com.breakagency.spring.boot.admin;

import com.breakagency.core.BreakAgency;
import com.breakagency.ports.api.crm.CreateBrand;
import com.breakagency.ports.api.crm.CreateDeal;
import com.breakagency.ports.api.crm.CreateTalent;
import com.breakagency.ports.api.crm.MoveDealStage;
import com.breakagency.ports.api.finance.InvoiceQuery;
import com.breakagency.ports.api.finance.IssueInvoice;
import com.breakagency.ports.api.finance.MarkInvoicePaid;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.DealStage;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.PaymentSource;
import com.breakagency.ports.model.work.WorkStep;
import com.breakagency.ports.spi.WorkQueue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Walks a real agency to a DEAD step: a paid invoice of a talent without a managing agent, its repair given up. */
final class Steps {

    static final OperationContext ADMIN = OperationContext.of(Actor.staff("admin-1", Role.ADMIN));
    static final OperationContext FINANCE = OperationContext.of(Actor.staff("finance-1", Role.FINANCE));

    private Steps() {
    }

    /** A paid invoice whose commissions are pending: a repair step is queued and WORKFLOW_BREAK reported. */
    static Invoice aPaidInvoiceWithPendingCommissions(BreakAgency agency) {
        String n = UUID.randomUUID().toString().substring(0, 8);
        Brand brand = agency.crm().createBrand(ADMIN, CreateBrand.of("Brand " + n, "agent-1").withDomains("b" + n + ".example"));
        Talent talent = agency.crm().createTalent(ADMIN, CreateTalent.named("Talent " + n));
        Deal deal = agency.crm().createDeal(ADMIN, CreateDeal.of(brand.id(), talent.id(), "agent-1", "Campaign",
                Money.of(10_000, "GBP")));
        agency.crm().moveDealStage(ADMIN, new MoveDealStage(deal.id(), deal.version(), DealStage.PAYMENT_PENDING));
        Invoice draft = agency.finance().listInvoices(FINANCE, InvoiceQuery.forDeal(deal.id()).limit(1)).items().get(0);
        Invoice issued = agency.finance().issueInvoice(FINANCE, IssueInvoice.of(draft.id(), draft.version()));
        agency.finance().markInvoicePaid(FINANCE, new MarkInvoicePaid(issued.id(), LocalDate.of(2026, 1, 6),
                "bank-" + n, "bank-" + n, PaymentSource.BANK_FEED));
        return issued;
    }

    /** A new DEAD step: queues one through a paid invoice, claims it and fails it for good. */
    static WorkStep aDeadStep(BreakAgency agency, WorkQueue queue) {
        Invoice invoice = aPaidInvoiceWithPendingCommissions(agency);
        WorkStep claimed = queue.claimDue("worker-test", Instant.now().plusSeconds(1), Duration.ofMinutes(5), 50)
                .stream().filter(s -> s.dedupKey().contains(invoice.id())).findFirst().orElseThrow();
        if (!queue.fail(claimed.id(), "worker-test", claimed.version(), "gave up", Instant.now(), true)) {
            throw new IllegalStateException("the step was not failed");
        }
        return claimed;
    }
}
