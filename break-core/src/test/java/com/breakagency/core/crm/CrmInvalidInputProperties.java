package com.breakagency.core.crm;

import com.breakagency.testkit.AgencyFixture;
import com.breakagency.core.TestAgencies;
import com.breakagency.core.BreakAgency;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.ports.api.Crm;
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
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.FieldError;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.crm.DealStage;
import com.breakagency.ports.model.crm.SocialHandle;
import com.breakagency.ports.validation.InputLimits;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * Any invalid input to any CRM command is VALIDATION_FAILED with field errors, never UNHANDLED_ERROR
 * and never a write. Each try takes a valid command and breaks one or more of its fields.
 */
class CrmInvalidInputProperties {

    private final AgencyFixture<BreakAgency> agency = TestAgencies.inMemory();
    private final OperationContext admin = AgencyFixture.anAdmin();

    @AfterProperty
    void close() {
        agency.close();
    }

    /** A call of the CRM with an invalid command, named for the report. */
    record Attempt(String name, Function<Crm, Object> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    // ---- values that break one constraint each ----

    static Arbitrary<String> badName() {
        return Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.of("", " ", "\t\n"),
                Arbitraries.of("a\u0000b", "a\uD800b", "x\u0007y", "line\nbreak", "\u2028"),
                Arbitraries.strings().ofMinLength(201).ofMaxLength(400));
    }

    static Arbitrary<String> badId() {
        return Arbitraries.oneOf(Arbitraries.of("", "has space", "semi;colon", "ümlaut", "slash/id", "a'quote"),
                Arbitraries.strings().alpha().ofMinLength(65).ofMaxLength(120));
    }

    static Arbitrary<String> badRequiredId() {
        return Arbitraries.oneOf(Arbitraries.just(null), badId());
    }

    static Arbitrary<String> badEmail() {
        return Arbitraries.oneOf(Arbitraries.of("no-at-sign", "a@", "@brand.com", "jane@@brand.com", "jane doe@brand.com",
                        "jane@brand..com", "jane\u0000@brand.com", "İ".repeat(64) + "@" + "d".repeat(63) + "."
                                + "e".repeat(59) + ".example", "a@b" + ".c".repeat(30_000)),
                Arbitraries.strings().alpha().ofMinLength(250).ofMaxLength(300).map(s -> s + "@brand.com"));
    }

    static Arbitrary<String> badDomain() {
        return Arbitraries.oneOf(Arbitraries.of("", "nodot", "-lead.com", "trail-.com", "a..b", "sp ace.com", "jane@brand.com",
                        "a.".repeat(20_000) + "example", "a\u0000.example", "x".repeat(64) + ".example"),
                Arbitraries.strings().alpha().ofMinLength(254).ofMaxLength(300).map(s -> s + ".com"));
    }

    static Arbitrary<String> badCurrency() {
        return Arbitraries.of("gbp", "GB", "GBPX", "XYZ", "XXX", "", "€");
    }

    static Arbitrary<Long> badVersion() {
        return Arbitraries.longs().lessOrEqual(0);
    }

    static Arbitrary<Long> negative() {
        return Arbitraries.longs().lessOrEqual(-1);
    }

    static Arbitrary<Integer> badLimit() {
        return Arbitraries.oneOf(Arbitraries.integers().lessOrEqual(0), Arbitraries.integers().between(501, 100_000));
    }

    static Set<String> setWith(String value) {
        Set<String> set = new HashSet<>();
        set.add(value);
        return set;
    }

    static <T> List<T> listWith(T value) {
        List<T> list = new ArrayList<>();
        list.add(value);
        return list;
    }

    static Set<String> manyDomains(int n) {
        Set<String> set = new HashSet<>();
        for (int i = 0; i < n; i++) {
            set.add("d" + i + ".example");
        }
        return set;
    }

