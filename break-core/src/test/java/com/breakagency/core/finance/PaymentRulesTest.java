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

import com.breakagency.ports.api.finance.CommissionQuery;
import com.breakagency.ports.api.finance.CommissionStatement;
import com.breakagency.ports.api.finance.InvoiceQuery;
import com.breakagency.ports.api.finance.IssueInvoice;
import com.breakagency.ports.api.finance.MarkInvoicePaid;
import com.breakagency.ports.api.finance.PaymentResult;
import com.breakagency.ports.api.finance.RecordPayment;
import com.breakagency.ports.api.finance.StatementQuery;
import com.breakagency.ports.api.finance.VoidInvoice;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.FieldError;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.audit.AuditEvent;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.DealStage;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.model.finance.Beneficiary;
import com.breakagency.ports.model.finance.BeneficiaryKind;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.CommissionPlan;
import com.breakagency.ports.model.finance.CommissionState;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.InvoiceStatus;
import com.breakagency.ports.model.finance.PaymentSource;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The rules a payment meets on its way in, and what it leaves behind: statuses, audit, commission lines. */
class PaymentRulesTest {

    private final AgencyFixture<BreakAgency> books = TestAgencies.inMemory();

    @AfterEach
    void close() {
        books.close();
    }

    private RecordPayment payment(Invoice invoice, long amount, String reference, String key) {
        return RecordPayment.of(invoice.id(), Money.of(amount, invoice.total().currency().getCurrencyCode()), books.today(), reference).withIdempotencyKey(key).via(PaymentSource.PROCESSOR_WEBHOOK);
    }

    private PaymentResult record(RecordPayment command) {
        return books.finance().recordPayment(AgencyFixture.aFinanceUser(), command);
    }

    /** Runs a call that must fail, and checks that it wrote nothing. */
    private BreakException refusedWithoutWriting(Supplier<?> call) {
        AgencyFixture.Written before = books.written();
        BreakException e = assertThrows(BreakException.class, call::get);
        assertEquals(before, books.written(), "a refused call writes nothing");
        assertTrue(books.reports().reports().isEmpty(), "a refused payment is not an error to report");
        return e;
    }

    private static void assertConflict(String reason, BreakException e) {
        assertEquals(ErrorCode.CONFLICT, e.code(), "got " + e.code() + "/" + e.reason());
        assertEquals(reason, e.reason());
    }

    // ---- refusals ----

    @Test
    void a_payment_above_the_outstanding_balance_is_an_overpayment_and_writes_nothing() {
        Invoice invoice = books.anIssuedInvoice(100_000, "GBP");
        books.pay(invoice, 40_000);

        BreakException e = refusedWithoutWriting(() -> record(payment(invoice, 60_001, "psp-1", "key-1")));
        assertConflict("OVERPAYMENT", e);

        PaymentResult retried = record(payment(invoice, 60_000, "psp-1", "key-1"));
        assertFalse(retried.replayed(), "the refused call did not use up its idempotency key");
        assertEquals(InvoiceStatus.PAID, retried.invoice().status());
    }

    @Test
    void a_payment_to_a_draft_invoice_is_an_invalid_state_transition() {
        Invoice draft = books.aDraftInvoice(100_000, "GBP");
        assertConflict(Reason.INVALID_STATE_TRANSITION,
                refusedWithoutWriting(() -> record(payment(draft, 10_000, "psp-1", "key-1"))));
    }

    @Test
    void a_payment_to_a_void_invoice_is_an_invalid_state_transition() {
        Invoice issued = books.anIssuedInvoice(100_000, "GBP");
        Invoice voided = books.finance().voidInvoice(AgencyFixture.aFinanceUser(),
                new VoidInvoice(issued.id(), issued.version(), "billed the wrong brand"));
        assertEquals(InvoiceStatus.VOID, voided.status());
        assertConflict(Reason.INVALID_STATE_TRANSITION,
                refusedWithoutWriting(() -> record(payment(voided, 10_000, "psp-1", "key-1"))));
    }

