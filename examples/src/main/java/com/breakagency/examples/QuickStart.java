package com.breakagency.examples;

import com.breakagency.core.BreakAgency;
import com.breakagency.ports.api.Crm;
import com.breakagency.ports.api.crm.CreateBrand;
import com.breakagency.ports.api.crm.CreateDeal;
import com.breakagency.ports.api.crm.CreateTalent;
import com.breakagency.ports.api.crm.MoveDealStage;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.Problem;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.audit.AuditEvent;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.DealStage;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.testkit.InMemoryPersistence;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The quick start: a brand, a talent, a deal moved along the pipeline, a move the pipeline refuses,
 * and the audit trail, all through Break's boundary on in-memory stores.
 */
public final class QuickStart {

    private QuickStart() {
    }

    /**
     * Runs the walk-through.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        InMemoryPersistence persistence = InMemoryPersistence.create();
        try (BreakAgency agency = BreakAgency.builder().persistence(persistence).build()) {
            Crm crm = agency.crm();
            OperationContext agent = OperationContext.of(Actor.staff("agent-ana", Role.AGENT));

            Brand brand = crm.createBrand(agent, new CreateBrand("Northwind Coffee", Set.of("Northwind.example"),
                    "agent-ana", Set.of("food")));
            say("1. Created brand '%s' with domain %s.", brand.name(), brand.domains());

            Talent talent = crm.createTalent(agent, new CreateTalent("Maya Lopez", List.of(), null, "agent-ana",
                    null, null));
            say("2. Created talent '%s', managed by %s, paid in %s.", talent.name(),
                    talent.managingAgentId().orElseThrow(), talent.homeCurrency());

            Deal deal = crm.createDeal(agent, new CreateDeal(brand.id(), talent.id(), "agent-ana",
                    "Spring campaign", 1_250_000, "GBP", null));
            say("3. Created deal '%s' worth %s in stage %s.", deal.title(), deal.value(), deal.stage());

            deal = crm.moveDealStage(agent, new MoveDealStage(deal.id(), deal.version(), DealStage.CONTRACT_SIGNED));
            say("4. Moved the deal forward to %s (skipping stages is allowed).", deal.stage());

            try {
                crm.moveDealStage(agent, new MoveDealStage(deal.id(), deal.version(), DealStage.PAYMENT_RECEIVED));
            } catch (BreakException refused) {
                Problem problem = Problem.of(refused, agent);
                say("5. Moving it to PAYMENT_RECEIVED by hand is refused: %s/%s, \"%s\"", problem.code(),
                        problem.reason(), problem.title());
            }

            Optional<Brand> found = crm.findBrandByDomain(agent, "jane@NORTHWIND.example ");
            say("6. An email from jane@NORTHWIND.example belongs to: %s",
                    found.map(Brand::name).orElse("no brand"));

            List<AuditEvent> trail = persistence.auditLog().byEntity(EntityRef.of(EntityType.DEAL, deal.id()),
                    Optional.empty(), 50);
            say("7. The deal's audit trail:");
            for (AuditEvent event : trail) {
                say("   %s by %s %s %s", event.action(), event.actorUserId(), event.actorRoles(), event.changes());
            }
        }
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(format, args));
    }
}