    @Provide
    Arbitrary<Attempt> invalidCommands() {
        List<Arbitrary<Attempt>> all = new ArrayList<>();
        // CreateBrand / UpdateBrand
        all.add(badName().map(n -> new Attempt("createBrand name=" + n,
                crm -> crm.createBrand(admin, CreateBrand.of(n, "agent-1").withDomains("ok.example")))));
        all.add(badDomain().map(d -> new Attempt("createBrand domain=" + d,
                crm -> crm.createBrand(admin, CreateBrand.of("Brand", "agent-1").withDomains(setWith(d))))));
        all.add(Arbitraries.integers().between(21, 40).map(n -> new Attempt("createBrand domains=" + n,
                crm -> crm.createBrand(admin, CreateBrand.of("Brand", "agent-1").withDomains(manyDomains(n))))));
        all.add(badRequiredId().map(id -> new Attempt("createBrand owner=" + id,
                crm -> crm.createBrand(admin, CreateBrand.of("Brand", id).withDomains("ok.example")))));
        all.add(Arbitraries.of("", " ", "x".repeat(51)).map(t -> new Attempt("createBrand tag=" + t,
                crm -> crm.createBrand(admin, CreateBrand.of("Brand", "agent-1").withDomains("ok.example").withTags(setWith(t))))));
        all.add(Arbitraries.just(new Attempt("createBrand null sets",
                crm -> crm.createBrand(admin, CreateBrand.of("Brand", "agent-1").withDomains((Set<String>) null).withTags((Set<String>) null)))));
        all.add(badVersion().map(v -> new Attempt("updateBrand version=" + v,
                crm -> crm.updateBrand(admin, UpdateBrand.of("b-1", v).withName("Brand").withDomains("ok.example").ownedBy("agent-1")))));
        all.add(badRequiredId().map(id -> new Attempt("updateBrand id=" + id,
                crm -> crm.updateBrand(admin, UpdateBrand.of(id, 1).withName("Brand").withDomains("ok.example").ownedBy("agent-1")))));
        // CreateContact / UpdateContact
        all.add(badEmail().map(e -> new Attempt("createContact primary=" + e,
                crm -> crm.createContact(admin, CreateContact.of("Jane", e)))));
        all.add(badEmail().map(e -> new Attempt("createContact other=" + e,
                crm -> crm.createContact(admin, CreateContact.of("Jane", "jane@ok.example").withOtherEmails(setWith(e))))));
        all.add(Arbitraries.of("12", "abc", "+44 (0) 20 7946 0958 ext. 12345678901234567", "☎123").map(p -> new Attempt(
                "createContact phone=" + p,
                crm -> crm.createContact(admin, CreateContact.of("Jane", "jane@ok.example").withPhone(p)))));
        all.add(badId().map(id -> new Attempt("createContact brand=" + id,
                crm -> crm.createContact(admin, CreateContact.of("Jane", "jane@ok.example").atBrand(id)))));
        all.add(Arbitraries.strings().ofMinLength(101).ofMaxLength(200).map(t -> new Attempt("createContact title",
                crm -> crm.createContact(admin, CreateContact.of("Jane", "jane@ok.example").withTitle(t)))));
        all.add(badVersion().map(v -> new Attempt("updateContact version=" + v,
                crm -> crm.updateContact(admin, UpdateContact.of("c-1", v).withName("Jane").withPrimaryEmail("jane@ok.example")))));
        // CreateTalent / UpdateTalent
        all.add(badName().map(n -> new Attempt("createTalent name=" + n,
                crm -> crm.createTalent(admin, CreateTalent.named(n)))));
        all.add(badCurrency().map(c -> new Attempt("createTalent currency=" + c,
                crm -> crm.createTalent(admin, CreateTalent.named("Maya").paidIn(c)))));
        all.add(Arbitraries.of(new SocialHandle("", "maya"), new SocialHandle("instagram", " "),
                new SocialHandle(null, "maya"), new SocialHandle("x".repeat(41), "maya")).map(h -> new Attempt(
                "createTalent handle=" + h,
                crm -> crm.createTalent(admin, CreateTalent.named("Maya").withHandles(listWith(h))))));
        all.add(Arbitraries.just(new Attempt("createTalent null handle",
                crm -> crm.createTalent(admin, CreateTalent.named("Maya").withHandles(listWith(null))))));
        all.add(badEmail().map(e -> new Attempt("createTalent email=" + e,
                crm -> crm.createTalent(admin, CreateTalent.named("Maya").withEmail(e)))));
        all.add(badVersion().map(v -> new Attempt("updateTalent version=" + v,
                crm -> crm.updateTalent(admin, UpdateTalent.of("t-1", v).withName("Maya")))));
        // Deals
        all.add(negative().map(v -> new Attempt("createDeal value=" + v,
                crm -> crm.createDeal(admin, CreateDeal.of("b-1", "t-1", "agent-1", "Campaign", Money.of(v, "GBP"))))));
        // a currency code Money does not know cannot be written (Money.of refuses it: MoneyInCommandsTest)
        all.add(Arbitraries.just(new Attempt("createDeal value=null",
                crm -> crm.createDeal(admin, CreateDeal.of("b-1", "t-1", "agent-1", "Campaign", null)))));
        all.add(Arbitraries.longs().greaterOrEqual(InputLimits.MAX_MINOR_UNITS + 1).map(v -> new Attempt(
                "createDeal value=" + v, crm -> crm.createDeal(admin,
                        CreateDeal.of("b-1", "t-1", "agent-1", "Campaign", Money.of(v, "GBP"))))));
        all.add(badRequiredId().map(id -> new Attempt("createDeal brand=" + id,
                crm -> crm.createDeal(admin, CreateDeal.of(id, "t-1", "agent-1", "Campaign", Money.of(100, "GBP"))))));
        all.add(badName().map(t -> new Attempt("createDeal title=" + t,
                crm -> crm.createDeal(admin, CreateDeal.of("b-1", "t-1", "agent-1", t, Money.of(100, "GBP"))))));
        all.add(negative().map(v -> new Attempt("updateDeal value=" + v,
                crm -> crm.updateDeal(admin, UpdateDeal.of("d-1", 1).ownedBy("agent-1").withTitle("Campaign").withValue(Money.of(v, "GBP"))))));
        all.add(badVersion().map(v -> new Attempt("moveDealStage version=" + v,
                crm -> crm.moveDealStage(admin, new MoveDealStage("d-1", v, DealStage.NEGOTIATION)))));
        all.add(Arbitraries.just(new Attempt("moveDealStage to=null",
                crm -> crm.moveDealStage(admin, new MoveDealStage("d-1", 1, null)))));
        // archive, notes, listings, look-ups, timelines
        all.add(Arbitraries.of(EntityType.DEAL, EntityType.INVOICE, EntityType.PAYMENT, null).map(t -> new Attempt(
                "archive type=" + t, crm -> {
                    crm.archive(admin, new Archive(t, "x-1", 1));
                    return null;
                })));
        all.add(Arbitraries.of("", " ").map(t -> new Attempt("addNote text=" + t,
                crm -> crm.addNote(admin, new AddNote(EntityRef.of(EntityType.BRAND, "b-1"), t)))));
        all.add(Arbitraries.strings().ofMinLength(10_001).ofMaxLength(10_010).map(t -> new Attempt("addNote long text",
                crm -> crm.addNote(admin, new AddNote(EntityRef.of(EntityType.BRAND, "b-1"), t)))));
        all.add(Arbitraries.of(new EntityRef(null, "b-1"), new EntityRef(EntityType.BRAND, " "),
                new EntityRef(EntityType.INVOICE, "i-1")).map(ref -> new Attempt("addNote subject=" + ref,
                crm -> crm.addNote(admin, new AddNote(ref, "Called them")))));
        all.add(badLimit().map(l -> new Attempt("listBrands limit=" + l,
                crm -> crm.listBrands(admin, BrandQuery.all().limit(l)))));
        all.add(badLimit().map(l -> new Attempt("listDeals limit=" + l,
                crm -> crm.listDeals(admin, DealQuery.all().limit(l)))));
        all.add(Arbitraries.strings().ofMinLength(1).ofMaxLength(600).map(c -> new Attempt("listContacts cursor",
                crm -> crm.listContacts(admin, ContactQuery.all().limit(10).after(c)))));
        all.add(badId().map(id -> new Attempt("listTalent agent=" + id, crm -> crm.listTalent(admin,
                TalentQuery.all().managedBy(id).limit(10)))));
        all.add(Arbitraries.strings().ofMinLength(201).ofMaxLength(300).map(p -> new Attempt("listBrands prefix",
                crm -> crm.listBrands(admin, BrandQuery.all().withNamePrefix(p).limit(10)))));
        all.add(badRequiredId().map(id -> new Attempt("getBrand id=" + id, crm -> crm.getBrand(admin, id))));
        all.add(badRequiredId().map(id -> new Attempt("getDeal id=" + id, crm -> crm.getDeal(admin, id))));
        all.add(badRequiredId().map(id -> new Attempt("getContact id=" + id, crm -> crm.getContact(admin, id))));
        all.add(badRequiredId().map(id -> new Attempt("getTalent id=" + id, crm -> crm.getTalent(admin, id))));
        all.add(Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.of("", "  "),
                Arbitraries.strings().ofMinLength(321).ofMaxLength(400)).map(e -> new Attempt("findContactByEmail=" + e,
                crm -> crm.findContactByEmail(admin, e))));
        all.add(Arbitraries.of("jane@", "@").map(e -> new Attempt("findBrandByDomain=" + e,
                crm -> crm.findBrandByDomain(admin, e))));
        all.add(badLimit().map(l -> new Attempt("timeline limit=" + l,
                crm -> crm.timeline(admin, TimelineQuery.of(EntityRef.of(EntityType.BRAND, "b-1")).limit(l)))));
        all.add(Arbitraries.just(new Attempt("timeline subject=null", crm -> crm.timeline(admin, TimelineQuery.of(null).limit(10)))));
        return Arbitraries.oneOf(all);
    }

    @Property(tries = 1000)
    void every_invalid_crm_command_is_a_validation_failure_with_field_errors(@ForAll("invalidCommands") Attempt attempt) {
        BreakException e = assertThrows(BreakException.class, () -> attempt.call().apply(agency.crm()), attempt.name());
        assertEquals(ErrorCode.VALIDATION_FAILED, e.code(), attempt + " gave " + e.code() + "/" + e.reason());
        assertFalse(e.fieldErrors().isEmpty(), attempt + " carries field errors");
        for (FieldError error : e.fieldErrors()) {
            assertTrue(error.pointer().startsWith("#"), error.pointer());
        }
        List<FieldError> sorted = new ArrayList<>(e.fieldErrors());
        sorted.sort(null);
        assertEquals(sorted, e.fieldErrors(), "sorted by pointer");
        assertTrue(agency.reports().reports().isEmpty(), "validation failures are not reported");
        assertEquals(0, agency.stores().brands().list(com.breakagency.ports.spi.Brands.Query.ALL,
                java.util.Optional.empty(), 1).size(), "nothing was written");
        assertTrue(Arrays.stream(ErrorCode.values()).anyMatch(c -> c == e.code()));
    }
}