    @Test
    void a_payment_to_a_paid_invoice_is_an_invalid_state_transition() {
        Invoice invoice = books.anIssuedInvoice(100_000, "GBP");
        books.payInFull(invoice);
        assertConflict(Reason.INVALID_STATE_TRANSITION,
                refusedWithoutWriting(() -> record(payment(invoice, 1, "psp-1", "key-1"))));
        assertConflict(Reason.INVALID_STATE_TRANSITION, refusedWithoutWriting(() -> books.finance().markInvoicePaid(
                AgencyFixture.aFinanceUser(), new MarkInvoicePaid(invoice.id(), books.today(), "psp-2", "key-2",
                        PaymentSource.MANUAL))));
    }

    @Test
    void a_payment_in_another_currency_than_the_invoice_fails_validation_at_currency() {
        Invoice invoice = books.anIssuedInvoice(100_000, "GBP");
        BreakException e = refusedWithoutWriting(() -> record(RecordPayment.of(invoice.id(), Money.of(10_000, "USD"), books.today(), "psp-1").withIdempotencyKey("key-1").via(PaymentSource.BANK_FEED)));
        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        assertEquals(List.of("#/amount/currency"), e.fieldErrors().stream().map(FieldError::pointer).toList());
    }

    @Test
    void an_invoice_with_a_payment_cannot_be_voided() {
        Invoice invoice = books.anIssuedInvoice(100_000, "GBP");
        Invoice partlyPaid = books.pay(invoice, 10_000).invoice();
        BreakException e = refusedWithoutWriting(() -> books.finance().voidInvoice(AgencyFixture.aFinanceUser(),
                new VoidInvoice(partlyPaid.id(), partlyPaid.version(), "the brand disputes it")));
        assertConflict(Reason.INVALID_STATE_TRANSITION, e);
        assertEquals(InvoiceStatus.PARTIALLY_PAID, books.reload(invoice).status());
    }

    @Test
    void issuing_an_invoice_twice_is_an_invalid_state_transition() {
        Invoice issued = books.anIssuedInvoice(100_000, "GBP");
        BreakException e = refusedWithoutWriting(() -> books.finance().issueInvoice(AgencyFixture.aFinanceUser(),
                IssueInvoice.of(issued)));
        assertConflict(Reason.INVALID_STATE_TRANSITION, e);
        assertEquals(issued, books.reload(issued), "the number and due date stay as first issued");
    }

    // ---- idempotency ----

    @Test
    void the_same_key_with_the_same_payment_replays_the_first_result_and_writes_nothing() {
        Invoice invoice = books.anIssuedInvoice(100_000, "GBP");
        RecordPayment command = payment(invoice, 30_000, "psp-evt-1", "psp-evt-1");
        PaymentResult first = record(command);
        assertFalse(first.replayed());

        AgencyFixture.Written before = books.written();
        PaymentResult again = record(command);

        assertTrue(again.replayed());
        assertEquals(first.payment().id(), again.payment().id());
        assertEquals(first.payment(), again.payment());
        assertEquals(first.lines(), again.lines());
        assertEquals(before, books.written(), "no new audit rows, payments or lines");
        assertEquals(Money.of(30_000, "GBP"), books.reload(invoice).paid(), "paid once");
    }

    @Test
    void marking_an_invoice_paid_twice_with_one_key_pays_it_once() {
        Invoice invoice = books.anIssuedInvoice(100_000, "GBP");
        MarkInvoicePaid command = new MarkInvoicePaid(invoice.id(), books.today(), "bank-tx-9", "bank-tx-9",
                PaymentSource.BANK_FEED);
        PaymentResult first = books.finance().markInvoicePaid(AgencyFixture.aFinanceUser(), command);
        AgencyFixture.Written before = books.written();
        PaymentResult again = books.finance().markInvoicePaid(AgencyFixture.aFinanceUser(), command);

        assertTrue(again.replayed());
        assertEquals(first.payment(), again.payment());
        assertEquals(before, books.written());
    }

