package com.breakagency.core.crm;

import com.breakagency.testkit.AgencyFixture;
import com.breakagency.core.TestAgencies;
import com.breakagency.core.BreakAgency;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.ports.api.crm.BrandQuery;
import com.breakagency.ports.api.crm.CreateBrand;
import com.breakagency.ports.api.crm.CreateContact;
import com.breakagency.ports.api.crm.UpdateBrand;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.Page;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.model.crm.Contact;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class CrmLookupsTest {

    @Test
    void an_email_finds_the_brand_of_its_domain_whatever_its_case_and_surrounding_space() {
        try (AgencyFixture<BreakAgency> a = TestAgencies.inMemory()) {
            Brand brand = a.crm().createBrand(AgencyFixture.anAdmin(), CreateBrand.of("Brand", "agent-1").withDomains(" Brand.COM "));
            assertEquals(Set.of("brand.com"), brand.domains());
            assertEquals(Optional.of(brand), a.crm().findBrandByDomain(AgencyFixture.anAdmin(), "jane@Brand.com"));
            assertEquals(Optional.of(brand), a.crm().findBrandByDomain(AgencyFixture.anAdmin(), "  JANE@BRAND.COM  "));
            assertEquals(Optional.of(brand), a.crm().findBrandByDomain(AgencyFixture.anAdmin(), "brand.com."));
            assertEquals(Optional.empty(), a.crm().findBrandByDomain(AgencyFixture.anAdmin(), "jane@sub.brand.com"));
            assertEquals(Optional.empty(), a.crm().findBrandByDomain(AgencyFixture.anAdmin(), "jane@brand.co"));
        }
    }

    @Test
    void a_contact_is_found_by_any_of_its_addresses_exactly_after_normalization() {
        try (AgencyFixture<BreakAgency> a = TestAgencies.inMemory()) {
            Contact jane = a.crm().createContact(AgencyFixture.anAdmin(), CreateContact.of("Jane", "Jane@Brand.com").withOtherEmails("j.doe@Home.example"));
            assertEquals("jane@brand.com", jane.primaryEmail());
            assertEquals(Optional.of(jane), a.crm().findContactByEmail(AgencyFixture.anAdmin(), " JANE@brand.com "));
            assertEquals(Optional.of(jane), a.crm().findContactByEmail(AgencyFixture.anAdmin(), "J.DOE@home.example"));
            assertEquals(Optional.empty(), a.crm().findContactByEmail(AgencyFixture.anAdmin(), "jane@brand.co"));
        }
    }

    @Test
    void a_taken_domain_or_address_is_a_conflict_naming_the_field() {
        try (AgencyFixture<BreakAgency> a = TestAgencies.inMemory()) {
            a.crm().createBrand(AgencyFixture.anAdmin(), CreateBrand.of("One", "agent-1").withDomains("one.example"));
            Brand two = a.crm().createBrand(AgencyFixture.anAdmin(), CreateBrand.of("Two", "agent-1").withDomains("two.example"));
            BreakException onCreate = assertThrows(BreakException.class, () -> a.crm().createBrand(AgencyFixture.anAdmin(),
                    CreateBrand.of("Copy", "agent-1").withDomains("ONE.example")));
            assertEquals(ErrorCode.CONFLICT, onCreate.code());
            assertEquals(Reason.ALREADY_EXISTS, onCreate.reason());
            assertEquals("domains", onCreate.metadata().get("field"));
            BreakException onUpdate = assertThrows(BreakException.class, () -> a.crm().updateBrand(AgencyFixture.anAdmin(),
                    UpdateBrand.of(two.id(), 1).withName("Two").withDomains("two.example", "one.example").ownedBy("agent-1")));
            assertEquals("domains", onUpdate.metadata().get("field"));
            assertEquals(two, a.crm().getBrand(AgencyFixture.anAdmin(), two.id()), "a refused update changes nothing");

            a.crm().createContact(AgencyFixture.anAdmin(), CreateContact.of("Jane", "jane@one.example"));
            BreakException contact = assertThrows(BreakException.class, () -> a.crm().createContact(AgencyFixture.anAdmin(),
                    CreateContact.of("Other", "other@one.example").withOtherEmails("Jane@One.example")));
            assertEquals(Reason.ALREADY_EXISTS, contact.reason());
            assertEquals("emails", contact.metadata().get("field"));
            assertEquals(Optional.empty(), a.crm().findContactByEmail(AgencyFixture.anAdmin(), "other@one.example"),
                    "the refused contact claimed nothing");
        }
    }

    @Test
    void a_cursor_that_was_not_returned_by_a_page_is_a_validation_error() {
        try (AgencyFixture<BreakAgency> a = TestAgencies.inMemory()) {
            BreakException e = assertThrows(BreakException.class,
                    () -> a.crm().listBrands(AgencyFixture.anAdmin(), BrandQuery.all().limit(10).after("not-a-cursor")));
            assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
            assertEquals("#/cursor", e.fieldErrors().get(0).pointer());
        }
    }

    @Property(tries = 60)
    void paging_through_brands_returns_every_brand_exactly_once(@ForAll @IntRange(min = 0, max = 40) int count,
                                                               @ForAll @IntRange(min = 1, max = 15) int pageSize) {
        try (AgencyFixture<BreakAgency> a = TestAgencies.inMemory()) {
            List<String> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                created.add(a.aBrand("agent-1").id());
            }
            List<String> seen = new ArrayList<>();
            BrandQuery query = BrandQuery.all().limit(pageSize);
            int pages = 0;
            while (true) {
                Page<Brand> page = a.crm().listBrands(AgencyFixture.anAdmin(), query);
                assertTrue(page.items().size() <= pageSize);
                page.items().forEach(b -> seen.add(b.id()));
                pages++;
                if (page.nextCursor().isEmpty()) {
                    break;
                }
                if (pages <= 3) {
                    // brands created between pages never disturb the listing: they come last, once
                    created.add(a.aBrand("agent-1").id());
                }
                query = query.after(page.nextCursor().get());
            }
            assertEquals(created, seen);
            assertTrue(pages <= (count + 3) / pageSize + 1, "no page is short but the last");
        }
    }
}
