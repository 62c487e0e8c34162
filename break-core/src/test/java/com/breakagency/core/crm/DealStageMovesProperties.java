package com.breakagency.core.crm;

import com.breakagency.testkit.AgencyFixture;
import com.breakagency.core.TestAgencies;
import com.breakagency.core.BreakAgency;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.ports.api.crm.MoveDealStage;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.audit.AuditEvent;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.DealStage;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random sequences of stage moves by hand, checked against the pipeline as the agency describes it —
 * written out here as an explicit list of allowed moves, independent of {@link DealPipeline}.
 */
class DealStageMovesProperties {

    private static final List<DealStage> BEFORE_PAYMENT = List.of(DealStage.NEW_LEAD, DealStage.NEGOTIATION,
            DealStage.CONTRACT_SENT, DealStage.CONTRACT_SIGNED, DealStage.DELIVERABLES_IN_PROGRESS,
            DealStage.PAYMENT_PENDING);

    /** The agency's rules, spelled out move by move. */
    static boolean agencyAllows(DealStage from, DealStage to) {
        int f = BEFORE_PAYMENT.indexOf(from);
        int t = BEFORE_PAYMENT.indexOf(to);
        boolean forward = f >= 0 && t > f;
        boolean backOne = (from == DealStage.NEGOTIATION && to == DealStage.NEW_LEAD)
                || (from == DealStage.CONTRACT_SENT && to == DealStage.NEGOTIATION);
        boolean lose = f >= 0 && to == DealStage.LOST;
        boolean reopen = from == DealStage.LOST && to == DealStage.NEW_LEAD;
        boolean complete = from == DealStage.PAYMENT_RECEIVED && to == DealStage.COMPLETED;
        return forward || backOne || lose || reopen || complete;
    }

    @Example
    void the_pipeline_policy_agrees_with_the_agency_on_every_pair_of_stages() {
        for (DealStage from : DealStage.values()) {
            for (DealStage to : DealStage.values()) {
                assertEquals(agencyAllows(from, to), DealPipeline.allowedByHand(from, to), from + " -> " + to);
            }
        }
        assertTrue(DealPipeline.PAID_IN_FULL.allows().test(DealStage.PAYMENT_PENDING, DealStage.PAYMENT_RECEIVED));
        for (DealStage from : DealStage.values()) {
            assertTrue(!DealPipeline.allowedByHand(from, DealStage.PAYMENT_RECEIVED), "never by hand: " + from);
        }
    }

    @Provide
    Arbitrary<List<DealStage>> moves() {
        return Arbitraries.of(DealStage.class).list().ofMinSize(1).ofMaxSize(25);
    }

    @Property(tries = 300)
    void random_moves_never_leave_a_deal_where_the_pipeline_does_not_allow(@ForAll("moves") List<DealStage> moves) {
        try (AgencyFixture<BreakAgency> a = TestAgencies.inMemory()) {
            Deal deal = a.aDeal(a.aBrand("agent-1"), a.aTalentManagedBy("agent-1"), "agent-1");
            Set<DealStage> reached = EnumSet.of(deal.stage());
            int legalMoves = 0;
            for (DealStage to : moves) {
                Deal before = a.crm().getDeal(AgencyFixture.anAdmin(), deal.id());
                if (agencyAllows(before.stage(), to)) {
                    deal = a.crm().moveDealStage(AgencyFixture.anAdmin(), new MoveDealStage(before.id(), before.version(), to));
                    assertEquals(to, deal.stage());
                    assertEquals(before.version() + 1, deal.version());
                    legalMoves++;
                } else {
                    BreakException refused = assertThrows(BreakException.class, () -> a.crm().moveDealStage(
                            AgencyFixture.anAdmin(), new MoveDealStage(before.id(), before.version(), to)));
                    assertEquals(ErrorCode.CONFLICT, refused.code());
                    assertEquals(Reason.INVALID_STATE_TRANSITION, refused.reason());
                    assertEquals(before, a.crm().getDeal(AgencyFixture.anAdmin(), deal.id()), "a refused move changes nothing");
                }
                reached.add(a.crm().getDeal(AgencyFixture.anAdmin(), deal.id()).stage());
            }
            assertTrue(!reached.contains(DealStage.PAYMENT_RECEIVED) && !reached.contains(DealStage.COMPLETED),
                    "only finance moves a deal to PAYMENT_RECEIVED, so COMPLETED is out of reach by hand");
            List<AuditEvent> stageEvents = a.stores().auditLog().byEntity(EntityRef.of(EntityType.DEAL, deal.id()),
                    Optional.empty(), 100).stream().filter(e -> e.action() == AuditAction.DEAL_STAGE_CHANGED).toList();
            assertEquals(legalMoves, stageEvents.size(), "one DEAL_STAGE_CHANGED per move made, none per refusal");
        }
    }
}