    @Test
    void the_same_key_with_another_payment_is_a_reused_key_and_writes_nothing() {
        Invoice invoice = books.anIssuedInvoice(100_000, "GBP");
        record(payment(invoice, 30_000, "psp-evt-1", "psp-evt-1"));

        assertConflict(Reason.IDEMPOTENCY_KEY_REUSED,
                refusedWithoutWriting(() -> record(payment(invoice, 30_001, "psp-evt-1", "psp-evt-1"))));
        assertConflict(Reason.IDEMPOTENCY_KEY_REUSED,
                refusedWithoutWriting(() -> record(payment(invoice, 30_000, "psp-evt-2", "psp-evt-1"))));
    }

    @Test
    void the_same_external_reference_under_another_key_already_exists_and_writes_nothing() {
        Invoice invoice = books.anIssuedInvoice(100_000, "GBP");
        record(payment(invoice, 30_000, "bank-tx-1", "key-1"));

        BreakException e = refusedWithoutWriting(() -> record(payment(invoice, 30_000, "bank-tx-1", "key-2")));
        assertConflict(Reason.ALREADY_EXISTS, e);
        assertEquals("externalReference", e.metadata().get("field"));
        assertTrue(e.detail().contains("externalReference"), e.detail());
    }

    // ---- what a payment leaves behind ----

    @Test
    void a_partial_payment_leaves_the_invoice_partly_paid_and_audits_the_new_status() {
        Invoice invoice = books.anIssuedInvoice(100_000, "GBP");
        PaymentResult result = books.pay(invoice, 25_000);

        assertEquals(InvoiceStatus.PARTIALLY_PAID, result.invoice().status());
        assertEquals(Money.of(25_000, "GBP"), result.invoice().paid());
        assertEquals(Money.of(75_000, "GBP"), result.invoice().outstanding());
        assertEquals(CommissionState.ALLOCATED, result.commissions());
        List<AuditEvent> statusUpdates = books.auditEventsOf(EntityRef.of(EntityType.INVOICE, invoice.id())).stream()
                .filter(e -> e.action() == AuditAction.INVOICE_STATUS_UPDATED).toList();
        assertEquals(1, statusUpdates.size());
        assertEquals("PARTIALLY_PAID", statusUpdates.get(0).changes().get("status"));
        assertEquals(List.of(), books.auditEvents(AuditAction.INVOICE_MARKED_PAID));
        assertEquals(1, books.auditEvents(AuditAction.PAYMENT_RECORDED).size());
        assertEquals(DealStage.PAYMENT_PENDING, books.crm().getDeal(AgencyFixture.anAdmin(), invoice.dealId()).stage());

        PaymentResult rest = books.pay(result.invoice(), 75_000);
        assertEquals(InvoiceStatus.PAID, rest.invoice().status());
        assertEquals(1, books.auditEvents(AuditAction.INVOICE_MARKED_PAID).size());
        assertEquals(DealStage.PAYMENT_RECEIVED, books.crm().getDeal(AgencyFixture.anAdmin(), invoice.dealId()).stage(),
                "full payment moves the deal on");
    }

    @Test
    void an_invoice_issued_without_a_due_date_is_due_thirty_days_after_the_day_it_is_issued() {
        Invoice draft = books.aDraftInvoice(100_000, "GBP");
        books.clock().advance(Duration.ofDays(3));
        LocalDate issuedOn = books.today();

        Invoice issued = books.issue(draft, null);

        assertEquals(Optional.of(issuedOn.plusDays(30)), issued.dueDate());
        assertEquals(Optional.of(LocalDate.of(2026, 2, 7)), issued.dueDate(), "issued 8 January");
    }

