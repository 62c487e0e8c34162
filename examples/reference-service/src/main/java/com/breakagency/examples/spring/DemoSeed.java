package com.breakagency.examples.spring;

import com.breakagency.core.BreakAgency;
import com.breakagency.ports.api.crm.BrandQuery;
import com.breakagency.ports.api.crm.CreateBrand;
import com.breakagency.ports.api.crm.CreateDeal;
import com.breakagency.ports.api.crm.CreateTalent;
import com.breakagency.ports.api.crm.MoveDealStage;
import com.breakagency.ports.api.finance.InvoiceQuery;
import com.breakagency.ports.api.finance.IssueInvoice;
import com.breakagency.ports.api.finance.MarkInvoicePaid;
import com.breakagency.ports.api.integration.AuthorizationStart;
import com.breakagency.ports.api.integration.CompleteConnect;
import com.breakagency.ports.api.integration.StartConnect;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.DealStage;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.integration.Connection;
import com.breakagency.ports.model.integration.Provider;
import com.breakagency.testkit.oauth.FakeGoogle;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo's data, written through Break's driving ports when the database has no brand yet: two brands, two
 * talent (one without a managing agent), three deals, a paid invoice with its 80/15/5 commissions, a paid
 * invoice whose commissions wait for a managing agent (its repair step fails until it is DEAD, live on the
 * console), and three Gmail connections at the fake Google.
 */
@Component
@ConditionalOnProperty(prefix = "reference.demo", name = "enabled", havingValue = "true", matchIfMissing = true)
class DemoSeed implements ApplicationRunner {

    /** The demo users with a mailbox, and their accounts at the fake Google. */
    static final Map<String, String> MAILBOXES = Map.of(
            "admin-1", "alex.morgan@agency.example",
            "agent-1", "sam.taylor@agency.example",
            "finance-1", "robin.lee@agency.example");
    /** Where the consent screen would send the browser back to (the fake plays the consent screen). */
    static final String REDIRECT_URI = "http://127.0.0.1:8080/oauth/google/callback";

    private static final Logger LOG = LoggerFactory.getLogger(DemoSeed.class);
    private static final OperationContext ADMIN = OperationContext.of(Actor.staff("admin-1", Role.ADMIN));
    private static final OperationContext FINANCE = OperationContext.of(Actor.staff("finance-1", Role.FINANCE));

    private final BreakAgency agency;
    private final FakeGoogle google;
    private final Map<String, String> connections = new LinkedHashMap<>();

    DemoSeed(BreakAgency agency, FakeGoogle google) {
        this.agency = agency;
        this.google = google;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!agency.crm().listBrands(ADMIN, BrandQuery.all().limit(1)).items().isEmpty()) {
            LOG.info("demo data: the database has brands already, nothing seeded");
            return;
        }
        Brand northwind = agency.crm().createBrand(ADMIN, CreateBrand.of("Northwind", "agent-1").withDomains("northwind.example"));
        Brand contoso = agency.crm().createBrand(ADMIN, CreateBrand.of("Contoso", "agent-1").withDomains("contoso.example"));
        Talent ava = agency.crm().createTalent(ADMIN, CreateTalent.named("Ava Stone").managedBy("agent-1"));
        Talent rui = agency.crm().createTalent(ADMIN, CreateTalent.named("Rui Costa"));

        paid(agency.crm().createDeal(ADMIN, CreateDeal.of(northwind.id(), ava.id(), "agent-1", "Spring campaign",
                Money.of(1_200_000, "GBP"))), "bank-demo-1");
        Deal talks = agency.crm().createDeal(ADMIN, CreateDeal.of(contoso.id(), ava.id(), "agent-1", "Autumn launch",
                Money.of(800_000, "GBP")));
        agency.crm().moveDealStage(ADMIN, new MoveDealStage(talks.id(), talks.version(), DealStage.NEGOTIATION));
        try {
            paid(agency.crm().createDeal(ADMIN, CreateDeal.of(contoso.id(), rui.id(), "agent-1", "Podcast series",
                    Money.of(450_000, "GBP"))), "bank-demo-2");
        } catch (BreakException pending) {
            // WORKFLOW_BREAK/COMMISSIONS_PENDING, on purpose: the payment is recorded, its repair step queued
        }
        MAILBOXES.forEach(this::connect);
        LOG.info("demo data: 2 brands, 2 talent, 3 deals, 2 paid invoices (one waiting for a managing agent), "
                + "{} Gmail connections at the fake Google", connections.size());
    }

    private void paid(Deal deal, String reference) {
        Deal pending = agency.crm().moveDealStage(ADMIN, new MoveDealStage(deal.id(), deal.version(), DealStage.PAYMENT_PENDING));
        Invoice draft = agency.finance().listInvoices(FINANCE, InvoiceQuery.forDeal(pending.id()).limit(1)).items().get(0);
        Invoice issued = agency.finance().issueInvoice(FINANCE, IssueInvoice.of(draft.id(), draft.version()));
        agency.finance().markInvoicePaid(FINANCE, MarkInvoicePaid.of(issued.id(), LocalDate.of(2026, 11, 30), reference));
    }

    /**
     * Connects a user's mailbox at the fake Google, as the consent screen and the callback would.
     *
     * @param userId  the user
     * @param address the account
     * @return the connection's id
     */
    String connect(String userId, String address) {
        Role role = DemoActors.role(userId.substring(0, userId.indexOf('-')).toUpperCase(java.util.Locale.ROOT))
                .orElse(Role.AGENT);
        OperationContext user = OperationContext.of(Actor.staff(userId, role));
        AuthorizationStart start = agency.integrations().startConnect(user, StartConnect.of(Provider.GOOGLE, REDIRECT_URI));
        FakeGoogle.Callback callback = google.approve(start.authorizationUrl(), address);
        Connection connection = agency.integrations().completeConnect(user, CompleteConnect.of(callback.state(), callback.code()));
        connections.put(userId, connection.id());
        return connection.id();
    }
}
