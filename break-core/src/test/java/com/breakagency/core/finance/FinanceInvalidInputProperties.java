package com.breakagency.core.finance;

import com.breakagency.testkit.AgencyFixture;
import com.breakagency.core.TestAgencies;
import com.breakagency.core.BreakAgency;
import static com.breakagency.testkit.AgencyFixture.DEAL_OWNER;
import static com.breakagency.testkit.AgencyFixture.MANAGING_AGENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.ports.api.finance.ApprovePayout;
import com.breakagency.ports.api.finance.CancelPayout;
import com.breakagency.ports.api.finance.CreatePayout;
import com.breakagency.ports.api.finance.CreditNoteQuery;
import com.breakagency.ports.api.finance.IssueCreditNote;
import com.breakagency.ports.api.finance.MarkPayoutPaid;
import com.breakagency.ports.api.finance.PayoutQuery;
import com.breakagency.ports.api.finance.PayoutStatementQuery;
import com.breakagency.ports.api.finance.RefundPayment;
import com.breakagency.ports.model.finance.Beneficiary;
import com.breakagency.ports.model.finance.Payment;
import com.breakagency.ports.model.finance.Payout;
import com.breakagency.ports.model.finance.PayoutStatus;
import com.breakagency.ports.api.finance.CommissionQuery;
import com.breakagency.ports.api.finance.DraftInvoice;
import com.breakagency.ports.api.finance.EnsureCommissions;
import com.breakagency.ports.api.finance.InvoiceQuery;
import com.breakagency.ports.api.finance.IssueInvoice;
import com.breakagency.ports.api.finance.MarkInvoicePaid;
import com.breakagency.ports.api.finance.RecordPayment;
import com.breakagency.ports.api.finance.SaveCommissionPlan;
import com.breakagency.ports.api.finance.StatementQuery;
import com.breakagency.ports.api.finance.TotalsQuery;
import com.breakagency.ports.api.finance.VoidInvoice;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.FieldError;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.model.finance.BeneficiaryKind;
import com.breakagency.ports.model.finance.CommissionPlan;
import com.breakagency.ports.model.finance.CommissionStatus;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.InvoiceStatus;
import com.breakagency.ports.model.finance.PaymentSource;
import com.breakagency.ports.validation.InputLimits;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * Any invalid input to any finance or recovery command is VALIDATION_FAILED with field errors sorted by
 * pointer, naming exactly the fields that are wrong; never UNHANDLED_ERROR, never a write, never a report.
 * Each try breaks one or more fields of a command whose other fields are valid and name real records, so
 * a constraint that let a value through would show as a write.
 */
class FinanceInvalidInputProperties {

    private final AgencyFixture<BreakAgency> books = TestAgencies.inMemory();
    private final OperationContext admin = AgencyFixture.anAdmin();
    private final Brand brand = books.aBrand(DEAL_OWNER);
    private final Talent talent = books.aTalentManagedBy(MANAGING_AGENT);
    private final Invoice partlyPaid = books.anIssuedInvoice(books.aDeal(brand, talent, DEAL_OWNER, 100_000, "GBP"));
    private final Invoice draft = books.aDraftInvoice(books.aDeal(brand, talent, DEAL_OWNER, 50_000, "GBP"));
    private final Deal undrafted = books.aDeal(brand, talent, DEAL_OWNER, 20_000, "GBP");
    private final CommissionPlan plan = books.aCommissionPlan("plan-1", 2000, 2500);
    private final Snapshot before;
    private final Payment payment;
    private final Payout payout;

    FinanceInvalidInputProperties() {
        books.pay(partlyPaid, 10_000);
        payment = books.stores().payments().byInvoice(partlyPaid.id()).get(0);
        payout = books.aPayout(Beneficiary.talent(talent.id()), "GBP");
        before = snapshot();
    }

    @AfterProperty
    void close() {
        books.close();
    }

    record Snapshot(AgencyFixture.Written written, Optional<CommissionPlan> plan) {
    }

