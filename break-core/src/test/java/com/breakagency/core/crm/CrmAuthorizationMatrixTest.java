package com.breakagency.core.crm;

import com.breakagency.testkit.TestIds;
import com.breakagency.testkit.AgencyFixture;
import com.breakagency.testkit.Refusals;
import com.breakagency.core.TestAgencies;
import com.breakagency.core.BreakAgency;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.breakagency.core.AuthorizationDocument;
import com.breakagency.core.boundary.Operation;
import com.breakagency.ports.api.crm.AddNote;
import com.breakagency.ports.api.crm.Archive;
import com.breakagency.ports.api.crm.BrandQuery;
import com.breakagency.ports.api.crm.ContactQuery;
import com.breakagency.ports.api.crm.CreateBrand;
import com.breakagency.ports.api.crm.CreateContact;
import com.breakagency.ports.api.crm.CreateDeal;
import com.breakagency.ports.api.crm.CreateTalent;
import com.breakagency.ports.api.crm.DealQuery;
import com.breakagency.ports.api.crm.MoveDealStage;
import com.breakagency.ports.api.crm.TalentQuery;
import com.breakagency.ports.api.crm.TimelineQuery;
import com.breakagency.ports.api.crm.UpdateBrand;
import com.breakagency.ports.api.crm.UpdateContact;
import com.breakagency.ports.api.crm.UpdateDeal;
import com.breakagency.ports.api.crm.UpdateTalent;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.Page;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.model.crm.Contact;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.DealStage;
import com.breakagency.ports.model.crm.Talent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every CRM operation × every role, run as a real call through the agency and checked against the
 * authorization table of {@code docs/authorization.md} (which {@code PolicyTableMatchesTheDocumentTest}
 * holds equal to the policy table): allowed, allowed for own records, or FORBIDDEN — and FORBIDDEN is the
 * same answer for an existing and a missing id.
 */
class CrmAuthorizationMatrixTest {

    enum Expect { YES, OWN, NO }

    enum Kind { TARGETED, CREATE, LIST, FIND }

    static final String MISSING = "no-such-record";

    /** What the table says of one operation and role. */
    static Expect expect(Operation operation, Role role) {
        return switch (AuthorizationDocument.standard().rule(operation, role)) {
            case ALLOW -> Expect.YES;
            case OWN -> Expect.OWN;
            case DENY -> Expect.NO;
        };
    }

    /** A world: records owned by agent-owner, talent T1 and brand B1; others own nothing of it. */
    static final class World {
        final AgencyFixture<BreakAgency> a = TestAgencies.inMemory();
        final Brand b1 = a.aBrand("agent-owner");
        final Brand b2 = a.aBrand("agent-else");
        final Talent t1 = a.aTalentManagedBy("agent-owner");
        final Talent t2 = a.aTalentManagedBy("agent-else");
        final Contact c1 = a.aContact(b1.id());
        final Deal d1 = a.aDeal(b1, t1, "agent-owner");

        OperationContext nonOwner(Role role) {
            return switch (role) {
                case ADMIN -> AgencyFixture.anAdmin();
                case FINANCE -> AgencyFixture.aFinanceUser();
                case AGENT -> AgencyFixture.anAgent("agent-other");
                case TALENT -> AgencyFixture.aTalentUser(t2.id());
                case BRAND -> AgencyFixture.aBrandUser(b2.id());
                case SYSTEM -> AgencyFixture.theSystem();
            };
        }

        OperationContext owner(Role role) {
            return switch (role) {
                case AGENT -> AgencyFixture.anAgent("agent-owner");
                case TALENT -> AgencyFixture.aTalentUser(t1.id());
                case BRAND -> AgencyFixture.aBrandUser(b1.id());
                default -> nonOwner(role);
            };
        }
    }

    @FunctionalInterface
    interface Run {
        Object apply(World w, OperationContext ctx, boolean missing);
    }

    /**
     * One CRM operation: how to run it against the owned record (or a missing id), and how to tell
     * whether a listing or look-up result shows the owned record.
     */
    record Op(Operation operation, Kind kind, Run run) {
        @Override
        public String toString() {
            return operation.name();
        }
    }

    static String id(boolean missing, String existing) {
        return missing ? MISSING : existing;
    }