    @Test
    void listing_overdue_invoices_lists_exactly_the_open_ones_past_their_due_date() {
        LocalDate in5Days = books.today().plusDays(5);
        Invoice unpaid = books.anIssuedInvoice(100_000, "GBP", in5Days);
        Invoice partlyPaid = books.anIssuedInvoice(100_000, "USD", in5Days);
        books.pay(partlyPaid, 10_000);
        books.payInFull(books.anIssuedInvoice(100_000, "GBP", in5Days));
        books.anIssuedInvoice(100_000, "GBP", books.today().plusDays(20));
        books.anIssuedInvoice(100_000, "GBP", books.today().plusDays(10));
        Invoice voided = books.anIssuedInvoice(100_000, "GBP", in5Days);
        books.finance().voidInvoice(AgencyFixture.aFinanceUser(), new VoidInvoice(voided.id(), voided.version(), "duplicate"));
        books.aDraftInvoice(100_000, "GBP");
        InvoiceQuery overdue = InvoiceQuery.all().overdue().limit(100);

        assertEquals(List.of(), books.finance().listInvoices(AgencyFixture.aFinanceUser(), overdue).items());

        books.clock().advance(Duration.ofDays(10));

        assertEquals(List.of(unpaid.id(), partlyPaid.id()).stream().sorted().toList(),
                books.finance().listInvoices(AgencyFixture.aFinanceUser(), overdue).items().stream().map(Invoice::id).toList(),
                "not the paid, void, draft, not yet due or due today ones");
    }

    // ---- commissions ----

    @Test
    void the_default_plan_splits_1000_pounds_800_to_the_talent_150_to_the_house_and_50_to_the_managing_agent() {
        Brand brand = books.aBrand(DEAL_OWNER);
        Talent talent = books.aTalentManagedBy(MANAGING_AGENT);
        Deal deal = books.aDeal(brand, talent, DEAL_OWNER, 1_000_00, "GBP");
        Invoice invoice = books.anIssuedInvoice(deal);

        PaymentResult result = books.payInFull(invoice);

        Map<Beneficiary, Money> split = byBeneficiary(result.lines());
        assertEquals(Map.of(Beneficiary.talent(talent.id()), Money.of(800_00, "GBP"),
                Beneficiary.HOUSE, Money.of(150_00, "GBP"),
                Beneficiary.agent(MANAGING_AGENT), Money.of(50_00, "GBP")), split);
        assertFalse(split.containsKey(Beneficiary.agent(DEAL_OWNER)), "the deal's owner is not the talent's agent");
        for (CommissionLine line : result.lines()) {
            assertEquals(CommissionPlan.AGENCY_DEFAULT_ID, line.planId());
            assertEquals(result.payment().id(), line.paymentId());
        }
        assertEquals(0, new BigDecimal("0.05").compareTo(rateOf(result.lines(), Beneficiary.agent(MANAGING_AGENT))));
        assertEquals(byBeneficiary(result.lines()), byBeneficiary(books.finance().listCommissions(AgencyFixture.anAdmin(),
                CommissionQuery.first(10)).items()), "the lines are stored");
    }

    @Test
    void a_deal_plan_overrides_the_talents_plan_which_overrides_the_agency_default() {
        books.aCommissionPlan("talent-plan", 3000, 5000);
        books.aCommissionPlan("deal-plan", 1000, 0);
        Brand brand = books.aBrand(DEAL_OWNER);
        Talent onPlan = books.aTalentOnPlan(MANAGING_AGENT, "talent-plan");
        Talent onDefault = books.aTalentManagedBy(MANAGING_AGENT);

        PaymentResult talentPlan = books.payInFull(books.anIssuedInvoice(
                books.aDeal(brand, onPlan, DEAL_OWNER, 1_000_00, "GBP")));
        PaymentResult dealPlan = books.payInFull(books.anIssuedInvoice(
                books.aDealOnPlan(brand, onPlan, DEAL_OWNER, 1_000_00, "GBP", "deal-plan")));
        PaymentResult defaultPlan = books.payInFull(books.anIssuedInvoice(
                books.aDeal(brand, onDefault, DEAL_OWNER, 1_000_00, "GBP")));

        assertEquals(Map.of(Beneficiary.talent(onPlan.id()), Money.of(700_00, "GBP"),
                Beneficiary.HOUSE, Money.of(150_00, "GBP"),
                Beneficiary.agent(MANAGING_AGENT), Money.of(150_00, "GBP")), byBeneficiary(talentPlan.lines()));
        assertEquals(Map.of(Beneficiary.talent(onPlan.id()), Money.of(900_00, "GBP"),
                Beneficiary.HOUSE, Money.of(100_00, "GBP")), byBeneficiary(dealPlan.lines()));
        assertEquals(Map.of(Beneficiary.talent(onDefault.id()), Money.of(800_00, "GBP"),
                Beneficiary.HOUSE, Money.of(150_00, "GBP"),
                Beneficiary.agent(MANAGING_AGENT), Money.of(50_00, "GBP")), byBeneficiary(defaultPlan.lines()));
        assertEquals(List.of("talent-plan"), planIds(talentPlan));
        assertEquals(List.of("deal-plan"), planIds(dealPlan));
        assertEquals(List.of(CommissionPlan.AGENCY_DEFAULT_ID), planIds(defaultPlan));
    }

