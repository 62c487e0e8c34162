package com.breakagency.core.crm;

import com.breakagency.core.BreakAgency;
import com.breakagency.ports.api.Crm;
import com.breakagency.ports.api.crm.CreateBrand;
import com.breakagency.ports.api.crm.CreateContact;
import com.breakagency.ports.api.crm.CreateDeal;
import com.breakagency.ports.api.crm.CreateTalent;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.model.crm.Contact;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.testkit.CapturingErrorReporter;
import com.breakagency.testkit.InMemoryPersistence;
import com.breakagency.testkit.TestClock;
import java.util.concurrent.atomic.AtomicInteger;

/** A Break agency on in-memory stores, with fixtures in the agency's words. */
final class Agency implements AutoCloseable {

    static final AtomicInteger SEQ = new AtomicInteger();

    final InMemoryPersistence persistence = InMemoryPersistence.create();
    final CapturingErrorReporter reports = new CapturingErrorReporter(persistence.transactions());
    final TestClock clock = new TestClock();
    final BreakAgency agency = BreakAgency.builder().persistence(persistence).errorReporter(reports).clock(clock).build();
    final Crm crm = agency.crm();

    static OperationContext anAdmin() {
        return OperationContext.of(Actor.staff("admin-1", Role.ADMIN));
    }

    static OperationContext anAgent(String userId) {
        return OperationContext.of(Actor.staff(userId, Role.AGENT));
    }

    static OperationContext aFinanceUser() {
        return OperationContext.of(Actor.staff("finance-1", Role.FINANCE));
    }

    static OperationContext theSystem() {
        return OperationContext.system();
    }

    static OperationContext aTalentUser(String talentId) {
        return OperationContext.of(Actor.talent("talent-user-" + talentId, talentId));
    }

    static OperationContext aBrandUser(String brandId) {
        return OperationContext.of(Actor.brand("brand-user-" + brandId, brandId));
    }

    Brand aBrand(String ownerAgentId) {
        int n = SEQ.incrementAndGet();
        return crm.createBrand(anAdmin(), CreateBrand.of("Brand " + n, ownerAgentId).withDomains("brand" + n + ".example"));
    }

    Contact aContact(String brandId) {
        int n = SEQ.incrementAndGet();
        return crm.createContact(anAdmin(), CreateContact.of("Contact " + n, "person" + n + "@contacts.example").atBrand(brandId));
    }

    Talent aTalent(String managingAgentId) {
        int n = SEQ.incrementAndGet();
        return crm.createTalent(anAdmin(), CreateTalent.named("Talent " + n).managedBy(managingAgentId));
    }

    Deal aDeal(Brand brand, Talent talent, String ownerAgentId) {
        return crm.createDeal(anAdmin(), CreateDeal.of(brand.id(), talent.id(), ownerAgentId, "Campaign", Money.of(100_000, "GBP")));
    }

    @Override
    public void close() {
        agency.close();
    }
}