    static List<Op> operations() {
        List<Op> ops = new ArrayList<>();
        ops.add(new Op(CrmOperations.GET_BRAND, Kind.TARGETED, (w, c, m) -> w.a.crm().getBrand(c, id(m, w.b1.id()))));
        ops.add(new Op(CrmOperations.LIST_BRANDS, Kind.LIST, (w, c, m) -> w.a.crm().listBrands(c, BrandQuery.all().limit(100))));
        ops.add(new Op(CrmOperations.FIND_BRAND_BY_DOMAIN, Kind.FIND,
                (w, c, m) -> w.a.crm().findBrandByDomain(c, "someone@" + w.b1.domains().iterator().next())));
        ops.add(new Op(CrmOperations.GET_CONTACT, Kind.TARGETED, (w, c, m) -> w.a.crm().getContact(c, id(m, w.c1.id()))));
        ops.add(new Op(CrmOperations.LIST_CONTACTS, Kind.LIST, (w, c, m) -> w.a.crm().listContacts(c, ContactQuery.all().limit(100))));
        ops.add(new Op(CrmOperations.FIND_CONTACT_BY_EMAIL, Kind.FIND,
                (w, c, m) -> w.a.crm().findContactByEmail(c, w.c1.primaryEmail())));
        ops.add(new Op(CrmOperations.GET_TALENT, Kind.TARGETED, (w, c, m) -> w.a.crm().getTalent(c, id(m, w.t1.id()))));
        ops.add(new Op(CrmOperations.LIST_TALENT, Kind.LIST, (w, c, m) -> w.a.crm().listTalent(c, TalentQuery.all().limit(100))));
        ops.add(new Op(CrmOperations.GET_DEAL, Kind.TARGETED, (w, c, m) -> w.a.crm().getDeal(c, id(m, w.d1.id()))));
        ops.add(new Op(CrmOperations.LIST_DEALS, Kind.LIST, (w, c, m) -> w.a.crm().listDeals(c, DealQuery.all().limit(100))));
        ops.add(new Op(CrmOperations.TIMELINE, Kind.TARGETED,
                (w, c, m) -> w.a.crm().timeline(c, TimelineQuery.of(EntityRef.of(EntityType.DEAL, id(m, w.d1.id()))).limit(10))));
        ops.add(new Op(CrmOperations.CREATE_BRAND, Kind.CREATE, (w, c, m) -> w.a.crm().createBrand(c,
                CreateBrand.of("New brand", "agent-owner").withDomains("new-" + TestIds.next() + ".example"))));
        ops.add(new Op(CrmOperations.UPDATE_BRAND, Kind.TARGETED, (w, c, m) -> w.a.crm().updateBrand(c,
                UpdateBrand.of(id(m, w.b1.id()), 1).withName("Renamed").withDomains(w.b1.domains()).ownedBy("agent-owner"))));
        ops.add(new Op(CrmOperations.CREATE_CONTACT, Kind.TARGETED, (w, c, m) -> w.a.crm().createContact(c,
                CreateContact.of("New person", "new" + TestIds.next() + "@x.example").atBrand(id(m, w.b1.id())))));
        ops.add(new Op(CrmOperations.UPDATE_CONTACT, Kind.TARGETED, (w, c, m) -> w.a.crm().updateContact(c,
                UpdateContact.of(id(m, w.c1.id()), 1).atBrand(w.b1.id()).withName("Renamed").withPrimaryEmail(w.c1.primaryEmail()))));
        ops.add(new Op(CrmOperations.CREATE_TALENT, Kind.CREATE, (w, c, m) -> w.a.crm().createTalent(c,
                CreateTalent.named("New talent").paidIn("EUR"))));
        ops.add(new Op(CrmOperations.UPDATE_TALENT, Kind.TARGETED, (w, c, m) -> w.a.crm().updateTalent(c,
                UpdateTalent.of(id(m, w.t1.id()), 1).withName("Renamed").managedBy("agent-owner"))));
        ops.add(new Op(CrmOperations.ARCHIVE, Kind.TARGETED,
                (w, c, m) -> { w.a.crm().archive(c, new Archive(EntityType.CONTACT, id(m, w.c1.id()), 1)); return "archived"; }));
        ops.add(new Op(CrmOperations.ADD_NOTE, Kind.TARGETED, (w, c, m) -> w.a.crm().addNote(c,
                new AddNote(EntityRef.of(EntityType.BRAND, id(m, w.b1.id())), "Called them"))));
        ops.add(new Op(CrmOperations.ADD_DEAL_NOTE, Kind.TARGETED, (w, c, m) -> w.a.crm().addNote(c,
                new AddNote(EntityRef.of(EntityType.DEAL, id(m, w.d1.id())), "They want a deck by Friday"))));
        ops.add(new Op(CrmOperations.CREATE_DEAL, Kind.TARGETED, (w, c, m) -> w.a.crm().createDeal(c,
                CreateDeal.of(id(m, w.b1.id()), w.t1.id(), "agent-owner", "Another campaign", Money.of(5_000, "GBP")))));
        ops.add(new Op(CrmOperations.UPDATE_DEAL, Kind.TARGETED, (w, c, m) -> w.a.crm().updateDeal(c,
                UpdateDeal.of(id(m, w.d1.id()), 1).ownedBy("agent-owner").withTitle("Bigger campaign").withValue(Money.of(200_000, "GBP")))));
        ops.add(new Op(CrmOperations.MOVE_DEAL_STAGE, Kind.TARGETED, (w, c, m) -> w.a.crm().moveDealStage(c,
                new MoveDealStage(id(m, w.d1.id()), 1, DealStage.NEGOTIATION))));
        return ops;
    }

