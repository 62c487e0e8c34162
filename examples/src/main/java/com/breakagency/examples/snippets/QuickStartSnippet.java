package com.breakagency.examples.snippets;

// tag::quickstart[]
import com.breakagency.adapter.jdbc.JdbcPersistence;
import com.breakagency.core.BreakAgency;
import com.breakagency.ports.api.crm.CreateBrand;
import com.breakagency.ports.api.crm.CreateDeal;
import com.breakagency.ports.api.crm.CreateTalent;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.Talent;
// end::quickstart[]
import javax.sql.DataSource;

/** The README's quick start, compiled so that it cannot drift from the API. */
public final class QuickStartSnippet {

    private QuickStartSnippet() {
    }

    /**
     * A brand, a talent and a deal, on any database a data source reaches.
     *
     * @param dataSource a connection pool, or an H2 or PostgreSQL data source
     * @return the deal
     */
    public static Deal openADeal(DataSource dataSource) {
        // tag::quickstart[]
        try (BreakAgency agency = BreakAgency.builder().persistence(JdbcPersistence.create(dataSource)).build()) {
            OperationContext agent = OperationContext.of(Actor.staff("agent-ana", Role.AGENT));
            Brand brand = agency.crm().createBrand(agent, CreateBrand.of("Northwind", "agent-ana")
                    .withDomains("northwind.example"));
            Talent maya = agency.crm().createTalent(agent, CreateTalent.named("Maya Lopez").managedBy("agent-ana"));
            Deal deal = agency.crm().createDeal(agent, CreateDeal.of(brand.id(), maya.id(), "agent-ana",
                    "Spring campaign", Money.of(1_250_000, "GBP")));
            // end::quickstart[]
            return deal;
            // tag::quickstart[]
        }
        // end::quickstart[]
    }
}
