package com.breakagency.adapter.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.core.BreakAgency;
import com.breakagency.ports.api.crm.AddNote;
import com.breakagency.ports.api.crm.UpdateDeal;
import com.breakagency.ports.api.crm.TimelineQuery;
import com.breakagency.ports.api.crm.UpdateTalent;
import com.breakagency.ports.api.finance.CommissionQuery;
import com.breakagency.ports.api.finance.InvoiceQuery;
import com.breakagency.ports.api.finance.StatementQuery;
import com.breakagency.ports.api.finance.TotalsQuery;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.crm.Activity;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.model.crm.Visibility;
import com.breakagency.ports.model.finance.Beneficiary;
import com.breakagency.ports.model.finance.BeneficiaryKind;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.AgencyFixture;
import com.breakagency.testkit.Refusals;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Access follows the deal, on a whole agency over one backend: after a deal is handed to another agent or
 * a talent to another manager, every finance read answers from the records as they are now, for agents,
 * talent and brand portal users alike; portal users read only the timeline entries shared with them; an
 * agent writes notes on the deals they own now. Subclasses run it in memory, on H2 and on PostgreSQL.
 */
abstract class AccessChecks {

    private static final OperationContext ADMIN = OperationContext.of(Actor.staff("admin-1", Role.ADMIN));
    private static final OperationContext FINANCE = OperationContext.of(Actor.staff("finance-1", Role.FINANCE));
    private static final String OLD_OWNER = "agent-old-owner";
    private static final String NEW_OWNER = "agent-new-owner";
    private static final String OLD_MANAGER = "agent-old-manager";
    private static final String NEW_MANAGER = "agent-new-manager";
    private static final Instant EVER = Instant.EPOCH;
    private static final Instant NEVER = Instant.parse("3000-01-01T00:00:00Z");

    AgencyFixture<BreakAgency> office;
    BreakAgency agency;
    Brand brand;
    Brand otherBrand;
    Talent talent;
    Talent otherTalent;

    /**
     * A fresh, empty set of stores.
     *
     * @return the stores
     */
    abstract Persistence persistence();

    @BeforeEach
    void openAgency() {
        office = JdbcAgencies.on(persistence());
        agency = office.agency();
        brand = office.aBrand(OLD_OWNER);
        otherBrand = office.aBrand(OLD_OWNER);
        talent = office.aTalentManagedBy(OLD_MANAGER);
        otherTalent = office.aTalentManagedBy(OLD_MANAGER);
    }

    @AfterEach
    void closeAgency() {
        office.close();
    }

    @Test
    void reassigning_a_deal_moves_its_invoices_to_the_new_agent() {
        Invoice invoice = anIssuedInvoice(aDeal(OLD_OWNER));
        Deal deal = agency.crm().getDeal(ADMIN, invoice.dealId());

        assertReads(invoice, agent(OLD_OWNER));
        assertRefused(invoice, agent(NEW_OWNER));
        assertPortalReads(invoice);

        // the owner hands the deal over
        Deal handed = agency.crm().updateDeal(agent(OLD_OWNER), UpdateDeal.of(deal).ownedBy(NEW_OWNER));

        assertRefused(invoice, agent(OLD_OWNER));
        assertReads(invoice, agent(NEW_OWNER));
        assertPortalReads(invoice);
        // the invoice is the same record: nothing was copied or rewritten to move it
        assertEquals(invoice, agency.finance().getInvoice(FINANCE, invoice.id()));

        // and back, by an administrator
        agency.crm().updateDeal(ADMIN, UpdateDeal.of(deal.id(), handed.version()).ownedBy(OLD_OWNER).withTitle(deal.title())
                .withValue(deal.value()));
        assertReads(invoice, agent(OLD_OWNER));
        assertRefused(invoice, agent(NEW_OWNER));
    }

    @Test
    void a_listing_scoped_to_an_agent_pages_through_the_deals_they_own_now() {
        List<Invoice> invoices = List.of(anIssuedInvoice(aDeal(OLD_OWNER)), anIssuedInvoice(aDeal(OLD_OWNER)),
                anIssuedInvoice(aDeal(OLD_OWNER)));
        Deal moved = agency.crm().getDeal(ADMIN, invoices.get(1).dealId());
        agency.crm().updateDeal(ADMIN, UpdateDeal.of(moved.id(), moved.version()).ownedBy(NEW_OWNER).withTitle(moved.title())
                .withValue(moved.value()));

        assertEquals(List.of(invoices.get(0).id(), invoices.get(2).id()), allInvoiceIds(agent(OLD_OWNER)));
        assertEquals(List.of(invoices.get(1).id()), allInvoiceIds(agent(NEW_OWNER)));
    }

