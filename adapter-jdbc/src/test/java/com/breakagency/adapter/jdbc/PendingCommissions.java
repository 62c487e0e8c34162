package com.breakagency.adapter.jdbc;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.breakagency.core.BreakAgency;
import com.breakagency.ports.api.crm.CreateBrand;
import com.breakagency.ports.api.crm.CreateDeal;
import com.breakagency.ports.api.crm.CreateTalent;
import com.breakagency.ports.api.crm.MoveDealStage;
import com.breakagency.ports.api.crm.UpdateTalent;
import com.breakagency.ports.api.finance.InvoiceQuery;
import com.breakagency.ports.api.finance.IssueInvoice;
import com.breakagency.ports.api.finance.MarkInvoicePaid;
import com.breakagency.ports.api.finance.PaymentResult;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.DealStage;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.model.finance.CommissionState;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.PaymentSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * Invoices whose commissions wait for the recovery worker, made through Break's own use cases: a talent
 * without a managing agent, one deal and one issued invoice per payment, each invoice paid in full. The
 * default plan gives the managing agent a share, so each payment is recorded with its commissions
 * PENDING and one {@code ENSURE_COMMISSIONS} step queued in the same unit of work. Assigning the agent
 * afterwards makes every step completable.
 */
final class PendingCommissions {

    static final String AGENT_ID = "agent-ana";
    static final OperationContext AGENT = OperationContext.of(Actor.staff(AGENT_ID, Role.AGENT));
    static final OperationContext FINANCE = OperationContext.of(Actor.staff("finance-fay", Role.FINANCE));
    private static final long WAIT_SECONDS = 120;

    private PendingCommissions() {
    }

    /**
     * Pays {@code invoices} invoices of a new talent who has no managing agent, spread over the agencies,
     * eight threads each, every payment received on one day. The boundary's one WORKFLOW_BREAK line per
     * payment is kept out of the test output.
     *
     * @return the talent
     */
    static Talent pay(List<BreakAgency> agencies, int invoices, LocalDate receivedOn) throws Exception {
        BreakAgency first = agencies.get(0);
        Brand brand = first.crm().createBrand(AGENT, CreateBrand.of("Northwind Coffee", AGENT_ID).withDomains("northwind.example"));
        Talent talent = first.crm().createTalent(AGENT, CreateTalent.named("Maya Lopez"));
        List<ExecutorService> threads = new ArrayList<>();
        Logger boundary = (Logger) LoggerFactory.getLogger(BreakAgency.BOUNDARY_LOGGER_NAME);
        Level level = boundary.getLevel();
        boundary.setLevel(Level.OFF);
        try {
            List<Future<Invoice>> paid = new ArrayList<>();
            for (int a = 0; a < agencies.size(); a++) {
                threads.add(Executors.newFixedThreadPool(8));
            }
            for (int i = 0; i < invoices; i++) {
                int n = i;
                BreakAgency agency = agencies.get(n % agencies.size());
                paid.add(threads.get(n % agencies.size()).submit(() -> payOne(agency, brand, talent, n, receivedOn)));
            }
            for (Future<Invoice> invoice : paid) {
                Invoice pending = invoice.get(WAIT_SECONDS, TimeUnit.SECONDS);
                if (pending.commissions() != CommissionState.PENDING) {
                    throw new IllegalStateException("the invoice's commissions are " + pending.commissions());
                }
            }
        } finally {
            threads.forEach(ExecutorService::shutdownNow);
            boundary.setLevel(level);
        }
        return talent;
    }

    /** Gives the talent a managing agent: from now on every pending step can complete. */
    static Talent assignAgent(BreakAgency agency, Talent talent) {
        Talent current = agency.crm().getTalent(AGENT, talent.id());
        return agency.crm().updateTalent(AGENT, UpdateTalent.of(current.id(), current.version()).withName(current.name()).withHandles(current.handles()).managedBy(AGENT_ID));
    }

    private static Invoice payOne(BreakAgency agency, Brand brand, Talent talent, int n, LocalDate receivedOn) {
        Deal deal = agency.crm().createDeal(AGENT, CreateDeal.of(brand.id(), talent.id(), AGENT_ID, "Campaign " + n, Money.of(100_000 + 37L * n, "GBP")));
        agency.crm().moveDealStage(AGENT, new MoveDealStage(deal.id(), deal.version(), DealStage.PAYMENT_PENDING));
        Invoice draft = agency.finance().listInvoices(FINANCE, InvoiceQuery.forDeal(deal.id()).limit(1)).items().get(0);
        Invoice issued = agency.finance().issueInvoice(FINANCE, IssueInvoice.of(draft));
        PaymentResult result = agency.finance().markInvoicePaid(FINANCE, new MarkInvoicePaid(issued.id(),
                receivedOn, "bank-" + n, "pay-" + n, PaymentSource.BANK_FEED));
        return result.invoice();
    }
}