    static Stream<Arguments> everyOperationAndRole() {
        return operations().stream().flatMap(op -> Stream.of(Role.values()).map(role -> Arguments.of(op, role)));
    }

    @Test
    void the_matrix_runs_every_crm_operation() {
        assertEquals(CrmOperations.ALL.stream().map(Operation::name).sorted().toList(),
                operations().stream().map(op -> op.operation().name()).sorted().toList());
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyOperationAndRole")
    void every_operation_answers_every_role_as_the_matrix_says(Op op, Role role) {
        Expect expect = expect(op.operation(), role);
        World w = new World();
        try {
            switch (expect) {
                case NO -> {
                    BreakException onExisting = Refusals.forbidden(() -> op.run().apply(w, w.owner(role), false));
                    if (op.kind() == Kind.TARGETED) {
                        BreakException onMissing = Refusals.forbidden(() -> op.run().apply(w, w.owner(role), true));
                        Refusals.assertSameAnswer(onExisting, onMissing);
                    }
                }
                case YES -> {
                    Object result = op.run().apply(w, w.nonOwner(role), false);
                    if (op.kind() == Kind.LIST || op.kind() == Kind.FIND) {
                        assertTrue(shows(result), op + " as " + role + " shows the record");
                    }
                    if (op.kind() == Kind.TARGETED) {
                        BreakException missing = assertThrows(BreakException.class,
                                () -> op.run().apply(w, w.nonOwner(role), true));
                        assertEquals(ErrorCode.NOT_FOUND, missing.code(), op + " as " + role + " on a missing id");
                    }
                }
                case OWN -> {
                    if (op.kind() == Kind.TARGETED) {
                        BreakException notTheirs = Refusals.forbidden(() -> op.run().apply(w, w.nonOwner(role), false));
                        BreakException onMissing = Refusals.forbidden(() -> op.run().apply(w, w.nonOwner(role), true));
                        Refusals.assertSameAnswer(notTheirs, onMissing);
                        op.run().apply(w, w.owner(role), false);
                    } else {
                        assertFalse(shows(op.run().apply(w, w.nonOwner(role), false)),
                                op + " as a " + role + " who does not own the record must not show it");
                        assertTrue(shows(op.run().apply(w, w.owner(role), false)),
                                op + " as the owning " + role + " shows the record");
                    }
                }
            }
        } finally {
            w.a.close();
        }
    }

    /** Whether a listing or look-up result holds the world's owned records (b1, c1, t1 or d1). */
    private static boolean shows(Object result) {
        if (result instanceof Page<?> page) {
            return !page.items().isEmpty() && page.items().stream().anyMatch(CrmAuthorizationMatrixTest::owned);
        }
        if (result instanceof Optional<?> found) {
            return found.isPresent();
        }
        throw new AssertionError("not a listing or look-up: " + result);
    }

    private static boolean owned(Object item) {
        if (item instanceof Brand b) {
            return b.ownerAgentId().equals("agent-owner");
        }
        if (item instanceof Contact c) {
            return c.name().startsWith("Contact");
        }
        if (item instanceof Talent t) {
            return t.managingAgentId().equals(Optional.of("agent-owner"));
        }
        if (item instanceof Deal d) {
            return d.ownerAgentId().equals("agent-owner");
        }
        return false;
    }
}