    @Test
    void reassigning_a_talents_manager_leaves_earned_commissions_with_who_earned_them_and_pays_the_new_one_next() {
        Invoice invoice = anIssuedInvoice(aDeal(OLD_OWNER));
        pay(invoice, 100_000);
        assertEquals(1, agentLines(OLD_MANAGER, OLD_MANAGER).size());
        assertEquals(List.of(), agentLines(NEW_MANAGER, NEW_MANAGER));

        Talent current = agency.crm().getTalent(ADMIN, talent.id());
        agency.crm().updateTalent(ADMIN, UpdateTalent.of(current).managedBy(NEW_MANAGER));

        // invoices follow the deal, not the manager: nothing moved for them
        assertReads(invoice, agent(OLD_OWNER));
        assertRefused(invoice, agent(OLD_MANAGER));
        assertRefused(invoice, agent(NEW_MANAGER));
        assertPortalReads(invoice);
        // what the old manager earned stays theirs, in listings and in statements
        List<CommissionLine> earned = agentLines(OLD_MANAGER, OLD_MANAGER);
        assertEquals(1, earned.size());
        assertEquals(List.of(), agentLines(NEW_MANAGER, NEW_MANAGER));
        assertEquals(earned, agency.finance().statement(agent(OLD_MANAGER), statementOf(OLD_MANAGER)).lines());
        Refusals.forbidden(() -> agency.finance().statement(agent(NEW_MANAGER), statementOf(OLD_MANAGER)));
        Refusals.forbidden(() -> agency.finance().statement(agent(OLD_MANAGER), statementOf(NEW_MANAGER)));

        // the next invoice's payment pays the manager the talent has now
        Invoice next = anIssuedInvoice(aDeal(OLD_OWNER));
        pay(next, 100_000);
        List<CommissionLine> nextLines = agentLines(NEW_MANAGER, NEW_MANAGER);
        assertEquals(1, nextLines.size());
        assertEquals(next.id(), nextLines.get(0).invoiceId());
        assertEquals(earned, agentLines(OLD_MANAGER, OLD_MANAGER), "the old manager gained nothing");
        assertEquals(nextLines, agency.finance().statement(agent(NEW_MANAGER), statementOf(NEW_MANAGER)).lines());
        // the talent's own lines stay the talent's throughout
        OperationContext talentUser = OperationContext.of(Actor.talent("talent-user", talent.id()));
        List<CommissionLine> talentLines = agency.finance().listCommissions(talentUser, CommissionQuery.first(100)).items();
        assertEquals(2, talentLines.size(), "one line of each invoice");
        assertTrue(talentLines.stream().allMatch(l -> l.beneficiary().equals(Beneficiary.talent(talent.id()))));
        assertEquals(List.of(), agency.finance().listCommissions(OperationContext.of(Actor.talent("other-user",
                otherTalent.id())), CommissionQuery.first(100)).items());
    }

    @Test
    void portal_users_read_only_the_shared_entries_of_their_timelines_and_staff_read_all() {
        Deal deal = aDeal(OLD_OWNER);
        EntityRef onDeal = EntityRef.of(EntityType.DEAL, deal.id());
        EntityRef onBrand = EntityRef.of(EntityType.BRAND, brand.id());
        EntityRef onTalent = EntityRef.of(EntityType.TALENT, talent.id());
        Map<EntityRef, List<String>> shared = new LinkedHashMap<>();
        Map<EntityRef, List<String>> all = new LinkedHashMap<>();
        for (EntityRef subject : List.of(onDeal, onBrand, onTalent)) {
            List<String> sharedIds = new ArrayList<>();
            List<String> allIds = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                AddNote command = i % 2 == 0 ? new AddNote(subject, "internal " + i) : AddNote.shared(subject, "shared " + i);
                Activity note = agency.crm().addNote(agent(OLD_OWNER), command);
                assertEquals(i % 2 == 0 ? Visibility.INTERNAL : Visibility.SHARED, note.visibility());
                allIds.add(0, note.id());
                if (note.visibility() == Visibility.SHARED) {
                    sharedIds.add(0, note.id());
                }
            }
            shared.put(subject, sharedIds);
            all.put(subject, allIds);
        }
        OperationContext brandUser = OperationContext.of(Actor.brand("brand-user", brand.id()));
        OperationContext talentUser = OperationContext.of(Actor.talent("talent-user", talent.id()));

