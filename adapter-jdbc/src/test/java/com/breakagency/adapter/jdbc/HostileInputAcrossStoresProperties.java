package com.breakagency.adapter.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.breakagency.core.BreakAgency;
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
import com.breakagency.ports.api.finance.ApprovePayout;
import com.breakagency.ports.api.finance.CancelPayout;
import com.breakagency.ports.api.finance.CreatePayout;
import com.breakagency.ports.api.finance.CreditNoteQuery;
import com.breakagency.ports.api.finance.IssueCreditNote;
import com.breakagency.ports.api.finance.MarkPayoutPaid;
import com.breakagency.ports.api.finance.PayoutQuery;
import com.breakagency.ports.api.finance.PayoutStatementQuery;
import com.breakagency.ports.api.finance.RefundPayment;
import com.breakagency.ports.api.finance.CommissionQuery;
import com.breakagency.ports.api.finance.DraftInvoice;
import com.breakagency.ports.api.finance.EnsureCommissions;
import com.breakagency.ports.api.finance.FinanceTotals;
import com.breakagency.ports.api.finance.InvoiceQuery;
import com.breakagency.ports.api.finance.IssueInvoice;
import com.breakagency.ports.api.finance.MarkInvoicePaid;
import com.breakagency.ports.api.finance.RecordPayment;
import com.breakagency.ports.api.finance.SaveCommissionPlan;
import com.breakagency.ports.api.finance.StatementQuery;
import com.breakagency.ports.api.finance.TotalsQuery;
import com.breakagency.ports.api.finance.VoidInvoice;
import com.breakagency.ports.api.recovery.StepQuery;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.DealStage;
import com.breakagency.ports.model.crm.SocialHandle;
import com.breakagency.ports.model.finance.BeneficiaryKind;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.PaymentSource;
import com.breakagency.ports.model.work.StepStatus;
import com.breakagency.ports.spi.Persistence;
import com.breakagency.ports.validation.InputLimits;
import com.breakagency.testkit.CapturingErrorReporter;
import com.breakagency.testkit.InMemoryPersistence;
import com.breakagency.testkit.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile values through every public command, query and id of Crm, Finance, Recovery and Diagnostics,
 * on the in-memory stores, H2 and PostgreSQL at once: no UNHANDLED_ERROR, no PERSISTENCE_UNAVAILABLE, no
 * exception but {@link BreakException}, the same outcome on every store, and nothing written by a call
 * that failed. PostgreSQL is skipped, with a message, when it cannot be reached, except under
 * {@code CI=true}, where it must run. The issue's examples are named examples below.
 */
class HostileInputAcrossStoresProperties {

    private static final List<Backend> BACKENDS = new ArrayList<>();

    /** What a hostile call may refer to: ids of records that exist on each store. */
    record Fixture(String brandId, String contactId, String talentId, String dealId, String invoiceId, String paymentId,
                   String payoutId) {
    }

    /** One store with Break on it. */
    record Backend(String name, Persistence persistence, BreakAgency agency, CapturingErrorReporter reports,
                   Fixture fixture, LongSupplier rows) {
    }