    private Snapshot snapshot() {
        return new Snapshot(books.written(), books.stores().commissionPlans().find(plan.id()));
    }

    /** A call with invalid input, and the pointers its field errors must name. */
    record Attempt(String name, List<String> pointers, Function<AgencyFixture<BreakAgency>, Object> call) {
        @Override
        public String toString() {
            return name + " -> " + pointers;
        }
    }

    /** One field of a command: its value, and whether the value breaks a constraint. */
    record Field(String name, Object value, boolean broken) {
        @Override
        public String toString() {
            return name + "=" + (value instanceof String s && s.length() > 20 ? s.substring(0, 20) + "…" : value);
        }
    }

    static Arbitrary<Field> field(String name, Arbitrary<?> good, Arbitrary<?> bad) {
        return Arbitraries.frequencyOf(Tuple.of(1, good.map(v -> new Field(name, v, false))),
                Tuple.of(1, bad.map(v -> new Field(name, v, true))));
    }

    static Arbitrary<Field> alwaysGood(String name, Arbitrary<?> good) {
        return good.map(v -> new Field(name, v, false));
    }

    /** A command of several fields, at least one of them broken; the errors must name exactly the broken ones. */
    static Arbitrary<Attempt> command(String operation, Function<List<Object>, Function<AgencyFixture<BreakAgency>, Object>> call,
                                      List<Arbitrary<Field>> fields) {
        return Combinators.combine(fields).as(List::copyOf)
                .filter(fs -> fs.stream().anyMatch(Field::broken))
                .map(fs -> {
                    List<Object> values = new ArrayList<>();
                    fs.forEach(f -> values.add(f.value()));
                    List<String> pointers = List.copyOf(fs.stream().filter(Field::broken).map(f -> "#/" + f.name())
                            .collect(Collectors.toCollection(TreeSet::new)));
                    return new Attempt(operation + fs, pointers, call.apply(values));
                });
    }

    static Attempt single(String name, String pointer, Function<AgencyFixture<BreakAgency>, Object> call) {
        return new Attempt(name, List.of(pointer), call);
    }

    // ---- values that break a constraint ----

    static Arbitrary<String> badId() {
        return Arbitraries.oneOf(Arbitraries.of("", " ", "has space", "semi;colon", "ümlaut", "slash/id", "a'quote",
                        "new\nline"),
                Arbitraries.strings().alpha().numeric().ofMinLength(65).ofMaxLength(120));
    }

    static Arbitrary<String> badRequiredId() {
        return Arbitraries.oneOf(Arbitraries.just(null), badId());
    }

    static Arbitrary<Long> notPositive() {
        return Arbitraries.longs().lessOrEqual(0);
    }

    static Arbitrary<Long> badAmount() {
        return Arbitraries.oneOf(notPositive(), Arbitraries.longs().greaterOrEqual(InputLimits.MAX_MINOR_UNITS + 1));
    }

    static Arbitrary<String> badCurrency() {
        return Arbitraries.oneOf(nothing(), Arbitraries.of("gbp", "GB", "GBPX", "XYZ", "XXX", "XAU", "", " GBP", "€"));
    }

    static Arbitrary<String> badText(int max) {
        return Arbitraries.oneOf(nothing(), Arbitraries.of("", " ", "\t\n"),
                Arbitraries.strings().ofMinLength(max + 1).ofMaxLength(max + 100));
    }

    static Arbitrary<Integer> badRate() {
        return Arbitraries.oneOf(Arbitraries.integers().lessOrEqual(-1), Arbitraries.integers().greaterOrEqual(10_001));
    }

    static Arbitrary<Integer> badLimit() {
        return Arbitraries.oneOf(Arbitraries.integers().lessOrEqual(0), Arbitraries.integers().greaterOrEqual(501));
    }

    static Arbitrary<String> tooLongCursor() {
        return Arbitraries.strings().alpha().ofMinLength(513).ofMaxLength(700);
    }

