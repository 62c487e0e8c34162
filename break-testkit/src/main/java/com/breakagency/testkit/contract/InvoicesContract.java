package com.breakagency.testkit.contract;

import static com.breakagency.testkit.Fixtures.NOW;
import static com.breakagency.testkit.Fixtures.TODAY;
import static com.breakagency.testkit.Fixtures.aDeal;
import static com.breakagency.testkit.Fixtures.anAuditEvent;
import static com.breakagency.testkit.Fixtures.anId;
import static com.breakagency.testkit.Fixtures.anInvoice;
import static com.breakagency.testkit.Fixtures.anInvoiceFor;
import static com.breakagency.testkit.Fixtures.anInvoiceForDeal;
import static com.breakagency.testkit.Fixtures.anInvoiceNumber;
import static com.breakagency.testkit.Fixtures.anIssuedInvoice;
import static com.breakagency.testkit.contract.ContractSupport.RACE_ROUNDS;
import static com.breakagency.testkit.contract.ContractSupport.assertAlreadyExists;
import static com.breakagency.testkit.contract.ContractSupport.assertNotFound;
import static com.breakagency.testkit.contract.ContractSupport.assertOneInsertWins;
import static com.breakagency.testkit.contract.ContractSupport.assertOneWins;
import static com.breakagency.testkit.contract.ContractSupport.assertVersionMismatch;
import static com.breakagency.testkit.contract.ContractSupport.pageThrough;
import static com.breakagency.testkit.contract.ContractSupport.race;
import static com.breakagency.testkit.contract.ContractSupport.runAndRollBack;
import static com.breakagency.testkit.contract.ContractSupport.runConcurrently;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.finance.CommissionState;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.InvoiceLine;
import com.breakagency.ports.model.finance.InvoiceStatus;
import com.breakagency.ports.spi.Invoices;
import com.breakagency.ports.spi.Persistence;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every promise of the {@link Invoices} port. An adapter's test extends this class and returns a fresh
 * bundle from {@link #persistence()}.
 *
 * <p>What an adapter must do beyond keeping each field exactly:
 * <ul>
 *   <li>enforce one invoice per deal and unique numbers with constraints, so they hold when two units of
 *       work insert at once; drafts have no number, and any number of them coexist;</li>
 *   <li>make {@link Invoices#findByIdForUpdate(String)} a lock held to the end of the unit of work: two
 *       units that each read an invoice for update and write the next version from what they read must
 *       both succeed, one after the other;</li>
 *   <li>hand out {@link Invoices#nextNumber()} from a counter that takes part in the unit of work: a new
 *       store starts at 1, concurrent units get distinct numbers, and a rolled-back unit gives its number
 *       back, so the committed numbers never have a gap;</li>
 *   <li>keep instants to at least the microsecond and due dates as the same calendar day whatever the
 *       JVM's time zone, order ids as {@link String#compareTo(String)} does, and fill every page: a page
 *       holds the first {@code limit} matching invoices after the cursor.</li>
 * </ul>
 *
 * <p>Every test makes its own records with fresh ids, numbers and deals, and scopes its listings to a
 * fresh brand, talent, agent or deal, so records other tests left behind do not disturb it. The two
 * exceptions are the tests named for a new store, which rely on the factory's promise of an empty bundle:
 * its first number is 1. An invoice has no owner of its own: the owner-agent filter reads the current
 * owner of the invoice's deal from the bundle's deals store, so the tests of that filter store the deal
 * (and hand it to another agent); every other test stores no deal, brand or talent, so an adapter must
 * not require them.
 *
 * <p>The properties run on the jqwik engine, so the test class path needs {@code net.jqwik:jqwik}
 * (without it they are silently skipped). jqwik calls {@link #persistence()} before each property, but
 * runs no JUnit {@code @BeforeAll} or {@code @BeforeEach} method of the subclass: set up what the
 * factory needs in the factory itself or in static state.
 */
public abstract class InvoicesContract extends PropertyContract {

    private static final Instant LATER = NOW.plus(2, ChronoUnit.DAYS).plus(3, ChronoUnit.MICROS);
    private static final int NUMBERING_THREADS = 8;

    private Persistence persistence;
    private Invoices invoices;

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
        invoices = persistence.invoices();
    }

    // ---- round trips -------------------------------------------------------------------------------

    @Test
    void a_drafted_invoice_reads_back_equal_by_id_and_by_deal() {
        Invoice draft = anInvoice();
        invoices.insert(draft);

        assertEquals(Optional.of(draft), invoices.findById(draft.id()));
        assertEquals(Optional.of(draft), invoices.findByDeal(draft.dealId()));
    }

    @Test
    void an_invoice_reads_back_equal_in_every_status_and_commission_state() {
        for (InvoiceStatus status : InvoiceStatus.values()) {
            for (CommissionState commissions : CommissionState.values()) {
                Invoice invoice = in(anIssuedInvoice(Money.of(250_000, "GBP")), status, commissions);
                invoices.insert(invoice);

                assertEquals(Optional.of(invoice), invoices.findById(invoice.id()), status + ", " + commissions);
            }
        }
    }

    @Test
    void amounts_in_gbp_usd_and_jpy_and_the_order_of_lines_read_back_exact() {
        for (String currency : List.of("GBP", "USD", "JPY")) {
            Invoice i = anIssuedInvoice(Money.of(1, currency));
            List<InvoiceLine> lines = List.of(
                    new InvoiceLine("Usage rights \u2014 12 months, \u00e9t\u00e9 2026", Money.of(999_999_999_999L, currency)),
                    new InvoiceLine("Agency fee", Money.of(0, currency)),
                    new InvoiceLine("Campaign: 3 posts + 1 story", Money.of(1, currency)));
            Invoice invoice = new Invoice(i.id(), i.dealId(), i.brandId(), i.talentId(), i.number(),
                    lines, Money.of(1_000_000_000_000L, currency), Money.of(123_457, currency), i.dueDate(),
                    InvoiceStatus.PARTIALLY_PAID, CommissionState.ALLOCATED, 7, NOW, LATER);
            invoices.insert(invoice);

            assertEquals(Optional.of(invoice), invoices.findById(invoice.id()), currency);
        }
    }

    @Test
    void instants_keep_their_microseconds_and_due_dates_their_day() {
        Instant created = Instant.parse("2026-03-28T23:59:59.999999Z");
        for (LocalDate due : List.of(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 10, 25),
                LocalDate.of(2028, 2, 29), LocalDate.of(2026, 12, 31))) {
            Invoice i = anIssuedInvoice(Money.of(250_000, "GBP"));
            Invoice invoice = new Invoice(i.id(), i.dealId(), i.brandId(), i.talentId(), i.number(),
                    i.lines(), i.total(), i.paid(), Optional.of(due), i.status(), i.commissions(), i.version(),
                    created, created.plus(1, ChronoUnit.MICROS));
            invoices.insert(invoice);

            Invoice read = invoices.findById(invoice.id()).orElseThrow();
            assertEquals(Optional.of(due), read.dueDate());
            assertEquals(created, read.createdAt());
            assertEquals(created.plus(1, ChronoUnit.MICROS), read.updatedAt());
        }
    }

    @Test
    void an_unknown_id_or_deal_finds_nothing() {
        invoices.insert(anInvoice());

        assertEquals(Optional.empty(), invoices.findById(anId()));
        assertEquals(Optional.empty(), invoices.findByDeal(anId()));
    }

    // ---- uniqueness --------------------------------------------------------------------------------

    @Test
    void a_second_invoice_for_the_same_deal_is_refused_naming_deal_id_and_the_first_stays() {
        Invoice first = anInvoice();
        invoices.insert(first);
        Invoice second = anInvoiceForDeal(first.dealId());

        assertAlreadyExists("dealId", () -> invoices.insert(second));

        assertEquals(Optional.empty(), invoices.findById(second.id()));
        assertEquals(Optional.of(first), invoices.findByDeal(first.dealId()));
    }

    @Test
    void an_invoice_with_a_taken_number_is_refused_naming_number() {
        Invoice first = anIssuedInvoice(Money.of(250_000, "GBP"));
        invoices.insert(first);
        Invoice second = numbered(anIssuedInvoice(Money.of(100, "USD")), first.number().orElseThrow());

        assertAlreadyExists("number", () -> invoices.insert(second));

        assertEquals(Optional.empty(), invoices.findById(second.id()));
        assertEquals(Optional.empty(), invoices.findByDeal(second.dealId()));
        assertEquals(Optional.of(first), invoices.findById(first.id()));
    }

    @Test
    void a_taken_id_is_refused_naming_id_and_the_stored_invoice_stays() {
        Invoice first = anInvoice();
        invoices.insert(first);
        Invoice other = anInvoice();
        Invoice sameId = new Invoice(first.id(), other.dealId(), other.brandId(), other.talentId(), other.number(), other.lines(), other.total(), other.paid(), other.dueDate(),
                other.status(), other.commissions(), 1, NOW, NOW);

        assertAlreadyExists("id", () -> invoices.insert(sameId));

        assertEquals(Optional.of(first), invoices.findById(first.id()));
        assertEquals(Optional.empty(), invoices.findByDeal(other.dealId()));
    }

    @Test
    void a_refused_insert_claims_neither_its_deal_nor_its_number() {
        Invoice numbered = anIssuedInvoice(Money.of(250_000, "GBP"));
        invoices.insert(numbered);
        Invoice takenNumber = numbered(anIssuedInvoice(Money.of(250_000, "GBP")), numbered.number().orElseThrow());
        assertAlreadyExists("number", () -> invoices.insert(takenNumber));
        Invoice drafted = anInvoice();
        invoices.insert(drafted);
        Invoice takenDeal = numbered(anInvoiceForDeal(drafted.dealId()), anInvoiceNumber());
        assertAlreadyExists("dealId", () -> invoices.insert(takenDeal));

        Invoice freeDeal = anInvoiceForDeal(takenNumber.dealId());
        invoices.insert(freeDeal);
        Invoice freeNumber = numbered(anIssuedInvoice(Money.of(250_000, "GBP")), takenDeal.number().orElseThrow());
        invoices.insert(freeNumber);
        assertEquals(Optional.of(freeDeal), invoices.findByDeal(takenNumber.dealId()));
        assertEquals(Optional.of(freeNumber), invoices.findById(freeNumber.id()));
    }

    @Test
    void any_number_of_drafts_without_a_number_are_stored() {
        String brand = anId();
        List<Invoice> drafts = List.of(anInvoice(brand, anId()), anInvoice(brand, anId()),
                anInvoice(brand, anId()));
        drafts.forEach(invoices::insert);

        assertEquals(drafts, invoices.list(ofBrand(brand), Optional.empty(), 10));
    }

    // ---- optimistic versions -----------------------------------------------------------------------

    @Test
    void issuing_a_draft_with_the_next_version_replaces_it() {
        Invoice draft = anInvoice();
        invoices.insert(draft);

        Invoice issued = issue(draft, anInvoiceNumber());
        invoices.update(issued);
        assertEquals(Optional.of(issued), invoices.findById(draft.id()));

        Invoice partlyPaid = pay(issued, Money.of(100_000, "GBP"));
        invoices.update(partlyPaid);
        assertEquals(Optional.of(partlyPaid), invoices.findById(draft.id()));
        assertEquals(Optional.of(partlyPaid), invoices.findByDeal(draft.dealId()));
    }

    @Test
    void an_update_from_a_stale_version_is_refused_with_version_mismatch_and_changes_nothing() {
        Invoice issued = anIssuedInvoice(Money.of(250_000, "GBP"));
        invoices.insert(issued);
        Invoice winner = pay(issued, Money.of(100_000, "GBP"));
        invoices.update(winner);

        assertVersionMismatch(() -> invoices.update(in(next(issued), InvoiceStatus.VOID, CommissionState.NONE)));

        assertEquals(Optional.of(winner), invoices.findById(issued.id()));
    }

    @Test
    void an_update_that_skips_a_version_or_repeats_one_is_refused() {
        Invoice issued = anIssuedInvoice(Money.of(250_000, "GBP"));
        invoices.insert(issued);

        assertVersionMismatch(() -> invoices.update(withVersion(pay(issued, Money.of(1, "GBP")), 3)));
        assertVersionMismatch(() -> invoices.update(withVersion(pay(issued, Money.of(1, "GBP")), 1)));

        assertEquals(Optional.of(issued), invoices.findById(issued.id()));
    }

    @Test
    void updating_an_invoice_that_does_not_exist_is_not_found() {
        Invoice ghost = next(anIssuedInvoice(Money.of(250_000, "GBP")));

        assertNotFound(() -> invoices.update(ghost));

        assertEquals(Optional.empty(), invoices.findById(ghost.id()));
        assertEquals(Optional.empty(), invoices.findByDeal(ghost.dealId()));
    }

    @Test
    void issuing_with_a_number_another_invoice_has_is_refused_naming_number_and_changes_nothing() {
        Invoice other = anIssuedInvoice(Money.of(250_000, "GBP"));
        Invoice draft = anInvoice();
        invoices.insert(other);
        invoices.insert(draft);

        assertAlreadyExists("number", () -> invoices.update(issue(draft, other.number().orElseThrow())));

        assertEquals(Optional.of(draft), invoices.findById(draft.id()));
        assertEquals(Optional.of(other), invoices.findById(other.id()));
        invoices.update(issue(draft, anInvoiceNumber()));
        assertEquals(2, invoices.findById(draft.id()).orElseThrow().version());
    }

    @Test
    void a_number_an_update_gives_up_is_free_for_another_invoice() {
        Invoice issued = anIssuedInvoice(Money.of(250_000, "GBP"));
        invoices.insert(issued);
        long givenUp = issued.number().orElseThrow();
        invoices.update(numbered(next(issued), anInvoiceNumber()));

        Invoice draft = anInvoice();
        invoices.insert(draft);
        Invoice takesIt = issue(draft, givenUp);
        invoices.update(takesIt);

        assertEquals(Optional.of(takesIt), invoices.findById(draft.id()));
    }

    // ---- locking -----------------------------------------------------------------------------------

    @Test
    void find_by_id_for_update_reads_the_invoice_inside_a_unit_of_work() {
        Invoice issued = anIssuedInvoice(Money.of(250_000, "GBP"));
        invoices.insert(issued);
        Invoice drafted = anInvoice();

        persistence.transactions().inTransaction(() -> {
            assertEquals(Optional.of(issued), invoices.findByIdForUpdate(issued.id()));
            assertEquals(Optional.empty(), invoices.findByIdForUpdate(anId()));
            invoices.insert(drafted);
            assertEquals(Optional.of(drafted), invoices.findByIdForUpdate(drafted.id()));
            return null;
        });
    }

    @Test
    void two_payments_to_one_invoice_recorded_at_once_are_both_counted() {
        for (int round = 0; round < RACE_ROUNDS; round++) {
            Invoice issued = anIssuedInvoice(Money.of(250_000, "GBP"));
            invoices.insert(issued);

            List<Optional<BreakException>> outcomes = race(
                    () -> recordPayment(issued.id(), Money.of(100_000, "GBP")),
                    () -> recordPayment(issued.id(), Money.of(50_000, "GBP")));

            assertEquals(List.of(Optional.empty(), Optional.empty()), outcomes,
                    "a unit of work that reads for update must never see a version another one is changing");
            Invoice read = invoices.findById(issued.id()).orElseThrow();
            assertEquals(3, read.version());
            assertEquals(Money.of(150_000, "GBP"), read.paid());
        }
    }

    // ---- numbers -----------------------------------------------------------------------------------

    @Test
    void a_new_store_numbers_invoices_one_two_three() {
        assertEquals(1L, takeNumber());
        assertEquals(2L, takeNumber());
        assertEquals(3L, takeNumber());
    }

    @Test
    void numbers_taken_in_one_unit_of_work_follow_each_other() {
        long before = takeNumber();

        List<Long> taken = persistence.transactions().inTransaction(
                () -> List.of(invoices.nextNumber(), invoices.nextNumber(), invoices.nextNumber()));

        assertEquals(List.of(before + 1, before + 2, before + 3), taken);
        assertEquals(before + 4, takeNumber());
    }

    @Test
    void a_rolled_back_unit_of_work_gives_its_number_back() {
        long before = takeNumber();
        List<Long> givenBack = new ArrayList<>();

        runAndRollBack(persistence.transactions(), () -> {
            givenBack.add(invoices.nextNumber());
            givenBack.add(invoices.nextNumber());
        });

        assertEquals(List.of(before + 1, before + 2), givenBack);
        assertEquals(before + 1, takeNumber());
    }

    @Test
    void a_hundred_concurrent_units_of_work_on_a_new_store_take_the_numbers_one_to_a_hundred() {
        List<Callable<Long>> units = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            units.add(this::takeNumber);
        }

        List<Long> taken = runConcurrently(NUMBERING_THREADS, units);

        assertEquals(100, taken.size());
        assertEquals(numbersAfter(0, 100), new TreeSet<>(taken));
        assertEquals(101L, takeNumber());
    }

    @Test
    void units_of_work_rolling_back_among_concurrent_ones_leave_no_gap() {
        long before = takeNumber();
        List<Callable<Optional<Long>>> units = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            if (i % 3 == 1) {
                units.add(() -> {
                    runAndRollBack(persistence.transactions(), invoices::nextNumber);
                    return Optional.empty();
                });
            } else {
                units.add(() -> Optional.of(takeNumber()));
            }
        }

        List<Long> committed = runConcurrently(NUMBERING_THREADS, units).stream().flatMap(Optional::stream).toList();

        assertEquals(60, committed.size());
        assertEquals(numbersAfter(before, 60), new TreeSet<>(committed));
        assertEquals(before + 61, takeNumber());
    }

    // ---- listings ----------------------------------------------------------------------------------

    @Test
    void a_listing_is_in_ascending_id_order_whatever_the_insertion_order() {
        String brand = anId();
        List<Invoice> made = List.of(anInvoice(brand, anId()), anInvoice(brand, anId()),
                anInvoice(brand, anId()), anInvoice(brand, anId()));
        for (int i : new int[] {2, 0, 3, 1}) {
            invoices.insert(made.get(i));
        }

        assertEquals(made, invoices.list(ofBrand(brand), Optional.empty(), 10));
    }

    @Test
    void each_filter_part_lists_only_the_invoices_it_names() {
        String brand = anId();
        String talent = anId();
        String agent = anId();
        Invoice ofBrand = anInvoice(brand, anId());
        Invoice ofTalent = anInvoice(anId(), talent);
        Invoice ofAgent = anInvoiceFor(aStoredDeal(anId(), anId(), agent));
        Invoice unrelated = anInvoice();
        for (Invoice i : List.of(ofBrand, ofTalent, ofAgent, unrelated)) {
            invoices.insert(i);
        }

        assertEquals(List.of(ofBrand), invoices.list(ofBrand(brand), Optional.empty(), 10));
        assertEquals(List.of(ofTalent), invoices.list(query(Set.of(), Optional.empty(), Optional.empty(),
                Optional.of(talent), Optional.empty(), Optional.empty()), Optional.empty(), 10));
        assertEquals(List.of(ofAgent), invoices.list(query(Set.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(agent), Optional.empty()), Optional.empty(), 10));
        assertEquals(List.of(unrelated), invoices.list(query(Set.of(), Optional.of(unrelated.dealId()),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), Optional.empty(), 10));
        assertEquals(List.of(), invoices.list(query(Set.of(), Optional.of(anId()), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()), Optional.empty(), 10));
    }

    @Test
    void the_status_filter_lists_invoices_in_any_of_the_given_statuses_and_an_empty_set_means_any() {
        String brand = anId();
        List<Invoice> oneEach = new ArrayList<>();
        for (InvoiceStatus status : InvoiceStatus.values()) {
            Invoice invoice = in(anInvoice(brand, anId()), status, CommissionState.NONE);
            invoices.insert(invoice);
            oneEach.add(invoice);
        }

        for (InvoiceStatus status : InvoiceStatus.values()) {
            assertEquals(List.of(oneEach.get(status.ordinal())), invoices.list(ofBrand(brand, Set.of(status)),
                    Optional.empty(), 10), status.name());
        }
        assertEquals(List.of(oneEach.get(InvoiceStatus.DRAFT.ordinal()), oneEach.get(InvoiceStatus.VOID.ordinal())),
                invoices.list(ofBrand(brand, Set.of(InvoiceStatus.VOID, InvoiceStatus.DRAFT)), Optional.empty(), 10));
        assertEquals(oneEach, invoices.list(ofBrand(brand, Set.of()), Optional.empty(), 10));
        assertEquals(oneEach, invoices.list(ofBrand(brand, EnumSet.allOf(InvoiceStatus.class)), Optional.empty(), 10));
    }

    @Test
    void due_before_lists_invoices_due_strictly_before_the_day_and_never_those_without_a_due_date() {
        String brand = anId();
        LocalDate day = LocalDate.of(2026, 3, 29);
        Invoice longBefore = due(anInvoice(brand, anId()), day.minusYears(1));
        Invoice dayBefore = due(anInvoice(brand, anId()), day.minusDays(1));
        Invoice onTheDay = due(anInvoice(brand, anId()), day);
        Invoice dayAfter = due(anInvoice(brand, anId()), day.plusDays(1));
        Invoice noDueDate = anInvoice(brand, anId());
        for (Invoice i : List.of(longBefore, dayBefore, onTheDay, dayAfter, noDueDate)) {
            invoices.insert(i);
        }

        assertEquals(List.of(longBefore, dayBefore), invoices.list(query(Set.of(), Optional.empty(),
                Optional.of(brand), Optional.empty(), Optional.empty(), Optional.of(day)), Optional.empty(), 10));
    }

    @Test
    void overdue_invoices_are_the_issued_or_partly_paid_ones_due_before_today() {
        String brand = anId();
        LocalDate yesterday = TODAY.minusDays(1);
        Invoice issuedOverdue = due(in(anInvoice(brand, anId()), InvoiceStatus.ISSUED, CommissionState.NONE),
                yesterday);
        Invoice partlyPaidOverdue = due(in(anInvoice(brand, anId()), InvoiceStatus.PARTIALLY_PAID,
                CommissionState.ALLOCATED), yesterday);
        Invoice paid = due(in(anInvoice(brand, anId()), InvoiceStatus.PAID, CommissionState.ALLOCATED),
                yesterday);
        Invoice voided = due(in(anInvoice(brand, anId()), InvoiceStatus.VOID, CommissionState.NONE),
                yesterday);
        Invoice dueToday = due(in(anInvoice(brand, anId()), InvoiceStatus.ISSUED, CommissionState.NONE),
                TODAY);
        for (Invoice i : List.of(issuedOverdue, partlyPaidOverdue, paid, voided, dueToday)) {
            invoices.insert(i);
        }

        List<Invoice> overdue = invoices.list(query(Set.of(InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID),
                Optional.empty(), Optional.of(brand), Optional.empty(), Optional.empty(), Optional.of(TODAY)),
                Optional.empty(), 10);

        assertEquals(List.of(issuedOverdue, partlyPaidOverdue), overdue);
        assertTrue(overdue.stream().allMatch(i -> i.overdueOn(TODAY)));
    }

    @Test
    void the_owner_agent_filter_follows_the_deals_current_owner_not_the_one_when_drafted() {
        String first = anId();
        String second = anId();
        Deal deal = aStoredDeal(anId(), anId(), first);
        Invoice invoice = anInvoiceFor(deal);
        invoices.insert(invoice);
        assertEquals(List.of(invoice), ofAgent(first));
        assertEquals(List.of(), ofAgent(second));

        Deal handed = handOver(deal, second);

        assertEquals(List.of(), ofAgent(first), "the old owner no longer lists the invoice");
        assertEquals(List.of(invoice), ofAgent(second), "the new owner lists it");
        handOver(handed, first);
        assertEquals(List.of(invoice), ofAgent(first), "and back");
        assertEquals(List.of(), ofAgent(second));
    }

    @Test
    void the_owner_agent_filter_sees_a_reassignment_inside_the_unit_of_work_and_not_one_rolled_back() {
        String first = anId();
        String second = anId();
        Deal deal = aStoredDeal(anId(), anId(), first);
        Invoice invoice = anInvoiceFor(deal);
        invoices.insert(invoice);

        runAndRollBack(persistence.transactions(), () -> {
            handOver(deal, second);
            assertEquals(List.of(invoice), ofAgent(second));
            assertEquals(List.of(), ofAgent(first));
        });

        assertEquals(List.of(invoice), ofAgent(first));
        assertEquals(List.of(), ofAgent(second));
    }

    @Test
    void an_invoice_whose_deal_is_not_stored_matches_no_owner_agent_but_every_other_filter() {
        Deal unstored = aDeal(anId(), anId(), anId());
        Invoice invoice = anInvoiceFor(unstored);
        invoices.insert(invoice);

        assertEquals(List.of(), ofAgent(unstored.ownerAgentId()));
        assertEquals(List.of(invoice), invoices.list(ofBrand(unstored.brandId()), Optional.empty(), 10));
    }

    @Test
    void every_present_filter_part_must_match() {
        String brand = anId();
        String talent = anId();
        String agent = anId();
        LocalDate day = TODAY.plusDays(60);
        Invoice match = anIssuedFor(brand, talent, agent);
        List<Invoice> nearMisses = List.of(anIssuedFor(anId(), talent, agent), anIssuedFor(brand, anId(), agent),
                anIssuedFor(brand, talent, anId()), due(anIssuedFor(brand, talent, agent), day),
                in(anIssuedFor(brand, talent, agent), InvoiceStatus.VOID, CommissionState.NONE));
        invoices.insert(match);
        nearMisses.forEach(invoices::insert);

        assertEquals(List.of(match), invoices.list(query(Set.of(InvoiceStatus.ISSUED), Optional.empty(),
                Optional.of(brand), Optional.of(talent), Optional.of(agent), Optional.of(day)), Optional.empty(), 10));
        assertEquals(List.of(match), invoices.list(query(Set.of(InvoiceStatus.ISSUED), Optional.of(match.dealId()),
                Optional.of(brand), Optional.of(talent), Optional.of(agent), Optional.of(day)), Optional.empty(), 10));
        assertEquals(List.of(), invoices.list(query(Set.of(InvoiceStatus.ISSUED), Optional.of(match.dealId()),
                Optional.of(anId()), Optional.of(talent), Optional.of(agent), Optional.of(day)), Optional.empty(), 10));
    }

    @Test
    void after_id_and_limit_page_through_every_invoice_once() {
        String brand = anId();
        List<Invoice> made = insertForBrand(brand, 7);

        assertEquals(made.subList(1, 4), invoices.list(ofBrand(brand), Optional.of(made.get(0).id()), 3));
        assertEquals(made.subList(6, 7), invoices.list(ofBrand(brand), Optional.of(made.get(5).id()), 3));
        assertEquals(List.of(), invoices.list(ofBrand(brand), Optional.of(made.get(6).id()), 3));
        for (int limit : new int[] {1, 2, 3, 7, 8}) {
            assertEquals(made, pageThrough((cursor, n) -> invoices.list(ofBrand(brand), cursor, n), Invoice::id,
                    limit, true), "limit " + limit);
        }
    }

    @Test
    void a_cursor_need_not_name_a_stored_or_matching_invoice() {
        String brand = anId();
        Invoice first = anInvoice(brand, anId());
        String gone = anId();
        Invoice second = anInvoice(brand, anId());
        Invoice elsewhere = anInvoice();
        Invoice third = anInvoice(brand, anId());
        for (Invoice i : List.of(first, second, elsewhere, third)) {
            invoices.insert(i);
        }

        assertEquals(List.of(second, third), invoices.list(ofBrand(brand), Optional.of(gone), 10));
        assertEquals(List.of(third), invoices.list(ofBrand(brand), Optional.of(elsewhere.id()), 10));
    }

    /**
     * Paging through any set of invoices with any page size lists every invoice to the brand exactly once,
     * in ascending id order; invoices to other brands never appear.
     *
     * @param ours     per invoice, whether it is to our brand (the rest are to another brand)
     * @param pageSize the limit
     * @param random   the insertion order
     */
    @Property(tries = 200)
    void keyset_pagination_returns_every_item_exactly_once_for_any_page_size_and_any_data_set(
            @ForAll @Size(max = 60) List<Boolean> ours, @ForAll @IntRange(min = 1, max = 25) int pageSize,
            @ForAll Random random) {
        String brand = anId();
        String otherBrand = anId();
        List<Invoice> all = new ArrayList<>();
        for (boolean mine : ours) {
            all.add(anInvoice(mine ? brand : otherBrand, anId()));
        }
        List<String> expected = all.stream().filter(i -> i.brandId().equals(brand)).map(Invoice::id).sorted()
                .toList();
        Collections.shuffle(all, random);
        all.forEach(invoices::insert);

        List<String> listed = pageThrough((cursor, limit) -> invoices.list(ofBrand(brand), cursor, limit),
                Invoice::id, pageSize, true).stream().map(Invoice::id).toList();

        assertEquals(expected, listed);
        assertEquals(listed.size(), Set.copyOf(listed).size(), "an invoice was listed twice");
    }

    // ---- units of work -----------------------------------------------------------------------------

    @Test
    void a_unit_of_work_sees_its_own_uncommitted_invoice() {
        Invoice draft = anInvoice();

        persistence.transactions().inTransaction(() -> {
            invoices.insert(draft);
            assertEquals(Optional.of(draft), invoices.findById(draft.id()));
            assertEquals(Optional.of(draft), invoices.findByDeal(draft.dealId()));
            assertEquals(List.of(draft), invoices.list(ofBrand(draft.brandId()), Optional.empty(), 10));
            return null;
        });

        assertEquals(Optional.of(draft), invoices.findById(draft.id()));
    }

    @Test
    void a_rolled_back_insert_leaves_no_invoice_and_frees_its_deal_and_number() {
        Invoice issued = anIssuedInvoice(Money.of(250_000, "GBP"));

        runAndRollBack(persistence.transactions(), () -> invoices.insert(issued));

        assertEquals(Optional.empty(), invoices.findById(issued.id()));
        assertEquals(Optional.empty(), invoices.findByDeal(issued.dealId()));
        assertEquals(List.of(), invoices.list(ofBrand(issued.brandId()), Optional.empty(), 10));
        Invoice again = numbered(anInvoiceForDeal(issued.dealId()), issued.number().orElseThrow());
        invoices.insert(again);
        assertEquals(Optional.of(again), invoices.findByDeal(issued.dealId()));
    }

    @Test
    void a_rolled_back_issue_and_its_audit_event_leave_the_draft_and_the_number_as_they_were() {
        Invoice draft = anInvoice();
        invoices.insert(draft);
        long number = anInvoiceNumber();
        EntityRef ref = EntityRef.of(EntityType.INVOICE, draft.id());

        runAndRollBack(persistence.transactions(), () -> {
            invoices.update(issue(draft, number));
            persistence.auditLog().append(anAuditEvent(AuditAction.INVOICE_ISSUED, ref));
        });

        assertEquals(Optional.of(draft), invoices.findById(draft.id()));
        assertEquals(List.of(), persistence.auditLog().byEntity(ref, Optional.empty(), 10));
        Invoice other = numbered(anIssuedInvoice(Money.of(250_000, "GBP")), number);
        invoices.insert(other);
        assertEquals(Optional.of(other), invoices.findById(other.id()));
    }

    @Test
    void a_refused_insert_ends_its_unit_of_work_and_takes_the_earlier_writes_with_it() {
        Invoice taken = anInvoice();
        invoices.insert(taken);
        Invoice earlier = anInvoice();

        assertAlreadyExists("dealId", () -> persistence.transactions().inTransaction(() -> {
            invoices.insert(earlier);
            invoices.insert(anInvoiceForDeal(taken.dealId()));
            return null;
        }));

        assertEquals(Optional.empty(), invoices.findById(earlier.id()));
        assertEquals(Optional.empty(), invoices.findByDeal(earlier.dealId()));
    }

    // ---- concurrency -------------------------------------------------------------------------------

    @Test
    void two_threads_drafting_the_invoice_of_one_deal_store_it_once() {
        for (int round = 0; round < RACE_ROUNDS; round++) {
            String deal = anId();
            List<Invoice> attempts = List.of(anInvoiceForDeal(deal), anInvoiceForDeal(deal));

            int winner = assertOneInsertWins(race(() -> invoices.insert(attempts.get(0)),
                    () -> invoices.insert(attempts.get(1))), "dealId");

            assertEquals(Optional.of(attempts.get(winner)), invoices.findByDeal(deal));
            assertEquals(Optional.empty(), invoices.findById(attempts.get(1 - winner).id()));
        }
    }

    @Test
    void two_threads_issuing_two_drafts_with_one_number_store_it_once() {
        for (int round = 0; round < RACE_ROUNDS; round++) {
            long number = anInvoiceNumber();
            List<Invoice> drafts = List.of(anInvoice(), anInvoice());
            drafts.forEach(invoices::insert);

            int winner = assertOneInsertWins(race(() -> invoices.update(issue(drafts.get(0), number)),
                    () -> invoices.update(issue(drafts.get(1), number))), "number");

            assertEquals(Optional.of(issue(drafts.get(winner), number)), invoices.findById(drafts.get(winner).id()));
            assertEquals(Optional.of(drafts.get(1 - winner)), invoices.findById(drafts.get(1 - winner).id()));
        }
    }

    @Test
    void two_threads_updating_the_same_invoice_from_one_version_one_wins() {
        for (int round = 0; round < RACE_ROUNDS; round++) {
            Invoice issued = anIssuedInvoice(Money.of(250_000, "GBP"));
            invoices.insert(issued);
            List<Invoice> attempts = List.of(pay(issued, Money.of(100_000, "GBP")),
                    in(next(issued), InvoiceStatus.VOID, CommissionState.NONE));

            int winner = assertOneWins(race(() -> invoices.update(attempts.get(0)),
                    () -> invoices.update(attempts.get(1))), Reason.VERSION_MISMATCH);

            assertEquals(Optional.of(attempts.get(winner)), invoices.findById(issued.id()));
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------

    /** Takes a number in a unit of work of its own. */
    private long takeNumber() {
        return persistence.transactions().inTransaction(invoices::nextNumber);
    }

    /** What recording a payment does to its invoice: locks it, then writes the next version from what it read. */
    private void recordPayment(String invoiceId, Money amount) {
        persistence.transactions().inTransaction(() -> {
            Invoice read = invoices.findByIdForUpdate(invoiceId).orElseThrow();
            invoices.update(pay(read, amount));
            return null;
        });
    }

    private static Set<Long> numbersAfter(long before, int count) {
        return LongStream.rangeClosed(before + 1, before + count).boxed().collect(Collectors.toCollection(TreeSet::new));
    }

    private List<Invoice> insertForBrand(String brand, int count) {
        List<Invoice> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Invoice invoice = anInvoice(brand, anId());
            invoices.insert(invoice);
            made.add(invoice);
        }
        return made;
    }

    /** An issued invoice due today, for a fresh deal the agent owns, stored. */
    private Invoice anIssuedFor(String brand, String talent, String agent) {
        return in(numbered(due(anInvoiceFor(aStoredDeal(brand, talent, agent)), TODAY), anInvoiceNumber()),
                InvoiceStatus.ISSUED, CommissionState.NONE);
    }

    /** A new deal, stored in the bundle's deals store. */
    private Deal aStoredDeal(String brand, String talent, String agent) {
        Deal deal = aDeal(brand, talent, agent);
        persistence.deals().insert(deal);
        return deal;
    }

    /** The deal's next version, owned by another agent. */
    private Deal handOver(Deal deal, String agent) {
        Deal handed = new Deal(deal.id(), deal.brandId(), deal.talentId(), agent, deal.title(), deal.value(),
                deal.stage(), deal.commissionPlanId(), deal.version() + 1, deal.createdAt(), LATER);
        persistence.deals().update(handed);
        return handed;
    }

    private List<Invoice> ofAgent(String agent) {
        return invoices.list(query(Set.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(agent),
                Optional.empty()), Optional.empty(), 10);
    }

    private static Invoices.Query ofBrand(String brandId) {
        return ofBrand(brandId, Set.of());
    }

    private static Invoices.Query ofBrand(String brandId, Set<InvoiceStatus> statuses) {
        return query(statuses, Optional.empty(), Optional.of(brandId), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    private static Invoices.Query query(Set<InvoiceStatus> statuses, Optional<String> dealId, Optional<String> brandId,
                                        Optional<String> talentId, Optional<String> ownerAgentId,
                                        Optional<LocalDate> dueBefore) {
        return new Invoices.Query(statuses, dealId, brandId, talentId, ownerAgentId, dueBefore);
    }

    /** The next version of an invoice: version + 1, updated later. */
    private static Invoice next(Invoice i) {
        return new Invoice(i.id(), i.dealId(), i.brandId(), i.talentId(), i.number(), i.lines(),
                i.total(), i.paid(), i.dueDate(), i.status(), i.commissions(), i.version() + 1, i.createdAt(), LATER);
    }

    /** The next version, issued with a number and due thirty days after today. */
    private static Invoice issue(Invoice i, long number) {
        return in(numbered(due(next(i), TODAY.plusDays(30)), number), InvoiceStatus.ISSUED, CommissionState.NONE);
    }

    /** The next version with a payment added: partly paid, or paid when the total has arrived. */
    private static Invoice pay(Invoice i, Money amount) {
        Money paid = i.paid().plus(amount);
        InvoiceStatus status = paid.equals(i.total()) ? InvoiceStatus.PAID : InvoiceStatus.PARTIALLY_PAID;
        Invoice n = next(i);
        return new Invoice(n.id(), n.dealId(), n.brandId(), n.talentId(), n.number(), n.lines(),
                n.total(), paid, n.dueDate(), status, CommissionState.ALLOCATED, n.version(), n.createdAt(),
                n.updatedAt());
    }

    private static Invoice in(Invoice i, InvoiceStatus status, CommissionState commissions) {
        return new Invoice(i.id(), i.dealId(), i.brandId(), i.talentId(), i.number(), i.lines(),
                i.total(), i.paid(), i.dueDate(), status, commissions, i.version(), i.createdAt(), i.updatedAt());
    }

    private static Invoice numbered(Invoice i, long number) {
        return new Invoice(i.id(), i.dealId(), i.brandId(), i.talentId(), Optional.of(number),
                i.lines(), i.total(), i.paid(), i.dueDate(), i.status(), i.commissions(), i.version(), i.createdAt(),
                i.updatedAt());
    }

    private static Invoice due(Invoice i, LocalDate dueDate) {
        return new Invoice(i.id(), i.dealId(), i.brandId(), i.talentId(), i.number(), i.lines(),
                i.total(), i.paid(), Optional.of(dueDate), i.status(), i.commissions(), i.version(), i.createdAt(),
                i.updatedAt());
    }

    private static Invoice withVersion(Invoice i, long version) {
        return new Invoice(i.id(), i.dealId(), i.brandId(), i.talentId(), i.number(), i.lines(),
                i.total(), i.paid(), i.dueDate(), i.status(), i.commissions(), version, i.createdAt(), i.updatedAt());
    }
}