    /** An id: a literal, or one of the fixture's. */
    record Id(String literal, Function<Fixture, String> fromFixture, String label) {
        String on(Fixture f) {
            return fromFixture == null ? literal : fromFixture.apply(f);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** One call, named for the report. */
    record Attempt(String name, Function<Backend, Object> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeContainer
    static void startBackends() {
        BACKENDS.add(backend("memory", InMemoryPersistence.create(), () -> -1));
        TestDatabase h2 = TestDatabase.h2(HostileInputAcrossStoresProperties.class);
        BACKENDS.add(backend("h2", h2.freshPersistence(), () -> rows(h2)));
        Optional<String> postgresProblem = TestDatabase.postgresUnavailable(); // throws under CI=true
        if (postgresProblem.isPresent()) {
            System.out.println("HostileInputAcrossStoresProperties runs without PostgreSQL: " + postgresProblem.get());
        } else {
            TestDatabase postgres = TestDatabase.postgres(HostileInputAcrossStoresProperties.class);
            BACKENDS.add(backend("postgresql", postgres.freshPersistence(), () -> rows(postgres)));
        }
    }

    @AfterContainer
    static void stopBackends() {
        BACKENDS.forEach(b -> b.agency().close());
        BACKENDS.clear();
        TestDatabase.closeFor(HostileInputAcrossStoresProperties.class.getName());
    }

    private static long rows(TestDatabase db) {
        long total = 0;
        for (String table : db.tables(db.schema())) {
            if (!table.equals(JdbcPersistence.SCHEMA_HISTORY_TABLE)) {
                total += Long.parseLong(db.strings("SELECT COUNT(*) FROM " + db.schema() + "." + table).get(0));
            }
        }
        return total;
    }

    private static Backend backend(String name, Persistence persistence, LongSupplier rows) {
        CapturingErrorReporter reports = new CapturingErrorReporter(persistence.transactions());
        BreakAgency agency = BreakAgency.builder().persistence(persistence).errorReporter(reports)
                .clock(new TestClock()).build();
        OperationContext admin = admin();
        String brandId = agency.crm().createBrand(admin, CreateBrand.of("Fixture Brand", "agent-1").withDomains("fixture.example").withTags("vip")).id();
        String contactId = agency.crm().createContact(admin, CreateContact.of("Fixture Contact", "contact@fixture.example").atBrand(brandId)).id();
        String talentId = agency.crm().createTalent(admin, CreateTalent.named("Fixture Talent").managedBy("agent-1")).id();
        Deal deal = agency.crm().createDeal(admin, CreateDeal.of(brandId, talentId, "agent-1", "Fixture Campaign", Money.of(100_000, "GBP")));
        Deal pending = agency.crm().moveDealStage(admin, new MoveDealStage(deal.id(), deal.version(),
                DealStage.PAYMENT_PENDING));
        Invoice draft = agency.finance().listInvoices(admin, InvoiceQuery.forDeal(pending.id()).limit(10)).items().get(0);
        Invoice issued = agency.finance().issueInvoice(admin, IssueInvoice.of(draft));
        // money going out: a second deal paid in full, and a draft payout of its talent's line
        Deal paidDeal = agency.crm().createDeal(admin, CreateDeal.of(brandId, talentId, "agent-1", "Paid Campaign", Money.of(50_000, "GBP")));
        Deal paidPending = agency.crm().moveDealStage(admin, new MoveDealStage(paidDeal.id(), paidDeal.version(),
                DealStage.PAYMENT_PENDING));
        Invoice paidDraft = agency.finance().listInvoices(admin, InvoiceQuery.forDeal(paidPending.id()).limit(10)).items().get(0);
        Invoice paidIssued = agency.finance().issueInvoice(admin, IssueInvoice.of(paidDraft));
        String paymentId = agency.finance().markInvoicePaid(admin, new MarkInvoicePaid(paidIssued.id(),
                LocalDate.of(2026, 1, 5), "fixture-bank-1", "fixture-key-1", PaymentSource.BANK_FEED)).payment().id();
        String payoutId = agency.finance().createPayout(admin, CreatePayout.forTalent(talentId, "GBP")).id();
        return new Backend(name, persistence, agency, reports,
                new Fixture(brandId, contactId, talentId, pending.id(), issued.id(), paymentId, payoutId), rows);
    }

    private static OperationContext admin() {
        return OperationContext.of(Actor.staff("admin-1", Role.ADMIN));
    }

    private static long auditEvents(Backend backend) {
        return backend.persistence().transactions().inTransaction(() -> {
            long n = 0;
            for (AuditAction action : AuditAction.values()) {
                n += backend.persistence().auditLog().byAction(action, InputLimits.MIN_INSTANT,
                        InputLimits.MAX_INSTANT, Optional.empty(), 100_000).size();
            }
            return n;
        });
    }

    // ---- the check every attempt passes ----

    /** Runs a call on every store; returns the outcome, the same on each ("OK" or the error code). */
    private static String onEveryStore(Attempt attempt) {
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (Backend backend : BACKENDS) {
            long audit = auditEvents(backend);
            long rows = backend.rows().getAsLong();
            String outcome;
            try {
                attempt.call().apply(backend);
                outcome = "OK";
            } catch (BreakException e) {
                outcome = e.code().name();
                assertNotEquals(ErrorCode.UNHANDLED_ERROR, e.code(), attempt + " on " + backend.name() + ": " + e.getCause());
                assertNotEquals(ErrorCode.PERSISTENCE_UNAVAILABLE, e.code(), attempt + " on " + backend.name()
                        + ": " + e.getCause());
                assertEquals(audit, auditEvents(backend), attempt + " on " + backend.name() + " failed but audited");
                assertEquals(rows, backend.rows().getAsLong(), attempt + " on " + backend.name() + " failed but wrote");
                if (e.code() == ErrorCode.VALIDATION_FAILED) {
                    assertFalse(e.fieldErrors().isEmpty(), attempt + " carries field errors");
                }
            } catch (Throwable raw) {
                fail(attempt + " on " + backend.name() + " let " + raw.getClass().getName() + " escape", raw);
                return "";
            }
            outcomes.put(backend.name(), outcome);
        }
        assertEquals(1, outcomes.values().stream().distinct().count(), attempt + " differs by store: " + outcomes);
        return outcomes.values().iterator().next();
    }

    private static void everywhere(String expected, String name, Function<Backend, Object> call) {
        assertEquals(expected, onEveryStore(new Attempt(name, call)), name);
    }

    @Property(tries = 500, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void no_hostile_value_is_an_unhandled_or_persistence_error_and_every_store_answers_alike(
            @ForAll("attempts") Attempt attempt) {
        onEveryStore(attempt);
        for (Backend backend : BACKENDS) {
            assertTrue(backend.reports().reports(ErrorCode.UNHANDLED_ERROR).isEmpty(), backend.name());
        }
    }

    // ---- hostile values ----

    static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static final String LONG_DOMAIN = "a.".repeat(20_000) + "example";
    static final String GROWING_EMAIL = "İ".repeat(64) + "@" + "d".repeat(63) + "." + "e".repeat(59) + ".example";
    static final String STACK_USER_ID = "a@b" + ".c".repeat(30_000);

    static Arbitrary<String> text() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of("ok", "Brand", "", " ", "a\u0000b", "\u0000", "a\uD800b",
                        "\uDC00x", "x\u0007y", "tab\there", "line\nbreak", "\u2028", "\u0085", "\u007f",
                        "İ".repeat(64), "İ".repeat(101), "ß".repeat(150), "x".repeat(200), "x".repeat(201),
                        "x".repeat(256), "x".repeat(10_001), LONG_DOMAIN, STACK_USER_ID, "'; DROP TABLE brands; --",
                        "%_\\", "\uFEFFbom", "😀".repeat(100), "😀".repeat(101), "\uFFFE\uFFFF")),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().all().ofMaxLength(300)));
    }