    /** Not a cursor Break handed out, though short enough: not base64url, a foreign prefix, or no id. */
    static Arbitrary<String> foreignCursor() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return Arbitraries.oneOf(
                Arbitraries.strings().alpha().ofMaxLength(40).map(s -> s + "!"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(40)
                        .map(s -> b64.encodeToString(("k2:" + s).getBytes(StandardCharsets.UTF_8))),
                Arbitraries.of("", "k1:", b64.encodeToString("k1:".getBytes(StandardCharsets.UTF_8)), "a", "===="));
    }

    static <T> Arbitrary<T> nothing() {
        return Arbitraries.just(null);
    }

    // ---- good values ----

    static Arbitrary<String> goodText() {
        return Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(30).map(s -> "ref-" + s);
    }

    static Arbitrary<LocalDate> aDay() {
        return Arbitraries.of(LocalDate.of(2026, 1, 5), LocalDate.of(2025, 12, 31), LocalDate.of(2026, 3, 1));
    }

    static Arbitrary<Instant> anInstant() {
        return Arbitraries.of(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"));
    }

    @Provide
    Arbitrary<Attempt> invalidInputs() {
        List<Arbitrary<Attempt>> all = new ArrayList<>();
        Arbitrary<String> anInvoice = Arbitraries.of(partlyPaid.id(), draft.id());

        all.add(command("recordPayment", v -> b -> b.finance().recordPayment(admin, new RecordPayment((String) v.get(0),
                        (Money) v.get(1), (LocalDate) v.get(2), (String) v.get(3), (String) v.get(4),
                        (PaymentSource) v.get(5))),
                List.of(field("invoiceId", Arbitraries.just(partlyPaid.id()), badRequiredId()),
                        field("amount/minorUnits", Arbitraries.longs().between(1, 1_000).map(a -> Money.of(a, "GBP")),
                                badAmount().map(a -> Money.of(a, "GBP"))),
                        field("receivedOn", aDay(), nothing()),
                        field("externalReference", goodText(), badText(200)),
                        field("idempotencyKey", goodText(), badText(200)),
                        field("source", Arbitraries.of(PaymentSource.class), nothing()))));
        all.add(command("markInvoicePaid", v -> b -> b.finance().markInvoicePaid(admin, new MarkInvoicePaid(
                        (String) v.get(0), (LocalDate) v.get(1), (String) v.get(2), (String) v.get(3),
                        (PaymentSource) v.get(4))),
                List.of(field("invoiceId", Arbitraries.just(partlyPaid.id()), badRequiredId()),
                        field("receivedOn", aDay(), nothing()),
                        field("externalReference", goodText(), badText(200)),
                        field("idempotencyKey", goodText(), badText(200)),
                        field("source", Arbitraries.of(PaymentSource.class), nothing()))));
        all.add(command("issueInvoice", v -> b -> b.finance().issueInvoice(admin, new IssueInvoice((String) v.get(0),
                        (Long) v.get(1), (LocalDate) v.get(2))),
                List.of(field("invoiceId", Arbitraries.just(draft.id()), badRequiredId()),
                        field("expectedVersion", Arbitraries.just(draft.version()), notPositive()),
                        alwaysGood("dueDate", Arbitraries.oneOf(aDay(), nothing())))));
        all.add(command("voidInvoice", v -> b -> b.finance().voidInvoice(admin, new VoidInvoice((String) v.get(0),
                        (Long) v.get(1), (String) v.get(2))),
                List.of(field("invoiceId", Arbitraries.just(draft.id()), badRequiredId()),
                        field("expectedVersion", Arbitraries.just(draft.version()), notPositive()),
                        field("reason", goodText(), badText(500)))));
        all.add(command("draftInvoice", v -> b -> b.finance().draftInvoice(admin, new DraftInvoice((String) v.get(0))),
                List.of(field("dealId", Arbitraries.just(undrafted.id()), badRequiredId()))));
        all.add(command("saveCommissionPlan", v -> b -> b.finance().saveCommissionPlan(admin, new SaveCommissionPlan(
                        (String) v.get(0), (Integer) v.get(1), (Integer) v.get(2), (Boolean) v.get(3))),
                List.of(field("id", Arbitraries.just(plan.id()), badRequiredId()),
                        field("agencyRateBps", Arbitraries.integers().between(0, 10_000), badRate()),
                        field("agentShareBps", Arbitraries.integers().between(0, 10_000), badRate()),
                        alwaysGood("houseTakesUnassignedAgentShare", Arbitraries.of(true, false)))));
        all.add(command("listInvoices", v -> b -> b.finance().listInvoices(admin, new InvoiceQuery(
                        (InvoiceStatus) v.get(0), (String) v.get(1), (String) v.get(2), (String) v.get(3),
                        (Boolean) v.get(4), (String) v.get(5), (Integer) v.get(6))),
                List.of(alwaysGood("status", Arbitraries.of(InvoiceStatus.class).injectNull(0.5)),
                        field("dealId", Arbitraries.just(partlyPaid.dealId()).injectNull(0.5), badId()),
                        field("brandId", Arbitraries.just(brand.id()).injectNull(0.5), badId()),
                        field("talentId", Arbitraries.just(talent.id()).injectNull(0.5), badId()),
                        alwaysGood("overdue", Arbitraries.of(true, false)),
                        field("cursor", nothing(), tooLongCursor()),
                        field("limit", Arbitraries.integers().between(1, 500), badLimit()))));
        all.add(command("listCommissions", v -> b -> b.finance().listCommissions(admin, CommissionQuery.forBeneficiary((BeneficiaryKind) v.get(0), (String) v.get(1)).inStatus((CommissionStatus) v.get(2)).createdBetween((Instant) v.get(3), (Instant) v.get(4)).after((String) v.get(5)).limit((Integer) v.get(6))),
                List.of(alwaysGood("beneficiaryKind", Arbitraries.just(BeneficiaryKind.TALENT)),
                        field("beneficiaryId", Arbitraries.just(talent.id()), badId()),
                        alwaysGood("status", Arbitraries.of(CommissionStatus.class).injectNull(0.5)),
                        alwaysGood("from", Arbitraries.oneOf(anInstant(), nothing())),
                        alwaysGood("to", Arbitraries.oneOf(anInstant(), nothing())),
                        field("cursor", nothing(), tooLongCursor()),
                        field("limit", Arbitraries.integers().between(1, 500), badLimit()))));
        all.add(command("statement", v -> b -> b.finance().statement(admin, new StatementQuery((BeneficiaryKind) v.get(0),
                        (String) v.get(1), (Instant) v.get(2), (Instant) v.get(3))),
                List.of(field("beneficiaryKind", Arbitraries.of(BeneficiaryKind.TALENT, BeneficiaryKind.AGENT), nothing()),
                        field("beneficiaryId", Arbitraries.just(talent.id()), badRequiredId()),
                        field("from", anInstant(), nothing()),
                        field("to", anInstant(), nothing()))));
        all.add(command("totals", v -> b -> b.finance().totals(admin, new TotalsQuery((LocalDate) v.get(0),
                        (LocalDate) v.get(1))),
                List.of(field("receivedFrom", aDay(), nothing()), field("receivedTo", aDay(), nothing()))));
        all.add(command("ensureCommissions", v -> b -> b.recovery().ensureCommissions(admin,
                        new EnsureCommissions((String) v.get(0))),
                List.of(field("invoiceId", Arbitraries.just(partlyPaid.id()), badRequiredId()))));
        all.add(command("getInvoice", v -> b -> b.finance().getInvoice(admin, (String) v.get(0)),
                List.of(field("id", anInvoice, badRequiredId()))));

        // invalid only once the use case looks: a currency that is not the invoice's, a cursor Break never
        // handed out, half a beneficiary, the house's statement
        all.add(Arbitraries.just(single("recordPayment amount=null", "#/amount", b -> b.finance().recordPayment(admin,
                RecordPayment.of(partlyPaid.id(), null, LocalDate.of(2026, 1, 6), "psp-1")))));
        all.add(Arbitraries.of("USD", "EUR", "JPY", "CHF").map(c -> single("recordPayment currency=" + c, "#/amount/currency",
                b -> b.finance().recordPayment(admin, RecordPayment.of(partlyPaid.id(), Money.of(1_000, c), LocalDate.of(2026, 1, 6), "psp-1").via(PaymentSource.PROCESSOR_WEBHOOK)))));
        all.add(foreignCursor().map(c -> single("listInvoices cursor=" + c, "#/cursor",
                b -> b.finance().listInvoices(admin, InvoiceQuery.first(10).after(c)))));
        all.add(foreignCursor().map(c -> single("listCommissions cursor=" + c, "#/cursor",
                b -> b.finance().listCommissions(admin, CommissionQuery.first(10).after(c)))));
        all.add(Arbitraries.of(BeneficiaryKind.class).map(k -> single("listCommissions kind=" + k + " without id",
                "#/beneficiaryId", b -> b.finance().listCommissions(admin,
                        CommissionQuery.forBeneficiary(k, null).limit(10)))));
        all.add(Arbitraries.of(talent.id(), MANAGING_AGENT, "house").map(id -> single("listCommissions id=" + id
                + " without kind", "#/beneficiaryId", b -> b.finance().listCommissions(admin,
                        CommissionQuery.forBeneficiary(null, id).limit(10)))));
        all.add(Arbitraries.of("house", talent.id()).map(id -> single("statement of the house " + id,
                "#/beneficiaryKind", b -> b.finance().statement(admin, new StatementQuery(BeneficiaryKind.HOUSE, id,
                        Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"))))));

        // no command at all
        all.add(Arbitraries.of(
                single("recordPayment(null)", "#", b -> b.finance().recordPayment(admin, null)),
                single("markInvoicePaid(null)", "#", b -> b.finance().markInvoicePaid(admin, null)),
                single("issueInvoice(null)", "#", b -> b.finance().issueInvoice(admin, null)),
                single("voidInvoice(null)", "#", b -> b.finance().voidInvoice(admin, null)),
                single("draftInvoice(null)", "#", b -> b.finance().draftInvoice(admin, null)),
                single("saveCommissionPlan(null)", "#", b -> b.finance().saveCommissionPlan(admin, null)),
                single("listInvoices(null)", "#", b -> b.finance().listInvoices(admin, null)),
                single("listCommissions(null)", "#", b -> b.finance().listCommissions(admin, null)),
                single("statement(null)", "#", b -> b.finance().statement(admin, null)),
                single("totals(null)", "#", b -> b.finance().totals(admin, null)),
                single("ensureCommissions(null)", "#", b -> b.recovery().ensureCommissions(admin, null))));
        // money going out
        all.add(command("createPayout", v -> b -> b.finance().createPayout(admin, new CreatePayout(
                        (BeneficiaryKind) v.get(0), (String) v.get(1), (String) v.get(2), (Instant) v.get(3))),
                List.of(field("beneficiaryKind", Arbitraries.of(BeneficiaryKind.TALENT, BeneficiaryKind.AGENT), nothing()),
                        field("beneficiaryId", Arbitraries.just(talent.id()), badRequiredId()),
                        field("currency", Arbitraries.of("GBP", "USD"), badCurrency()),
                        alwaysGood("upTo", Arbitraries.oneOf(anInstant(), nothing())))));
        all.add(command("approvePayout", v -> b -> b.finance().approvePayout(admin, new ApprovePayout((String) v.get(0),
                        (Long) v.get(1))),
                List.of(field("payoutId", Arbitraries.just(payout.id()), badRequiredId()),
                        field("expectedVersion", Arbitraries.just(payout.version()), notPositive()))));
        all.add(command("cancelPayout", v -> b -> b.finance().cancelPayout(admin, new CancelPayout((String) v.get(0),
                        (Long) v.get(1), (String) v.get(2))),
                List.of(field("payoutId", Arbitraries.just(payout.id()), badRequiredId()),
                        field("expectedVersion", Arbitraries.just(payout.version()), notPositive()),
                        field("reason", goodText(), badText(500)))));
        all.add(command("markPayoutPaid", v -> b -> b.finance().markPayoutPaid(admin, new MarkPayoutPaid(
                        (String) v.get(0), (LocalDate) v.get(1), (String) v.get(2), (String) v.get(3))),
                List.of(field("payoutId", Arbitraries.just(payout.id()), badRequiredId()),
                        field("paidOn", aDay(), nothing()),
                        field("externalReference", goodText(), badText(200)),
                        field("idempotencyKey", goodText(), badText(200)))));
        all.add(command("refundPayment", v -> b -> b.finance().refundPayment(admin, new RefundPayment((String) v.get(0),
                        (Money) v.get(1), (LocalDate) v.get(2), (String) v.get(3), (String) v.get(4), (String) v.get(5))),
                List.of(field("paymentId", Arbitraries.just(payment.id()), badRequiredId()),
                        field("amount/minorUnits", Arbitraries.longs().between(1, 1_000).map(a -> Money.of(a, "GBP")),
                                badAmount().map(a -> Money.of(a, "GBP"))),
                        field("refundedOn", aDay(), nothing()),
                        field("externalReference", goodText(), badText(200)),
                        field("idempotencyKey", goodText(), badText(200)),
                        field("reason", goodText(), badText(500)))));
        all.add(command("issueCreditNote", v -> b -> b.finance().issueCreditNote(admin, new IssueCreditNote(
                        (String) v.get(0), (Money) v.get(1), (String) v.get(2), (String) v.get(3), (String) v.get(4),
                        (String) v.get(5), (LocalDate) v.get(6))),
                List.of(field("invoiceId", Arbitraries.just(partlyPaid.id()), badRequiredId()),
                        field("amount/minorUnits", Arbitraries.longs().between(1, 1_000).map(a -> Money.of(a, "GBP")),
                                badAmount().map(a -> Money.of(a, "GBP"))),
                        field("reason", goodText(), badText(500)),
                        field("idempotencyKey", goodText(), badText(200)),
                        field("refundPaymentId", nothing(), badId()),
                        field("refundReference", nothing(), Arbitraries.oneOf(Arbitraries.just(""),
                                Arbitraries.strings().alpha().ofMinLength(201).ofMaxLength(260))),
                        alwaysGood("refundedOn", Arbitraries.oneOf(aDay(), nothing())))));
        all.add(command("listPayouts", v -> b -> b.finance().listPayouts(admin, new PayoutQuery((BeneficiaryKind) v.get(0),
                        (String) v.get(1), (PayoutStatus) v.get(2), (String) v.get(3), (Integer) v.get(4))),
                List.of(alwaysGood("beneficiaryKind", Arbitraries.just(BeneficiaryKind.TALENT)),
                        field("beneficiaryId", Arbitraries.just(talent.id()), badId()),
                        alwaysGood("status", Arbitraries.of(PayoutStatus.class).injectNull(0.5)),
                        field("cursor", nothing(), tooLongCursor()),
                        field("limit", Arbitraries.integers().between(1, 500), badLimit()))));
        all.add(command("payoutStatement", v -> b -> b.finance().payoutStatement(admin, new PayoutStatementQuery(
                        (BeneficiaryKind) v.get(0), (String) v.get(1), (Instant) v.get(2), (Instant) v.get(3))),
                List.of(field("beneficiaryKind", Arbitraries.of(BeneficiaryKind.TALENT, BeneficiaryKind.AGENT), nothing()),
                        field("beneficiaryId", Arbitraries.just(talent.id()), badRequiredId()),
                        field("from", anInstant(), nothing()),
                        field("to", anInstant(), nothing()))));
        all.add(command("listCreditNotes", v -> b -> b.finance().listCreditNotes(admin, new CreditNoteQuery(
                        (String) v.get(0), (String) v.get(1), (String) v.get(2), (Integer) v.get(3))),
                List.of(field("brandId", Arbitraries.just(brand.id()).injectNull(0.5), badId()),
                        field("invoiceId", Arbitraries.just(partlyPaid.id()).injectNull(0.5), badId()),
                        field("cursor", nothing(), tooLongCursor()),
                        field("limit", Arbitraries.integers().between(1, 500), badLimit()))));
        all.add(command("getPayout", v -> b -> b.finance().getPayout(admin, (String) v.get(0)),
                List.of(field("id", Arbitraries.just(payout.id()), badRequiredId()))));
        all.add(Arbitraries.of("USD", "EUR", "JPY").map(c -> single("refundPayment currency=" + c, "#/amount/currency",
                b -> b.finance().refundPayment(admin, RefundPayment.of(payment.id(), Money.of(100, c), LocalDate.of(2026, 1, 6),
                        "refund-1")))));
        all.add(Arbitraries.of("USD", "EUR").map(c -> single("issueCreditNote currency=" + c, "#/amount/currency",
                b -> b.finance().issueCreditNote(admin, IssueCreditNote.of(partlyPaid.id(), Money.of(100, c), "why", "k-1")))));
        all.add(Arbitraries.of("house", talent.id()).map(id -> single("payout of the house " + id, "#/beneficiaryKind",
                b -> b.finance().createPayout(admin, new CreatePayout(BeneficiaryKind.HOUSE, id, "GBP", null)))));
        all.add(Arbitraries.of("house", talent.id()).map(id -> single("payout statement of the house " + id,
                "#/beneficiaryKind", b -> b.finance().payoutStatement(admin, new PayoutStatementQuery(BeneficiaryKind.HOUSE,
                        id, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"))))));
        all.add(foreignCursor().map(c -> single("listPayouts cursor=" + c, "#/cursor",
                b -> b.finance().listPayouts(admin, PayoutQuery.all().after(c)))));
        all.add(foreignCursor().map(c -> single("listCreditNotes cursor=" + c, "#/cursor",
                b -> b.finance().listCreditNotes(admin, CreditNoteQuery.all().after(c)))));
        all.add(Arbitraries.of(
                single("createPayout(null)", "#", b -> b.finance().createPayout(admin, null)),
                single("approvePayout(null)", "#", b -> b.finance().approvePayout(admin, null)),
                single("cancelPayout(null)", "#", b -> b.finance().cancelPayout(admin, null)),
                single("markPayoutPaid(null)", "#", b -> b.finance().markPayoutPaid(admin, null)),
                single("refundPayment(null)", "#", b -> b.finance().refundPayment(admin, null)),
                single("issueCreditNote(null)", "#", b -> b.finance().issueCreditNote(admin, null)),
                single("listPayouts(null)", "#", b -> b.finance().listPayouts(admin, null)),
                single("payoutStatement(null)", "#", b -> b.finance().payoutStatement(admin, null)),
                single("listCreditNotes(null)", "#", b -> b.finance().listCreditNotes(admin, null))));
        return Arbitraries.oneOf(all);
    }

    @Property(tries = 1000)
    void every_invalid_finance_command_is_a_validation_failure_naming_the_broken_fields(
            @ForAll("invalidInputs") Attempt attempt) {
        BreakException e = assertThrows(BreakException.class, () -> attempt.call().apply(books), attempt.name());

        assertEquals(ErrorCode.VALIDATION_FAILED, e.code(), attempt + " gave " + e.code() + "/" + e.reason());
        assertFalse(e.fieldErrors().isEmpty(), attempt + " carries field errors");
        List<FieldError> sorted = new ArrayList<>(e.fieldErrors());
        sorted.sort(null);
        assertEquals(sorted, e.fieldErrors(), "sorted by pointer");
        assertEquals(attempt.pointers(), e.fieldErrors().stream().map(FieldError::pointer).distinct().toList(),
                attempt.name());
        assertTrue(books.reports().reports().isEmpty(), "validation failures are not reported");
        assertEquals(before, snapshot(), "nothing was written");
    }
}