        for (OperationContext staff : List.of(ADMIN, FINANCE, agent(OLD_OWNER), agent(NEW_OWNER))) {
            for (EntityRef subject : all.keySet()) {
                assertEquals(all.get(subject), timeline(staff, subject), staff.actor().userId() + " on " + subject);
            }
        }
        assertEquals(shared.get(onDeal), timeline(brandUser, onDeal));
        assertEquals(shared.get(onBrand), timeline(brandUser, onBrand));
        assertEquals(shared.get(onDeal), timeline(talentUser, onDeal));
        assertEquals(shared.get(onTalent), timeline(talentUser, onTalent));
        Refusals.forbidden(() -> timeline(brandUser, onTalent));
        Refusals.forbidden(() -> timeline(talentUser, onBrand));
        Refusals.forbidden(() -> agency.crm().addNote(brandUser, AddNote.shared(onDeal, "from the brand")));
        Refusals.forbidden(() -> agency.crm().addNote(talentUser, AddNote.shared(onDeal, "from the talent")));
    }

    @Test
    void an_agent_adds_notes_to_the_deals_they_own_now_and_to_any_brand_or_talent() {
        Deal deal = aDeal(OLD_OWNER);
        EntityRef onDeal = EntityRef.of(EntityType.DEAL, deal.id());

        agency.crm().addNote(agent(OLD_OWNER), new AddNote(onDeal, "owner's note"));
        Refusals.forbidden(() -> agency.crm().addNote(agent(NEW_OWNER), new AddNote(onDeal, "not my deal")));
        agency.crm().addNote(agent(NEW_OWNER), new AddNote(EntityRef.of(EntityType.BRAND, brand.id()), "any brand"));
        agency.crm().addNote(agent(NEW_OWNER), new AddNote(EntityRef.of(EntityType.TALENT, talent.id()), "any talent"));

        agency.crm().updateDeal(agent(OLD_OWNER), UpdateDeal.of(deal.id(), deal.version()).ownedBy(NEW_OWNER).withTitle(deal.title())
                .withValue(deal.value()));

        Refusals.forbidden(() -> agency.crm().addNote(agent(OLD_OWNER), new AddNote(onDeal, "no longer mine")));
        agency.crm().addNote(agent(NEW_OWNER), new AddNote(onDeal, "mine now"));
        assertEquals(List.of("mine now", "owner's note"), agency.crm().timeline(ADMIN, TimelineQuery.of(onDeal).limit(10)).items().stream()
                .map(Activity::text).toList());
    }

    // ---- reads ----

    /** Every entry of a timeline, newest first, read two at a time. */
    private List<String> timeline(OperationContext ctx, EntityRef subject) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 100; page++) {
            var result = agency.crm().timeline(ctx, TimelineQuery.of(subject).after(cursor).limit(2));
            result.items().forEach(a -> ids.add(a.id()));
            if (result.nextCursor().isEmpty()) {
                return ids;
            }
            cursor = result.nextCursor().get();
        }
        throw new AssertionError("more than 100 pages");
    }

    /** Every finance read, as an agent who owns the invoice's deal now. */
    private void assertReads(Invoice invoice, OperationContext agent) {
        assertEquals(invoice.id(), agency.finance().getInvoice(agent, invoice.id()).id());
        assertTrue(allInvoiceIds(agent).contains(invoice.id()), "listed for " + agent.actor().userId());
        assertEquals(List.of(invoice.id()), agency.finance().listInvoices(agent,
                InvoiceQuery.forDeal(invoice.dealId()).limit(10)).items().stream()
                .map(Invoice::id).toList());
        assertNoOtherReads(agent);
    }

    /** Every finance read, as an agent who does not own the invoice's deal now. */
    private void assertRefused(Invoice invoice, OperationContext agent) {
        Refusals.forbidden(() -> agency.finance().getInvoice(agent, invoice.id()));
        assertTrue(!allInvoiceIds(agent).contains(invoice.id()), "not listed for " + agent.actor().userId());
        assertEquals(List.of(), agency.finance().listInvoices(agent,
                InvoiceQuery.forDeal(invoice.dealId()).limit(10)).items());
        assertNoOtherReads(agent);
    }

    /** What an agent never reads, owner or not: someone else's commission lines and statement, the totals. */
    private void assertNoOtherReads(OperationContext agent) {
        String me = agent.actor().userId();
        assertTrue(agency.finance().listCommissions(agent, CommissionQuery.first(100)).items().stream()
                .allMatch(l -> l.beneficiary().equals(Beneficiary.agent(me))));
        Refusals.forbidden(() -> agency.finance().statement(agent, new StatementQuery(BeneficiaryKind.TALENT, talent.id(), EVER,
                NEVER)));
        Refusals.forbidden(() -> agency.finance().totals(agent, new TotalsQuery(LocalDate.of(2020, 1, 1),
                LocalDate.of(2999, 1, 1))));
    }

    /** The deal's talent and brand read the invoice; another talent and another brand do not. */
    private void assertPortalReads(Invoice invoice) {
        OperationContext ownTalent = OperationContext.of(Actor.talent("talent-user", talent.id()));
        OperationContext ownBrand = OperationContext.of(Actor.brand("brand-user", brand.id()));
        OperationContext otherTalentUser = OperationContext.of(Actor.talent("other-talent-user", otherTalent.id()));
        OperationContext otherBrandUser = OperationContext.of(Actor.brand("other-brand-user", otherBrand.id()));
        for (OperationContext owner : List.of(ownTalent, ownBrand)) {
            assertEquals(invoice.id(), agency.finance().getInvoice(owner, invoice.id()).id());
            assertTrue(allInvoiceIds(owner).contains(invoice.id()));
        }
        for (OperationContext stranger : List.of(otherTalentUser, otherBrandUser)) {
            Refusals.forbidden(() -> agency.finance().getInvoice(stranger, invoice.id()));
            assertTrue(!allInvoiceIds(stranger).contains(invoice.id()));
        }
        Refusals.forbidden(() -> agency.finance().listCommissions(ownBrand, CommissionQuery.first(10)));
        Refusals.forbidden(() -> agency.finance().statement(ownBrand, new StatementQuery(BeneficiaryKind.TALENT, talent.id(),
                EVER, NEVER)));
        Refusals.forbidden(() -> agency.finance().statement(otherTalentUser, new StatementQuery(BeneficiaryKind.TALENT,
                talent.id(), EVER, NEVER)));
        assertEquals(BeneficiaryKind.TALENT, agency.finance().statement(ownTalent, new StatementQuery(
                BeneficiaryKind.TALENT, talent.id(), EVER, NEVER)).beneficiary().kind());
    }

    private List<String> allInvoiceIds(OperationContext ctx) {
        List<String> ids = new ArrayList<>();
        InvoiceQuery query = InvoiceQuery.first(2);
        for (int page = 0; page < 100; page++) {
            var result = agency.finance().listInvoices(ctx, query);
            result.items().forEach(i -> ids.add(i.id()));
            if (result.nextCursor().isEmpty()) {
                return ids;
            }
            query = query.after(result.nextCursor().get());
        }
        throw new AssertionError("more than 100 pages");
    }

    /** The commission lines the asking agent sees that pay the named agent. */
    private List<CommissionLine> agentLines(String asking, String paid) {
        return agency.finance().listCommissions(agent(asking), CommissionQuery.first(100)).items().stream()
                .filter(l -> l.beneficiary().equals(Beneficiary.agent(paid))).toList();
    }

    private static StatementQuery statementOf(String agentUserId) {
        return new StatementQuery(BeneficiaryKind.AGENT, agentUserId, EVER, NEVER);
    }

    // ---- making things ----

    private Deal aDeal(String owner) {
        return office.aDeal(brand, talent, owner);
    }

    private Invoice anIssuedInvoice(Deal deal) {
        return office.anIssuedInvoice(deal);
    }

    private void pay(Invoice invoice, long amount) {
        office.pay(invoice, amount);
    }

    private static OperationContext agent(String userId) {
        return OperationContext.of(Actor.staff(userId, Role.AGENT));
    }
}