    static Arbitrary<String> email() {
        return Arbitraries.oneOf(text(), Arbitraries.of(GROWING_EMAIL, "jane@brand.example", " JANE@Brand.Example ",
                "jäne@bücher.example", "a@b" + ".c".repeat(30_000), "a\u0000@brand.example", "a@" + LONG_DOMAIN,
                "x".repeat(64) + "@" + "d".repeat(63) + "." + "d".repeat(63) + "." + "d".repeat(61) + ".ex"));
    }

    static Arbitrary<String> domain() {
        return Arbitraries.oneOf(text(), Arbitraries.of(LONG_DOMAIN, "brand.example", " Brand.Example. ",
                "x".repeat(64) + ".example", "İ.example", "a\u0000.example", "d".repeat(63) + "." + "d".repeat(63)
                        + "." + "d".repeat(63) + "." + "d".repeat(61)));
    }

    static Arbitrary<Id> id() {
        List<Id> ids = new ArrayList<>();
        for (String literal : new String[] {null, "", " ", "x".repeat(64), "x".repeat(65), "a\u0000", "../x", "ümlaut",
                "id;drop", "missing-1", "a\uD800", "İ"}) {
            ids.add(new Id(literal, null, literal == null ? "null" : "'" + shorten(literal) + "'"));
        }
        ids.add(new Id(null, Fixture::brandId, "brand"));
        ids.add(new Id(null, Fixture::contactId, "contact"));
        ids.add(new Id(null, Fixture::talentId, "talent"));
        ids.add(new Id(null, Fixture::dealId, "deal"));
        ids.add(new Id(null, Fixture::invoiceId, "invoice"));
        ids.add(new Id(null, Fixture::paymentId, "payment"));
        ids.add(new Id(null, Fixture::payoutId, "payout"));
        return Arbitraries.of(ids);
    }

    static Arbitrary<LocalDate> date() {
        return Arbitraries.of(LocalDate.MIN, LocalDate.MAX, LocalDate.parse("+5874898-01-01"), LocalDate.of(0, 12, 31),
                InputLimits.MIN_DATE, InputLimits.MAX_DATE, LocalDate.of(10_000, 1, 1), LocalDate.of(2026, 1, 5),
                LocalDate.of(2026, 3, 1)).injectNull(0.1);
    }

    static Arbitrary<Instant> instant() {
        return Arbitraries.of(Instant.MIN, Instant.MAX, Instant.EPOCH,
                LocalDate.of(294_277, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC), InputLimits.MIN_INSTANT,
                InputLimits.MAX_INSTANT, InputLimits.MIN_INSTANT.minusNanos(1), InputLimits.MAX_INSTANT.plusNanos(1),
                Instant.parse("2026-01-05T09:00:00.123456789Z")).injectNull(0.1);
    }

    /** The money a hostile amount and currency code make, or null where the code is no currency Money knows. */
    static Money money(Long amount, String currency) {
        try {
            return amount == null ? null : Money.of(amount, currency);
        } catch (IllegalArgumentException | NullPointerException notACurrency) {
            return null;
        }
    }

    static Arbitrary<Long> amount() {
        return Arbitraries.of(Long.MIN_VALUE, -1L, 0L, 1L, 100_000L, InputLimits.MAX_MINOR_UNITS,
                InputLimits.MAX_MINOR_UNITS + 1, Long.MAX_VALUE, Integer.MAX_VALUE + 1L);
    }

    static Arbitrary<Long> version() {
        return Arbitraries.of(Long.MIN_VALUE, 0L, 1L, 2L, Long.MAX_VALUE);
    }

    static Arbitrary<Integer> limit() {
        return Arbitraries.of(Integer.MIN_VALUE, -1, 0, 1, 50, 500, 501, Integer.MAX_VALUE);
    }

    static Arbitrary<String> cursor() {
        return Arbitraries.of("", "\u0000", "!!!", b64("k1:\u0000"), b64("k1:" + "x".repeat(300)),
                b64("k1:' OR '1'='1"), b64("k1:a\uD800"), "x".repeat(513), b64("k1:zzzz"), b64("nope"),
                b64("k1:") + "\u0000").injectNull(0.2);
    }