    @Test
    void a_statement_totals_a_talents_and_an_agents_lines_per_currency_over_the_period() {
        Brand brand = books.aBrand(DEAL_OWNER);
        Talent talent = books.aTalentManagedBy(MANAGING_AGENT);
        Instant from = books.clock().instant();
        books.payInFull(books.anIssuedInvoice(books.aDeal(brand, talent, DEAL_OWNER, 1_000_00, "GBP")));
        books.pay(books.anIssuedInvoice(books.aDeal(brand, talent, DEAL_OWNER, 1_000_00, "USD")), 500_00);
        books.payInFull(books.anIssuedInvoice(books.aDeal(brand, talent, DEAL_OWNER, 200_00, "GBP")));
        books.clock().advance(Duration.ofDays(31));
        Instant to = books.clock().instant();
        books.payInFull(books.anIssuedInvoice(books.aDeal(brand, talent, DEAL_OWNER, 9_000_00, "GBP")));

        CommissionStatement forTalent = books.finance().statement(AgencyFixture.aTalentUser(talent.id()),
                new StatementQuery(BeneficiaryKind.TALENT, talent.id(), from, to));
        CommissionStatement forAgent = books.finance().statement(AgencyFixture.anAgent(MANAGING_AGENT),
                new StatementQuery(BeneficiaryKind.AGENT, MANAGING_AGENT, from, to));

        assertEquals(Map.of("GBP", Money.of(960_00, "GBP"), "USD", Money.of(400_00, "USD")),
                forTalent.totalsByCurrency(), "80% of GBP 1,200.00 and of USD 500.00; the later payment is outside");
        assertEquals(3, forTalent.lines().size());
        assertEquals(Map.of("GBP", Money.of(60_00, "GBP"), "USD", Money.of(25_00, "USD")), forAgent.totalsByCurrency());
        assertEquals(sumPerCurrency(forAgent.lines()), forAgent.totalsByCurrency());
        assertTrue(forAgent.lines().stream().allMatch(l -> l.beneficiary().equals(Beneficiary.agent(MANAGING_AGENT))));
    }

    private static Map<Beneficiary, Money> byBeneficiary(List<CommissionLine> lines) {
        return lines.stream().collect(Collectors.toMap(CommissionLine::beneficiary, CommissionLine::amount, Money::plus,
                TreeMap::new));
    }

    private static Map<String, Money> sumPerCurrency(List<CommissionLine> lines) {
        return lines.stream().collect(Collectors.toMap(l -> l.amount().currency().getCurrencyCode(),
                CommissionLine::amount, Money::plus, TreeMap::new));
    }

    private static BigDecimal rateOf(List<CommissionLine> lines, Beneficiary beneficiary) {
        return lines.stream().filter(l -> l.beneficiary().equals(beneficiary)).findFirst().orElseThrow().rate();
    }

    private static List<String> planIds(PaymentResult result) {
        return result.lines().stream().map(CommissionLine::planId).distinct().toList();
    }
}
