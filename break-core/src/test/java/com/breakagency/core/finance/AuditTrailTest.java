package com.breakagency.core.finance;

import com.breakagency.testkit.AgencyFixture;
import com.breakagency.core.TestAgencies;
import com.breakagency.core.BreakAgency;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.ports.api.AuditTrail;
import com.breakagency.ports.api.audit.AuditQuery;
import com.breakagency.ports.api.crm.UpdateBrand;
import com.breakagency.ports.api.finance.PaymentResult;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.Page;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.audit.AuditEvent;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.model.finance.Invoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The audit trail through the boundary: authorized like the record it describes, keyset-paged, oldest first. */
class AuditTrailTest {

    private final AgencyFixture<BreakAgency> books = TestAgencies.inMemory();
    private final AuditTrail trail = books.agency().auditTrail();
    private final Brand brand = books.aBrand(AgencyFixture.DEAL_OWNER);
    private final Talent talent = books.aTalentManagedBy(AgencyFixture.MANAGING_AGENT);
    private final Deal deal = books.aDeal(brand, talent, AgencyFixture.DEAL_OWNER, 100_000, "GBP");
    private final Invoice invoice = books.anIssuedInvoice(deal);

    @AfterEach
    void close() {
        books.close();
    }

    private static EntityRef ref(EntityType type, String id) {
        return EntityRef.of(type, id);
    }

    private List<AuditAction> actions(OperationContext who, EntityRef entity) {
        return trail.forEntity(who, AuditQuery.of(entity)).items().stream().map(AuditEvent::action).toList();
    }

    private ErrorCode refusal(OperationContext who, EntityRef entity) {
        return assertThrows(BreakException.class, () -> trail.forEntity(who, AuditQuery.of(entity))).code();
    }

    @Test
    void a_deal_trail_is_what_happened_to_the_deal_oldest_first() {
        assertEquals(List.of(AuditAction.DEAL_CREATED, AuditAction.DEAL_STAGE_CHANGED),
                actions(AgencyFixture.anAdmin(), ref(EntityType.DEAL, deal.id())));
    }

    @Test
    void whoever_may_read_a_deal_reads_its_trail_and_nobody_else() {
        EntityRef dealRef = ref(EntityType.DEAL, deal.id());
        assertTrue(actions(AgencyFixture.anAgent("agent-someone-else"), dealRef).contains(AuditAction.DEAL_CREATED),
                "staff read every deal");
        assertTrue(actions(AgencyFixture.aTalentUser(talent.id()), dealRef).contains(AuditAction.DEAL_CREATED));
        assertTrue(actions(AgencyFixture.aBrandUser(brand.id()), dealRef).contains(AuditAction.DEAL_CREATED));
        assertEquals(ErrorCode.FORBIDDEN, refusal(AgencyFixture.aTalentUser("another-talent"), dealRef));
        assertEquals(ErrorCode.FORBIDDEN, refusal(AgencyFixture.aBrandUser("another-brand"), dealRef));
    }

    @Test
    void an_invoice_trail_needs_the_right_to_read_the_invoice() {
        EntityRef invoiceRef = ref(EntityType.INVOICE, invoice.id());
        assertTrue(actions(AgencyFixture.aFinanceUser(), invoiceRef).contains(AuditAction.INVOICE_ISSUED));
        assertTrue(actions(AgencyFixture.anAgent(AgencyFixture.DEAL_OWNER), invoiceRef).contains(AuditAction.INVOICE_ISSUED),
                "the deal's owner reads its invoice");
        assertEquals(ErrorCode.FORBIDDEN, refusal(AgencyFixture.anAgent("agent-someone-else"), invoiceRef),
                "an agent reads only their own deals' invoices");
        assertEquals(ErrorCode.FORBIDDEN, refusal(AgencyFixture.aBrandUser("another-brand"), invoiceRef));
    }

