package com.breakagency.testkit.contract;

import static com.breakagency.testkit.Fixtures.NOW;
import static com.breakagency.testkit.Fixtures.aBankReference;
import static com.breakagency.testkit.Fixtures.aPayment;
import static com.breakagency.testkit.Fixtures.anAuditEvent;
import static com.breakagency.testkit.Fixtures.anId;
import static com.breakagency.testkit.Fixtures.anIdempotencyRecord;
import static com.breakagency.testkit.Fixtures.anIssuedInvoice;
import static com.breakagency.testkit.Fixtures.aStep;
import static com.breakagency.testkit.Fixtures.theAgencySplitOf;
import static com.breakagency.testkit.contract.ContractSupport.RACE_ROUNDS;
import static com.breakagency.testkit.contract.ContractSupport.assertAlreadyExists;
import static com.breakagency.testkit.contract.ContractSupport.assertOneInsertWins;
import static com.breakagency.testkit.contract.ContractSupport.pageThrough;
import static com.breakagency.testkit.contract.ContractSupport.race;
import static com.breakagency.testkit.contract.ContractSupport.runAndRollBack;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.CommissionState;
import com.breakagency.ports.model.finance.IdempotencyRecord;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.InvoiceStatus;
import com.breakagency.ports.model.finance.Payment;
import com.breakagency.ports.model.finance.PaymentSource;
import com.breakagency.ports.model.work.WorkStep;
import com.breakagency.ports.spi.Payments;
import com.breakagency.ports.spi.Persistence;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every promise of the {@link Payments} port. An adapter's test extends this class and returns a fresh
 * bundle from {@link #persistence()}.
 *
 * <p>What an adapter must do beyond keeping each field exactly: enforce one payment per (invoice,
 * external reference) with a constraint, so it holds when two units of work record the same bank
 * transaction at once; take {@code receivedOn} in the half-open range {@code [from, to)}; keep dates as
 * the same calendar day whatever the JVM's time zone and instants to at least the microsecond; order ids
 * as {@link String#compareTo(String)} does; fill every page: a page holds the first {@code limit}
 * matching payments after the cursor.
 *
 * <p>It also checks the bundle's promise that matters most to finance: a payment, its invoice's new
 * version, its commission lines, its idempotency record, a queued step and the audit events of one unit
 * of work are committed together or not at all.
 *
 * <p>Every test makes its own records with fresh ids and references, and every listing by period uses a
 * period of days no other test uses, so records other tests left behind do not disturb it. The contract
 * stores each payment's invoice before the payment, so an adapter may have a foreign key there; it never
 * stores deals, brands or talent.
 *
 * <p>The properties run on the jqwik engine, so the test class path needs {@code net.jqwik:jqwik}
 * (without it they are silently skipped). jqwik calls {@link #persistence()} before each property, but
 * runs no JUnit {@code @BeforeAll} or {@code @BeforeEach} method of the subclass: set up what the
 * factory needs in the factory itself or in static state.
 */
public abstract class PaymentsContract extends PropertyContract {

    private static final String SCOPE = "finance.recordPayment";
    private static final LocalDate FIRST_PERIOD = LocalDate.of(2200, 1, 1);
    private static final int PERIOD_DAYS = 20;
    private static final AtomicInteger PERIODS = new AtomicInteger();

    private Persistence persistence;
    private Payments payments;

    /**
     * The bundle under test. Called once before each test and each property; must return a fresh, empty
     * bundle whose stores share its {@link Persistence#transactions()}.
     *
     * @return the bundle
     */
    protected abstract Persistence persistence();

    @BeforeEach
    @BeforeProperty
    void openStores() {
        persistence = persistence();
        payments = persistence.payments();
    }

    // ---- round trips -------------------------------------------------------------------------------

    @Test
    void a_recorded_payment_reads_back_equal_from_every_source_in_gbp_usd_and_jpy() {
        for (Money amount : List.of(Money.of(250_000, "GBP"), Money.of(1, "USD"), Money.of(1_500_000, "JPY"))) {
            for (PaymentSource source : PaymentSource.values()) {
                Invoice invoice = anIssuedInvoiceStored(amount);
                Payment payment = from(aPayment(invoice, amount, "evt_" + anId() + "/\u00e9\u2014'%_"), source);
                payments.insert(payment);

                assertEquals(Optional.of(payment), payments.findById(payment.id()), amount + " by " + source);
            }
        }
    }

    @Test
    void receipt_days_and_recording_instants_read_back_exact() {
        Invoice invoice = anIssuedInvoiceStored(Money.of(250_000, "GBP"));
        Instant recorded = Instant.parse("2026-03-28T23:59:59.999999Z");
        for (LocalDate day : List.of(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 10, 25), LocalDate.of(2028, 2, 29),
                LocalDate.of(2026, 12, 31))) {
            Payment p = aPayment(invoice, Money.of(1, "GBP"), aBankReference());
            Payment payment = new Payment(p.id(), p.invoiceId(), p.amount(), day, p.externalReference(), p.source(),
                    p.recordedBy(), recorded);
            payments.insert(payment);

            assertEquals(Optional.of(payment), payments.findById(payment.id()), day.toString());
        }
    }

    @Test
    void an_unknown_id_or_invoice_finds_nothing() {
        Invoice invoice = anIssuedInvoiceStored(Money.of(250_000, "GBP"));
        payments.insert(aPayment(invoice, Money.of(1, "GBP"), aBankReference()));

        assertEquals(Optional.empty(), payments.findById(anId()));
        assertEquals(List.of(), payments.byInvoice(anId()));
    }

    // ---- uniqueness --------------------------------------------------------------------------------

    @Test
    void the_same_bank_transaction_recorded_twice_for_one_invoice_is_refused_naming_external_reference() {
        Invoice invoice = anIssuedInvoiceStored(Money.of(250_000, "GBP"));
        String reference = aBankReference();
        Payment first = aPayment(invoice, Money.of(100_000, "GBP"), reference);
        payments.insert(first);
        Payment replay = aPayment(invoice, Money.of(100_000, "GBP"), reference);

        assertAlreadyExists("externalReference", () -> payments.insert(replay));

        assertEquals(Optional.empty(), payments.findById(replay.id()));
        assertEquals(List.of(first), payments.byInvoice(invoice.id()));
    }

    @Test
    void the_same_reference_on_another_invoice_is_another_payment() {
        Invoice one = anIssuedInvoiceStored(Money.of(250_000, "GBP"));
        Invoice other = anIssuedInvoiceStored(Money.of(250_000, "GBP"));
        String reference = aBankReference();
        Payment toOne = aPayment(one, Money.of(100_000, "GBP"), reference);
        Payment toOther = aPayment(other, Money.of(100_000, "GBP"), reference);

        payments.insert(toOne);
        payments.insert(toOther);

        assertEquals(List.of(toOne), payments.byInvoice(one.id()));
        assertEquals(List.of(toOther), payments.byInvoice(other.id()));
    }

    @Test
    void references_that_differ_only_in_case_are_different_transactions() {
        Invoice invoice = anIssuedInvoiceStored(Money.of(250_000, "GBP"));
        String reference = "Evt_" + anId();
        Payment upper = aPayment(invoice, Money.of(1, "GBP"), reference.toUpperCase(Locale.ROOT));
        Payment lower = aPayment(invoice, Money.of(1, "GBP"), reference.toLowerCase(Locale.ROOT));

        payments.insert(upper);
        payments.insert(lower);

        assertEquals(List.of(upper, lower), payments.byInvoice(invoice.id()));
    }

    @Test
    void a_taken_id_is_refused_naming_id_and_the_stored_payment_stays() {
        Invoice invoice = anIssuedInvoiceStored(Money.of(250_000, "GBP"));
        Payment first = aPayment(invoice, Money.of(100_000, "GBP"), aBankReference());
        payments.insert(first);
        Payment other = aPayment(invoice, Money.of(5, "GBP"), aBankReference());
        Payment sameId = new Payment(first.id(), other.invoiceId(), other.amount(), other.receivedOn(),
                other.externalReference(), other.source(), other.recordedBy(), other.recordedAt());

        assertAlreadyExists("id", () -> payments.insert(sameId));

        assertEquals(List.of(first), payments.byInvoice(invoice.id()));
    }

    @Test
    void two_threads_recording_the_same_bank_transaction_store_it_once() {
        Invoice invoice = anIssuedInvoiceStored(Money.of(250_000, "GBP"));
        for (int round = 0; round < RACE_ROUNDS; round++) {
            String reference = aBankReference();
            List<Payment> attempts = List.of(aPayment(invoice, Money.of(1_000, "GBP"), reference),
                    aPayment(invoice, Money.of(1_000, "GBP"), reference));

            int winner = assertOneInsertWins(race(() -> payments.insert(attempts.get(0)),
                    () -> payments.insert(attempts.get(1))), "externalReference");

            assertEquals(Optional.of(attempts.get(winner)), payments.findById(attempts.get(winner).id()));
            assertEquals(Optional.empty(), payments.findById(attempts.get(1 - winner).id()));
        }
        assertEquals(RACE_ROUNDS, payments.byInvoice(invoice.id()).size());
    }

    // ---- by invoice --------------------------------------------------------------------------------

    @Test
    void by_invoice_lists_only_that_invoices_payments_in_ascending_id_order() {
        Invoice invoice = anIssuedInvoiceStored(Money.of(250_000, "GBP"));
        Invoice other = anIssuedInvoiceStored(Money.of(250_000, "GBP"));
        List<Payment> made = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            made.add(aPayment(invoice, Money.of(10_000 + i, "GBP"), aBankReference()));
        }
        Payment elsewhere = aPayment(other, Money.of(1, "GBP"), aBankReference());
        for (Payment p : List.of(made.get(2), elsewhere, made.get(0), made.get(3), made.get(1))) {
            payments.insert(p);
        }

        assertEquals(made, payments.byInvoice(invoice.id()));
        assertEquals(List.of(elsewhere), payments.byInvoice(other.id()));
    }

    // ---- received between --------------------------------------------------------------------------

    @Test
    void received_between_takes_the_first_day_and_not_the_last() {
        LocalDate from = aFreshPeriod();
        LocalDate to = from.plusDays(7);
        Invoice invoice = anIssuedInvoiceStored(Money.of(250_000, "GBP"));
        Payment dayBefore = receivedOn(invoice, from.minusDays(1));
        Payment firstDay = receivedOn(invoice, from);
        Payment midweek = receivedOn(invoice, from.plusDays(3));
        Payment lastDayIn = receivedOn(invoice, to.minusDays(1));
        Payment endDay = receivedOn(invoice, to);
        for (Payment p : List.of(endDay, midweek, dayBefore, lastDayIn, firstDay)) {
            payments.insert(p);
        }

        assertEquals(List.of(firstDay, midweek, lastDayIn), payments.receivedBetween(from, to, Optional.empty(), 10));
        assertEquals(List.of(firstDay), payments.receivedBetween(from, from.plusDays(1), Optional.empty(), 10));
        assertEquals(List.of(), payments.receivedBetween(from, from, Optional.empty(), 10));
    }

    @Test
    void received_between_pages_with_after_id_and_limit() {
        LocalDate from = aFreshPeriod();
        Invoice invoice = anIssuedInvoiceStored(Money.of(250_000, "GBP"));
        List<Payment> made = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Payment p = receivedOn(invoice, from.plusDays(6 - i));
            payments.insert(p);
            made.add(p);
        }
        LocalDate to = from.plusDays(PERIOD_DAYS);

        assertEquals(made.subList(1, 4), payments.receivedBetween(from, to, Optional.of(made.get(0).id()), 3));
        assertEquals(List.of(), payments.receivedBetween(from, to, Optional.of(made.get(6).id()), 3));
        for (int limit : new int[] {1, 2, 3, 7, 8}) {
            assertEquals(made, pageThrough((cursor, n) -> payments.receivedBetween(from, to, cursor, n), Payment::id,
                    limit, true), "limit " + limit);
        }
    }

    /**
     * Paging through any set of payments with any page size lists every payment received in the period
     * exactly once, in ascending id order; payments received the day before or on the end day never
     * appear.
     *
     * @param days     per payment, its day: 0 is the day before the period, 1 to 7 in it, 8 its end day
     * @param pageSize the limit
     * @param random   the insertion order
     */
    @Property(tries = 200)
    void keyset_pagination_returns_every_item_exactly_once_for_any_page_size_and_any_data_set(
            @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 8) Integer> days,
            @ForAll @IntRange(min = 1, max = 25) int pageSize, @ForAll Random random) {
        LocalDate dayBefore = aFreshPeriod();
        LocalDate from = dayBefore.plusDays(1);
        LocalDate to = dayBefore.plusDays(8);
        Invoice invoice = anIssuedInvoiceStored(Money.of(250_000, "GBP"));
        List<Payment> all = new ArrayList<>();
        for (int day : days) {
            all.add(receivedOn(invoice, dayBefore.plusDays(day)));
        }
        List<String> expected = all.stream().filter(p -> !p.receivedOn().isBefore(from) && p.receivedOn().isBefore(to))
                .map(Payment::id).sorted().toList();
        Collections.shuffle(all, random);
        all.forEach(payments::insert);

        List<String> listed = pageThrough((cursor, limit) -> payments.receivedBetween(from, to, cursor, limit),
                Payment::id, pageSize, true).stream().map(Payment::id).toList();

        assertEquals(expected, listed);
        assertEquals(listed.size(), Set.copyOf(listed).size(), "a payment was listed twice");
    }

    // ---- units of work -----------------------------------------------------------------------------

    @Test
    void a_rolled_back_payment_leaves_no_trace_and_frees_its_reference() {
        Invoice invoice = anIssuedInvoiceStored(Money.of(250_000, "GBP"));
        LocalDate day = aFreshPeriod();
        Payment payment = receivedOn(invoice, day);

        runAndRollBack(persistence.transactions(), () -> payments.insert(payment));

        assertEquals(Optional.empty(), payments.findById(payment.id()));
        assertEquals(List.of(), payments.byInvoice(invoice.id()));
        assertEquals(List.of(), payments.receivedBetween(day, day.plusDays(1), Optional.empty(), 10));
        Payment again = aPayment(invoice, payment.amount(), payment.externalReference());
        payments.insert(again);
        assertEquals(List.of(again), payments.byInvoice(invoice.id()));
    }

    @Test
    void a_payment_its_invoice_commissions_key_step_and_audit_events_commit_together() {
        Invoice invoice = anIssuedInvoiceStored(Money.of(250_000, "GBP"));
        Recording recording = recordingInFull(invoice);

        persistence.transactions().inTransaction(() -> {
            record(recording);
            return null;
        });

        assertEquals(List.of(recording.payment()), payments.byInvoice(invoice.id()));
        assertEquals(Optional.of(recording.paidInvoice()), persistence.invoices().findById(invoice.id()));
        assertEquals(recording.lines().size(), persistence.commissions().byPayment(recording.payment().id()).size());
        assertEquals(Optional.of(recording.key()), persistence.idempotencyKeys().find(SCOPE, recording.key().key()));
        assertEquals(Optional.of(recording.step()), persistence.workQueue().findByDedupKey(recording.step().dedupKey()));
        assertEquals(2, persistence.auditLog().byEntity(invoiceRef(invoice), Optional.empty(), 10).size());
    }

    @Test
    void a_payment_its_invoice_commissions_key_step_and_audit_events_roll_back_together() {
        Invoice invoice = anIssuedInvoiceStored(Money.of(250_000, "GBP"));
        Recording recording = recordingInFull(invoice);

        runAndRollBack(persistence.transactions(), () -> record(recording));

        assertEquals(List.of(), payments.byInvoice(invoice.id()));
        assertEquals(Optional.of(invoice), persistence.invoices().findById(invoice.id()));
        assertEquals(List.of(), persistence.commissions().byPayment(recording.payment().id()));
        assertEquals(List.of(), persistence.commissions().byInvoice(invoice.id()));
        assertEquals(Optional.empty(), persistence.idempotencyKeys().find(SCOPE, recording.key().key()));
        assertEquals(Optional.empty(), persistence.workQueue().findByDedupKey(recording.step().dedupKey()));
        assertEquals(List.of(), persistence.auditLog().byEntity(invoiceRef(invoice), Optional.empty(), 10));
    }

    // ---- helpers -----------------------------------------------------------------------------------

    /** Everything one payment writes. */
    private record Recording(Payment payment, Invoice paidInvoice, List<CommissionLine> lines,
                             IdempotencyRecord key, WorkStep step) {
    }

    private static Recording recordingInFull(Invoice invoice) {
        String reference = aBankReference();
        Payment payment = aPayment(invoice, invoice.total(), reference);
        Invoice paid = new Invoice(invoice.id(), invoice.dealId(), invoice.brandId(), invoice.talentId(), invoice.number(), invoice.lines(), invoice.total(), invoice.total(),
                invoice.dueDate(), InvoiceStatus.PAID, CommissionState.ALLOCATED, invoice.version() + 1,
                invoice.createdAt(), NOW.plus(1, ChronoUnit.HOURS));
        return new Recording(payment, paid, theAgencySplitOf(invoice, payment, anId()),
                anIdempotencyRecord(SCOPE, reference), aStep("SEND_RECEIPT", "SEND_RECEIPT:" + payment.id()));
    }

    private void record(Recording recording) {
        Invoice locked = persistence.invoices().findByIdForUpdate(recording.paidInvoice().id()).orElseThrow();
        assertEquals(recording.paidInvoice().version() - 1, locked.version());
        payments.insert(recording.payment());
        persistence.invoices().update(recording.paidInvoice());
        persistence.commissions().insertAll(recording.lines());
        persistence.idempotencyKeys().insert(recording.key());
        persistence.workQueue().enqueue(recording.step());
        EntityRef ref = invoiceRef(recording.paidInvoice());
        persistence.auditLog().append(anAuditEvent(AuditAction.PAYMENT_RECORDED, ref));
        persistence.auditLog().append(anAuditEvent(AuditAction.INVOICE_MARKED_PAID, ref));
    }

    private static EntityRef invoiceRef(Invoice invoice) {
        return EntityRef.of(EntityType.INVOICE, invoice.id());
    }

    private Invoice anIssuedInvoiceStored(Money total) {
        Invoice invoice = anIssuedInvoice(total);
        persistence.invoices().insert(invoice);
        return invoice;
    }

    /** The first day of {@value #PERIOD_DAYS} days no other test of this class uses. */
    private static LocalDate aFreshPeriod() {
        return FIRST_PERIOD.plusDays((long) PERIOD_DAYS * PERIODS.getAndIncrement());
    }

    private static Payment receivedOn(Invoice invoice, LocalDate day) {
        Payment p = aPayment(invoice, Money.of(1_000, invoice.total().currency().getCurrencyCode()), aBankReference());
        return new Payment(p.id(), p.invoiceId(), p.amount(), day, p.externalReference(), p.source(), p.recordedBy(),
                p.recordedAt());
    }

    private static Payment from(Payment p, PaymentSource source) {
        return new Payment(p.id(), p.invoiceId(), p.amount(), p.receivedOn(), p.externalReference(), source,
                p.recordedBy(), p.recordedAt());
    }
}