    static Arbitrary<Function<Backend, OperationContext>> context() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.just(b -> admin())),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(
                        b -> OperationContext.of(Actor.staff("u".repeat(256), Role.ADMIN)),
                        b -> OperationContext.of(Actor.staff(STACK_USER_ID, Role.ADMIN)),
                        b -> OperationContext.of(Actor.staff("jane\u0000", Role.ADMIN)),
                        b -> OperationContext.of(Actor.staff("a\uD800b", Role.ADMIN)),
                        b -> OperationContext.of(Actor.brand("brand-user", "b\u0000rand")),
                        b -> OperationContext.of(Actor.talent("talent-user", b.fixture().talentId())),
                        b -> OperationContext.of(Actor.staff("agent-1", Role.AGENT)),
                        b -> OperationContext.of(Actor.staff("finance-1", Role.FINANCE)),
                        b -> OperationContext.system())));
    }

    static String shorten(Object value) {
        String s = String.valueOf(value);
        StringBuilder out = new StringBuilder();
        s.codePoints().limit(24).forEach(cp -> out.append(cp < 0x20 || cp == 0x7f || (cp >= 0xd800 && cp <= 0xdfff)
                ? String.format("\\u%04x", cp) : new String(Character.toChars(cp))));
        return s.length() > 24 ? out + "…(" + s.length() + ")" : out.toString();
    }

    static <T> Set<T> setOf(T value) {
        Set<T> set = new java.util.HashSet<>();
        set.add(value);
        return set;
    }

    // ---- every public operation, with hostile values in its parameters ----

    @Provide
    Arbitrary<Attempt> attempts() {
        Arbitrary<Function<Backend, OperationContext>> ctx = context();
        List<Arbitrary<Attempt>> all = new ArrayList<>();
        // Crm
        all.add(Combinators.combine(ctx, text(), domain(), id(), text()).as((c, name, d, owner, tag) -> new Attempt(
                "createBrand " + shorten(name) + " " + shorten(d) + " " + owner + " " + shorten(tag),
                b -> b.agency().crm().createBrand(c.apply(b), CreateBrand.of(name, owner.on(b.fixture())).withDomains(setOf(d)).withTags(setOf(tag))))));
        all.add(Combinators.combine(ctx, id(), version(), text(), domain(), id()).as((c, id, v, name, d, owner) ->
                new Attempt("updateBrand " + id + " v" + v + " " + shorten(name) + " " + shorten(d) + " " + owner,
                        b -> b.agency().crm().updateBrand(c.apply(b), UpdateBrand.of(id.on(b.fixture()), v).withName(name).withDomains(setOf(d)).ownedBy(owner.on(b.fixture()))))));
        all.add(Combinators.combine(ctx, id()).as((c, id) -> new Attempt("getBrand " + id,
                b -> b.agency().crm().getBrand(c.apply(b), id.on(b.fixture())))));
        all.add(Combinators.combine(ctx, text(), id(), cursor(), limit()).as((c, prefix, agent, cur, lim) ->
                new Attempt("listBrands " + shorten(prefix) + " " + agent + " " + shorten(cur) + " " + lim,
                        b -> b.agency().crm().listBrands(c.apply(b), BrandQuery.all().withNamePrefix(prefix)
                                .ownedBy(agent.on(b.fixture())).after(cur).limit(lim)))));
        all.add(Combinators.combine(ctx, Arbitraries.oneOf(domain(), email())).as((c, address) -> new Attempt(
                "findBrandByDomain " + shorten(address), b -> b.agency().crm().findBrandByDomain(c.apply(b), address))));
        all.add(Combinators.combine(ctx, id(), text(), email(), email(), text(), text()).as((c, brand, name, primary,
                other, title, phone) -> new Attempt("createContact " + brand + " " + shorten(name) + " " + shorten(primary)
                + " " + shorten(other) + " " + shorten(title) + " " + shorten(phone),
                b -> b.agency().crm().createContact(c.apply(b), CreateContact.of(name, primary).atBrand(brand.on(b.fixture())).withOtherEmails(setOf(other)).withTitle(title).withPhone(phone)))));
        all.add(Combinators.combine(ctx, id(), version(), text(), email()).as((c, id, v, name, primary) -> new Attempt(
                "updateContact " + id + " v" + v + " " + shorten(name) + " " + shorten(primary),
                b -> b.agency().crm().updateContact(c.apply(b), UpdateContact.of(id.on(b.fixture()), v).withName(name).withPrimaryEmail(primary)))));
        all.add(Combinators.combine(ctx, id()).as((c, id) -> new Attempt("getContact " + id,
                b -> b.agency().crm().getContact(c.apply(b), id.on(b.fixture())))));
        all.add(Combinators.combine(ctx, text(), id(), cursor(), limit()).as((c, prefix, brand, cur, lim) ->
                new Attempt("listContacts " + shorten(prefix) + " " + brand + " " + shorten(cur) + " " + lim,
                        b -> b.agency().crm().listContacts(c.apply(b), ContactQuery.atBrand(brand.on(b.fixture()))
                                .withNamePrefix(prefix).includingArchived().after(cur).limit(lim)))));
        all.add(Combinators.combine(ctx, email()).as((c, e) -> new Attempt("findContactByEmail " + shorten(e),
                b -> b.agency().crm().findContactByEmail(c.apply(b), e))));
        all.add(Combinators.combine(ctx, text(), text(), text(), email(), id(), id(), text()).as((c, name, platform,
                handle, e, agent, plan, currency) -> new Attempt("createTalent " + shorten(name) + " " + shorten(platform)
                + " " + shorten(handle) + " " + shorten(e) + " " + agent + " " + plan + " " + shorten(currency),
                b -> b.agency().crm().createTalent(c.apply(b), CreateTalent.named(name).withHandles(new SocialHandle(platform, handle)).withEmail(e).managedBy(agent.on(b.fixture())).withCommissionPlan(plan.on(b.fixture())).paidIn(currency)))));
        all.add(Combinators.combine(ctx, id(), version(), text(), email(), id()).as((c, id, v, name, e, agent) ->
                new Attempt("updateTalent " + id + " v" + v + " " + shorten(name) + " " + shorten(e) + " " + agent,
                        b -> b.agency().crm().updateTalent(c.apply(b), UpdateTalent.of(id.on(b.fixture()), v).withName(name).withEmail(e).managedBy(agent.on(b.fixture()))))));
        all.add(Combinators.combine(ctx, id()).as((c, id) -> new Attempt("getTalent " + id,
                b -> b.agency().crm().getTalent(c.apply(b), id.on(b.fixture())))));
        all.add(Combinators.combine(ctx, text(), id(), cursor(), limit()).as((c, prefix, agent, cur, lim) ->
                new Attempt("listTalent " + shorten(prefix) + " " + agent + " " + shorten(cur) + " " + lim,
                        b -> b.agency().crm().listTalent(c.apply(b), TalentQuery.all().withNamePrefix(prefix)
                                .managedBy(agent.on(b.fixture())).after(cur).limit(lim)))));
        all.add(Combinators.combine(ctx, Arbitraries.of(EntityType.values()).injectNull(0.1), id(), version()).as(
                (c, type, id, v) -> new Attempt("archive " + type + " " + id + " v" + v, b -> {
                    b.agency().crm().archive(c.apply(b), new Archive(type, id.on(b.fixture()), v));
                    return null;
                })));
        all.add(Combinators.combine(ctx, id(), id(), id(), text(), amount(), text(), id()).as((c, brand, talent, owner,
                title, value, currency, plan) -> new Attempt("createDeal " + brand + " " + talent + " " + owner + " "
                + shorten(title) + " " + value + " " + shorten(currency) + " " + plan,
                b -> b.agency().crm().createDeal(c.apply(b), CreateDeal.of(brand.on(b.fixture()), talent.on(b.fixture()), owner.on(b.fixture()), title, money(value, currency)).withCommissionPlan(plan.on(b.fixture()))))));
        all.add(Combinators.combine(ctx, id(), version(), id(), text(), amount(), text()).as((c, id, v, owner, title,
                value, currency) -> new Attempt("updateDeal " + id + " v" + v + " " + owner + " " + shorten(title) + " "
                + value + " " + shorten(currency),
                b -> b.agency().crm().updateDeal(c.apply(b), UpdateDeal.of(id.on(b.fixture()), v).ownedBy(owner.on(b.fixture())).withTitle(title).withValue(money(value, currency))))));
        all.add(Combinators.combine(ctx, id(), version(), Arbitraries.of(DealStage.values()).injectNull(0.1)).as(
                (c, id, v, to) -> new Attempt("moveDealStage " + id + " v" + v + " " + to,
                        b -> b.agency().crm().moveDealStage(c.apply(b), new MoveDealStage(id.on(b.fixture()), v, to)))));
        all.add(Combinators.combine(ctx, id()).as((c, id) -> new Attempt("getDeal " + id,
                b -> b.agency().crm().getDeal(c.apply(b), id.on(b.fixture())))));
        all.add(Combinators.combine(ctx, id(), id(), cursor(), limit()).as((c, brand, talent, cur, lim) ->
                new Attempt("listDeals " + brand + " " + talent + " " + shorten(cur) + " " + lim,
                        b -> b.agency().crm().listDeals(c.apply(b), DealQuery.forBrand(brand.on(b.fixture()))
                                .withTalentId(talent.on(b.fixture())).after(cur).limit(lim)))));
        all.add(Combinators.combine(ctx, Arbitraries.of(EntityType.values()), id(), text()).as((c, type, id, text) ->
                new Attempt("addNote " + type + " " + id + " " + shorten(text),
                        b -> b.agency().crm().addNote(c.apply(b), new AddNote(EntityRef.of(type, id.on(b.fixture())),
                                text)))));
        all.add(Combinators.combine(ctx, Arbitraries.of(EntityType.values()), id(), cursor(), limit()).as(
                (c, type, id, cur, lim) -> new Attempt("timeline " + type + " " + id + " " + shorten(cur) + " " + lim,
                        b -> b.agency().crm().timeline(c.apply(b), TimelineQuery.of(EntityRef.of(type, id.on(b.fixture()))).limit(lim).after(cur)))));
        // Finance
        all.add(Combinators.combine(ctx, id()).as((c, id) -> new Attempt("draftInvoice " + id,
                b -> b.agency().finance().draftInvoice(c.apply(b), new DraftInvoice(id.on(b.fixture()))))));
        all.add(Combinators.combine(ctx, id(), version(), date()).as((c, id, v, due) -> new Attempt(
                "issueInvoice " + id + " v" + v + " " + due,
                b -> b.agency().finance().issueInvoice(c.apply(b), new IssueInvoice(id.on(b.fixture()), v, due)))));
        all.add(Combinators.combine(ctx, id(), version(), text()).as((c, id, v, reason) -> new Attempt(
                "voidInvoice " + id + " v" + v + " " + shorten(reason),
                b -> b.agency().finance().voidInvoice(c.apply(b), new VoidInvoice(id.on(b.fixture()), v, reason)))));
        all.add(Combinators.combine(ctx, id(), amount(), text(), date(), text(), text()).as((c, id, amount, currency,
                on, ref, key) -> new Attempt("recordPayment " + id + " " + amount + " " + shorten(currency) + " " + on
                + " " + shorten(ref) + " " + shorten(key),
                b -> b.agency().finance().recordPayment(c.apply(b), RecordPayment.of(id.on(b.fixture()), money(amount, currency), on, ref).withIdempotencyKey(key)))));
        all.add(Combinators.combine(ctx, id(), date(), text(), text()).as((c, id, on, ref, key) -> new Attempt(
                "markInvoicePaid " + id + " " + on + " " + shorten(ref) + " " + shorten(key),
                b -> b.agency().finance().markInvoicePaid(c.apply(b), new MarkInvoicePaid(id.on(b.fixture()), on, ref,
                        key, PaymentSource.BANK_FEED)))));
        all.add(Combinators.combine(ctx, id()).as((c, id) -> new Attempt("getInvoice " + id,
                b -> b.agency().finance().getInvoice(c.apply(b), id.on(b.fixture())))));
        all.add(Combinators.combine(ctx, id(), id(), cursor(), limit()).as((c, deal, brand, cur, lim) -> new Attempt(
                "listInvoices " + deal + " " + brand + " " + shorten(cur) + " " + lim,
                b -> b.agency().finance().listInvoices(c.apply(b), InvoiceQuery.forDeal(deal.on(b.fixture())).forBrand(brand.on(b.fixture())).overdue().after(cur).limit(lim)))));
        all.add(Combinators.combine(ctx, id(), instant(), instant(), cursor(), limit()).as((c, ben, from, to, cur, lim)
                -> new Attempt("listCommissions " + ben + " " + from + " " + to + " " + shorten(cur) + " " + lim,
                b -> b.agency().finance().listCommissions(c.apply(b), CommissionQuery.forBeneficiary(BeneficiaryKind.TALENT, ben.on(b.fixture())).createdBetween(from, to).after(cur).limit(lim)))));
        all.add(Combinators.combine(ctx, id(), instant(), instant()).as((c, ben, from, to) -> new Attempt(
                "statement " + ben + " " + from + " " + to,
                b -> b.agency().finance().statement(c.apply(b), new StatementQuery(BeneficiaryKind.TALENT,
                        ben.on(b.fixture()), from, to)))));
        all.add(Combinators.combine(ctx, date(), date()).as((c, from, to) -> new Attempt("totals " + from + " " + to,
                b -> b.agency().finance().totals(c.apply(b), new TotalsQuery(from, to)))));
        all.add(Combinators.combine(ctx, id(), limit(), limit()).as((c, id, rate, share) -> new Attempt(
                "saveCommissionPlan " + id + " " + rate + " " + share,
                b -> b.agency().finance().saveCommissionPlan(c.apply(b), new SaveCommissionPlan(id.on(b.fixture()),
                        rate, share, true)))));
        // Recovery, Diagnostics
        all.add(Combinators.combine(ctx, id()).as((c, id) -> new Attempt("ensureCommissions " + id,
                b -> b.agency().recovery().ensureCommissions(c.apply(b), new EnsureCommissions(id.on(b.fixture()))))));
        all.add(Combinators.combine(ctx, Arbitraries.of(StepStatus.values()).injectNull(0.3), text(), cursor(), limit())
                .as((c, status, type, cur, lim) -> new Attempt("listSteps " + status + " " + shorten(type) + " "
                        + shorten(cur) + " " + lim, b -> b.agency().recovery().listSteps(c.apply(b),
                        StepQuery.inStatus(status, lim).ofType(type).after(cur)))));
        all.add(Combinators.combine(ctx, id()).as((c, id) -> new Attempt("retryStep " + id,
                b -> b.agency().recovery().retryStep(c.apply(b), id.on(b.fixture())))));
        all.add(ctx.map(c -> new Attempt("runJanitor", b -> b.agency().recovery().runJanitor(c.apply(b)))));
        all.add(ctx.map(c -> new Attempt("health", b -> b.agency().diagnostics().health(c.apply(b)))));
        // money going out
        all.add(Combinators.combine(ctx, Arbitraries.of(BeneficiaryKind.values()).injectNull(0.1), id(), text(), instant())
                .as((c, kind, id, currency, upTo) -> new Attempt("createPayout " + kind + " " + id + " " + shorten(currency)
                        + " " + upTo, b -> b.agency().finance().createPayout(c.apply(b), new CreatePayout(kind,
                        id.on(b.fixture()), currency, upTo)))));
        all.add(Combinators.combine(ctx, id(), version()).as((c, id, v) -> new Attempt("approvePayout " + id + " " + v,
                b -> b.agency().finance().approvePayout(c.apply(b), new ApprovePayout(id.on(b.fixture()), v)))));
        all.add(Combinators.combine(ctx, id(), version(), text()).as((c, id, v, reason) -> new Attempt(
                "cancelPayout " + id + " " + v + " " + shorten(reason),
                b -> b.agency().finance().cancelPayout(c.apply(b), new CancelPayout(id.on(b.fixture()), v, reason)))));
        all.add(Combinators.combine(ctx, id(), date(), text(), text()).as((c, id, on, ref, key) -> new Attempt(
                "markPayoutPaid " + id + " " + on + " " + shorten(ref) + " " + shorten(key),
                b -> b.agency().finance().markPayoutPaid(c.apply(b), new MarkPayoutPaid(id.on(b.fixture()), on, ref, key)))));
        all.add(Combinators.combine(ctx, id()).as((c, id) -> new Attempt("getPayout " + id,
                b -> b.agency().finance().getPayout(c.apply(b), id.on(b.fixture())))));
        all.add(Combinators.combine(ctx, id(), cursor(), limit()).as((c, ben, cur, lim) -> new Attempt(
                "listPayouts " + ben + " " + shorten(cur) + " " + lim, b -> b.agency().finance().listPayouts(c.apply(b),
                        PayoutQuery.forBeneficiary(BeneficiaryKind.TALENT, ben.on(b.fixture())).after(cur).limit(lim)))));
        all.add(Combinators.combine(ctx, id(), instant(), instant()).as((c, ben, from, to) -> new Attempt(
                "payoutStatement " + ben + " " + from + " " + to, b -> b.agency().finance().payoutStatement(c.apply(b),
                        new PayoutStatementQuery(BeneficiaryKind.TALENT, ben.on(b.fixture()), from, to)))));
        all.add(Combinators.combine(ctx, id(), amount(), text(), date(), text(), text(), text()).as((c, id, amount,
                currency, on, ref, key, reason) -> new Attempt("refundPayment " + id + " " + amount + " "
                + shorten(currency) + " " + on + " " + shorten(ref) + " " + shorten(key) + " " + shorten(reason),
                b -> b.agency().finance().refundPayment(c.apply(b), new RefundPayment(id.on(b.fixture()),
                        money(amount, currency), on, ref, key, reason)))));
        all.add(Combinators.combine(ctx, id(), amount(), text(), text(), text(), id(), text()).as((c, id, amount,
                currency, reason, key, payment, ref) -> new Attempt("issueCreditNote " + id + " " + amount + " "
                + shorten(currency) + " " + shorten(reason) + " " + shorten(key) + " " + payment + " " + shorten(ref),
                b -> b.agency().finance().issueCreditNote(c.apply(b), new IssueCreditNote(id.on(b.fixture()),
                        money(amount, currency), reason, key, payment.on(b.fixture()), ref, LocalDate.of(2026, 1, 5))))));
        all.add(Combinators.combine(ctx, id(), id(), cursor(), limit()).as((c, brand, invoice, cur, lim) -> new Attempt(
                "listCreditNotes " + brand + " " + invoice + " " + shorten(cur) + " " + lim,
                b -> b.agency().finance().listCreditNotes(c.apply(b), new CreditNoteQuery(brand.on(b.fixture()),
                        invoice.on(b.fixture()), cur, lim)))));
        return Arbitraries.oneOf(all);
    }

    // ---- the issue's examples, by name, on every store ----

    @Example
    void a_domain_of_twenty_thousand_labels_in_create_and_update_brand_is_validation_failed() {
        everywhere("VALIDATION_FAILED", "createBrand long domain", b -> b.agency().crm().createBrand(admin(),
                CreateBrand.of("Brand", "agent-1").withDomains(LONG_DOMAIN)));
        everywhere("VALIDATION_FAILED", "updateBrand long domain", b -> b.agency().crm().updateBrand(admin(),
                UpdateBrand.of(b.fixture().brandId(), 1).withName("Brand").withDomains(LONG_DOMAIN).ownedBy("agent-1")));
    }

    @Example
    void instant_min_in_commission_and_statement_queries_is_validation_failed() {
        everywhere("VALIDATION_FAILED", "listCommissions Instant.MIN", b -> b.agency().finance().listCommissions(admin(),
                CommissionQuery.all().createdBetween(Instant.MIN, null).limit(10)));
        everywhere("VALIDATION_FAILED", "statement Instant.MIN", b -> b.agency().finance().statement(admin(),
                new StatementQuery(BeneficiaryKind.TALENT, b.fixture().talentId(), Instant.MIN, Instant.EPOCH)));
    }

    @Example
    void dates_postgresql_cannot_store_and_instants_after_year_294276_are_validation_failed() {
        LocalDate far = LocalDate.parse("+5874898-01-01");
        Instant late = LocalDate.of(294_277, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
        everywhere("VALIDATION_FAILED", "issueInvoice far due date", b -> b.agency().finance().issueInvoice(admin(),
                new IssueInvoice(b.fixture().invoiceId(), 1, far)));
        everywhere("VALIDATION_FAILED", "recordPayment far received date", b -> b.agency().finance().recordPayment(
                admin(), RecordPayment.of(b.fixture().invoiceId(), Money.of(100, "GBP"), far, "ref-far").withIdempotencyKey("key-far")));
        everywhere("VALIDATION_FAILED", "markInvoicePaid far received date", b -> b.agency().finance().markInvoicePaid(
                admin(), new MarkInvoicePaid(b.fixture().invoiceId(), far, "ref-far", "key-far", PaymentSource.MANUAL)));
        everywhere("VALIDATION_FAILED", "statement after 294276", b -> b.agency().finance().statement(admin(),
                new StatementQuery(BeneficiaryKind.TALENT, b.fixture().talentId(), Instant.EPOCH, late)));
        everywhere("VALIDATION_FAILED", "totals far", b -> b.agency().finance().totals(admin(),
                new TotalsQuery(LocalDate.of(2026, 1, 1), far)));
    }

    @Example
    void long_max_deal_values_are_validation_failed_and_totals_of_maximal_deals_are_exact_on_every_store() {
        everywhere("VALIDATION_FAILED", "createDeal Long.MAX_VALUE", b -> b.agency().crm().createDeal(admin(),
                CreateDeal.of(b.fixture().brandId(), b.fixture().talentId(), "agent-1", "Huge", Money.of(Long.MAX_VALUE, "JPY"))));
        List<FinanceTotals> totals = new ArrayList<>();
        for (Backend b : BACKENDS) {
            for (int i = 0; i < 3; i++) {
                Deal deal = b.agency().crm().createDeal(admin(), CreateDeal.of(b.fixture().brandId(), b.fixture().talentId(), "agent-1", "Largest " + i, Money.of(InputLimits.MAX_MINOR_UNITS, "JPY")));
                Deal pending = b.agency().crm().moveDealStage(admin(), new MoveDealStage(deal.id(), deal.version(),
                        DealStage.PAYMENT_PENDING));
                Invoice draft = b.agency().finance().listInvoices(admin(), InvoiceQuery.forDeal(pending.id()).limit(10)).items().get(0);
                b.agency().finance().issueInvoice(admin(), IssueInvoice.of(draft));
            }
            totals.add(b.agency().finance().totals(admin(), new TotalsQuery(LocalDate.of(2026, 1, 1),
                    LocalDate.of(2026, 2, 1))));
        }
        for (FinanceTotals t : totals) {
            assertEquals(3 * InputLimits.MAX_MINOR_UNITS, t.receivables().get("JPY").minorUnits());
            assertEquals(totals.get(0).receivables(), t.receivables());
        }
    }

    @Example
    void nul_in_names_references_idempotency_keys_cursors_and_look_ups_is_validation_failed() {
        everywhere("VALIDATION_FAILED", "createBrand NUL name", b -> b.agency().crm().createBrand(admin(),
                CreateBrand.of("Bra\u0000nd", "agent-1").withDomains("nul-name.example")));
        everywhere("VALIDATION_FAILED", "recordPayment NUL reference", b -> b.agency().finance().recordPayment(admin(),
                RecordPayment.of(b.fixture().invoiceId(), Money.of(100, "GBP"), LocalDate.of(2026, 1, 5), "ref\u0000").withIdempotencyKey("key-1")));
        everywhere("VALIDATION_FAILED", "markInvoicePaid NUL key", b -> b.agency().finance().markInvoicePaid(admin(),
                new MarkInvoicePaid(b.fixture().invoiceId(), LocalDate.of(2026, 1, 5), "ref-1", "key\u0000",
                        PaymentSource.MANUAL)));
        everywhere("VALIDATION_FAILED", "listBrands NUL cursor", b -> b.agency().crm().listBrands(admin(),
                BrandQuery.all().limit(10).after("\u0000")));
        everywhere("VALIDATION_FAILED", "listBrands cursor holding NUL", b -> b.agency().crm().listBrands(admin(),
                BrandQuery.all().limit(10).after(b64("k1:\u0000"))));
        everywhere("VALIDATION_FAILED", "findContactByEmail NUL", b -> b.agency().crm().findContactByEmail(admin(),
                "jane\u0000@brand.example"));
        everywhere("VALIDATION_FAILED", "getBrand NUL", b -> b.agency().crm().getBrand(admin(), "b\u0000"));
    }

    @Example
    void an_email_that_grows_when_lower_cased_is_validation_failed_everywhere() {
        everywhere("VALIDATION_FAILED", "createContact growing email", b -> b.agency().crm().createContact(admin(),
                CreateContact.of("Jane", GROWING_EMAIL)));
    }

    @Example
    void user_ids_the_stores_cannot_keep_are_validation_failed() {
        everywhere("VALIDATION_FAILED", "256-character user id", b -> b.agency().crm().createBrand(
                OperationContext.of(Actor.staff("u".repeat(256), Role.ADMIN)),
                CreateBrand.of("Brand", "agent-1").withDomains("long-user.example")));
        everywhere("VALIDATION_FAILED", "thirty thousand labels user id", b -> b.agency().crm().createBrand(
                OperationContext.of(Actor.staff(STACK_USER_ID, Role.ADMIN)),
                CreateBrand.of("Brand", "agent-1").withDomains("stack-user.example")));
        everywhere("OK", "255-character user id", b -> b.agency().crm().addNote(
                OperationContext.of(Actor.staff("u".repeat(255), Role.ADMIN)),
                new AddNote(EntityRef.of(EntityType.BRAND, b.fixture().brandId()), "a note\nof two lines")));
    }

    @Example
    void a_lone_surrogate_is_validation_failed_instead_of_stored_as_a_question_mark() {
        everywhere("VALIDATION_FAILED", "createBrand lone surrogate", b -> b.agency().crm().createBrand(admin(),
                CreateBrand.of("a\uD800b", "agent-1").withDomains("surrogate.example")));
        everywhere("OK", "createBrand surrogate pair", b -> b.agency().crm().createBrand(admin(),
                CreateBrand.of("a\uD83D\uDE00b", "agent-1").withDomains("pair.example")));
    }

    @Example
    void the_bounds_themselves_are_kept_by_every_store() {
        everywhere("OK", "issue with the last date", b -> {
            Deal deal = b.agency().crm().createDeal(admin(), CreateDeal.of(b.fixture().brandId(), b.fixture().talentId(), "agent-1", "Far", Money.of(100, "GBP")));
            Deal pending = b.agency().crm().moveDealStage(admin(), new MoveDealStage(deal.id(), deal.version(),
                    DealStage.PAYMENT_PENDING));
            Invoice draft = b.agency().finance().listInvoices(admin(), InvoiceQuery.forDeal(pending.id()).limit(10)).items().get(0);
            Invoice issued = b.agency().finance().issueInvoice(admin(), new IssueInvoice(draft.id(), draft.version(),
                    InputLimits.MAX_DATE));
            assertEquals(InputLimits.MAX_DATE, b.agency().finance().getInvoice(admin(), issued.id()).dueDate().get());
            return b.agency().finance().statement(admin(), new StatementQuery(BeneficiaryKind.TALENT,
                    b.fixture().talentId(), InputLimits.MIN_INSTANT, InputLimits.MAX_INSTANT));
        });
    }
}