    @Test
    void a_payment_trail_is_authorized_as_its_invoice() {
        PaymentResult paid = books.pay(invoice, 10_000);
        EntityRef paymentRef = ref(EntityType.PAYMENT, paid.payment().id());
        assertEquals(List.of(AuditAction.PAYMENT_RECORDED), actions(AgencyFixture.aTalentUser(talent.id()), paymentRef));
        assertEquals(ErrorCode.FORBIDDEN, refusal(AgencyFixture.aTalentUser("another-talent"), paymentRef));
        assertEquals(ErrorCode.NOT_FOUND, refusal(AgencyFixture.anAdmin(), ref(EntityType.PAYMENT, "no-such-payment")));
    }

    @Test
    void a_missing_record_is_not_found_for_staff_and_forbidden_for_a_portal_user() {
        assertEquals(ErrorCode.NOT_FOUND, refusal(AgencyFixture.anAdmin(), ref(EntityType.DEAL, "no-such-deal")));
        assertEquals(ErrorCode.FORBIDDEN, refusal(AgencyFixture.aBrandUser(brand.id()), ref(EntityType.DEAL, "no-such-deal")));
    }

    @Test
    void trails_of_steps_and_janitor_runs_are_for_admins_and_the_system_only() {
        books.agency().runJanitor();
        EntityRef run = books.stores().auditLog().latest(AuditAction.JANITOR_RAN).orElseThrow().entity();
        assertEquals(List.of(AuditAction.JANITOR_RAN), actions(AgencyFixture.anAdmin(), run));
        assertEquals(List.of(AuditAction.JANITOR_RAN), actions(AgencyFixture.theSystem(), run));
        assertEquals(ErrorCode.FORBIDDEN, refusal(AgencyFixture.aFinanceUser(), run));
        assertEquals(ErrorCode.FORBIDDEN, refusal(AgencyFixture.anAgent(AgencyFixture.DEAL_OWNER), run));
        assertEquals(ErrorCode.FORBIDDEN, refusal(AgencyFixture.aTalentUser(talent.id()), run));
    }

    @Test
    void a_bad_query_is_a_validation_failure_before_anything_is_read() {
        assertEquals(ErrorCode.VALIDATION_FAILED, assertThrows(BreakException.class,
                () -> trail.forEntity(AgencyFixture.anAdmin(), null)).code());
        assertEquals(ErrorCode.VALIDATION_FAILED, assertThrows(BreakException.class,
                () -> trail.forEntity(AgencyFixture.anAdmin(), AuditQuery.of(ref(EntityType.DEAL, deal.id())).limit(0))).code());
        assertEquals(ErrorCode.VALIDATION_FAILED, assertThrows(BreakException.class,
                () -> trail.forEntity(AgencyFixture.anAdmin(), AuditQuery.of(ref(EntityType.DEAL, deal.id())).after("nope!"))).code());
    }

    @Test
    void paging_through_a_long_trail_sees_every_event_once_in_order_even_while_it_grows() {
        Brand current = brand;
        for (int i = 0; i < 11; i++) {
            current = books.crm().updateBrand(AgencyFixture.anAdmin(), UpdateBrand.of(current).withName("Renamed " + i));
        }
        EntityRef brandRef = ref(EntityType.BRAND, brand.id());
        List<String> expected = books.stores().auditLog().byEntity(brandRef, Optional.empty(), 1_000).stream()
                .map(AuditEvent::id).toList();
        assertEquals(12, expected.size());

        List<String> seen = new ArrayList<>();
        AuditQuery query = AuditQuery.of(brandRef).limit(5);
        int pages = 0;
        while (true) {
            Page<AuditEvent> page = trail.forEntity(AgencyFixture.anAdmin(), query);
            assertTrue(page.items().size() <= 5);
            page.items().forEach(e -> seen.add(e.id()));
            pages++;
            if (pages == 1) {
                // an event written between pages comes last, once
                current = books.crm().updateBrand(AgencyFixture.anAdmin(), UpdateBrand.of(current).withName("Late"));
            }
            if (page.nextCursor().isEmpty()) {
                break;
            }
            query = query.after(page.nextCursor().get());
        }
        List<String> all = books.stores().auditLog().byEntity(brandRef, Optional.empty(), 1_000).stream()
                .map(AuditEvent::id).toList();
        assertEquals(13, all.size());
        assertEquals(all, seen);
        assertEquals(3, pages);
    }
}
