package com.breakagency.testkit.contract;

import static com.breakagency.testkit.Fixtures.NOW;
import static com.breakagency.testkit.Fixtures.aBankReference;
import static com.breakagency.testkit.Fixtures.aCommissionLine;
import static com.breakagency.testkit.Fixtures.aPayment;
import static com.breakagency.testkit.Fixtures.aPaymentInFull;
import static com.breakagency.testkit.Fixtures.anId;
import static com.breakagency.testkit.Fixtures.anInvoice;
import static com.breakagency.testkit.Fixtures.anIssuedInvoice;
import static com.breakagency.testkit.Fixtures.theAgencySplitOf;
import static com.breakagency.testkit.contract.ContractSupport.RACE_ROUNDS;
import static com.breakagency.testkit.contract.ContractSupport.assertAlreadyExists;
import static com.breakagency.testkit.contract.ContractSupport.assertOneInsertWins;
import static com.breakagency.testkit.contract.ContractSupport.pageThrough;
import static com.breakagency.testkit.contract.ContractSupport.race;
import static com.breakagency.testkit.contract.ContractSupport.runAndRollBack;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.finance.Beneficiary;
import com.breakagency.ports.model.finance.BeneficiaryKind;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.CommissionStatus;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.Payment;
import com.breakagency.ports.spi.Commissions;
import com.breakagency.ports.spi.Persistence;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every promise of the {@link Commissions} port. An adapter's test extends this class and returns a fresh
 * bundle from {@link #persistence()}.
 *
 * <p>What an adapter must do beyond keeping each field exactly:
 * <ul>
 *   <li>enforce one line per (payment, beneficiary kind, beneficiary id) with a unique constraint, so a
 *       payment is allocated once however many units of work try at once, and store a batch all or
 *       nothing;</li>
 *   <li>keep a line's rate, a fraction from 0 to 1 with up to eight decimal places (a basis-point share
 *       of a basis-point rate), equal by {@link BigDecimal#compareTo(BigDecimal)}: its scale may differ,
 *       so {@code 0.05} may come back as {@code 0.05000000}, and the contract compares lines with that in
 *       mind;</li>
 *   <li>take {@code createdAt} in the half-open range {@code [from, to)}, keep instants to at least the
 *       microsecond, order ids as {@link String#compareTo(String)} does, and fill every page: a page holds
 *       the first {@code limit} matching lines after the cursor.</li>
 * </ul>
 *
 * <p>Every test makes its own records with fresh ids and scopes its listings to a fresh talent or agent,
 * so records other tests left behind do not disturb it. The contract stores each line's invoice and
 * payment before the line, so an adapter may have foreign keys there; it never stores deals, brands or
 * talent.
 *
 * <p>The properties run on the jqwik engine, so the test class path needs {@code net.jqwik:jqwik}
 * (without it they are silently skipped). jqwik calls {@link #persistence()} before each property, but
 * runs no JUnit {@code @BeforeAll} or {@code @BeforeEach} method of the subclass: set up what the
 * factory needs in the factory itself or in static state.
 */
public abstract class CommissionsContract extends PropertyContract {

    private static final BigDecimal FIVE_PERCENT = new BigDecimal("0.05");

    private Persistence persistence;
    private Commissions commissions;

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
        commissions = persistence.commissions();
    }

    // ---- round trips -------------------------------------------------------------------------------

    @Test
    void an_allocation_reads_back_equal_by_payment_and_by_invoice() {
        Paid paid = aStoredPaymentInFull(Money.of(250_000, "GBP"));
        List<CommissionLine> split = theAgencySplitOf(paid.invoice(), paid.payment(), anId());

        commissions.insertAll(split);

        assertSameLines(split, commissions.byPayment(paid.payment().id()));
        assertSameLines(split, commissions.byInvoice(paid.invoice().id()));
    }

    @Test
    void rates_read_back_equal_by_compare_to_whatever_their_scale() {
        Paid paid = aStoredPaymentInFull(Money.of(250_000, "GBP"));
        List<CommissionLine> lines = new ArrayList<>();
        for (String rate : List.of("0.8", "0.15", "0.05", "0.050", "5E-2", "0", "1", "1.00000000", "0.00000001",
                "0.12345678", "0.33333333", "0.99999999")) {
            lines.add(aCommissionLine(paid.invoice(), paid.payment(), Beneficiary.agent(anId()), new BigDecimal(rate)));
        }

        commissions.insertAll(lines);

        assertSameLines(lines, commissions.byPayment(paid.payment().id()));
    }

    @Test
    void amounts_in_gbp_usd_and_jpy_and_every_status_read_back_exact() {
        for (Money total : List.of(Money.of(250_001, "GBP"), Money.of(999_999_999_999L, "USD"),
                Money.of(1_500_000, "JPY"))) {
            Paid paid = aStoredPaymentInFull(total);
            List<CommissionLine> split = theAgencySplitOf(paid.invoice(), paid.payment(), anId());
            List<CommissionLine> lines = List.of(split.get(0),
                    withStatus(createdAt(split.get(1), Instant.parse("2026-03-29T00:59:59.999999Z")),
                            CommissionStatus.PAID_OUT),
                    withStatus(split.get(2), CommissionStatus.REVERSED));

            commissions.insertAll(lines);

            assertSameLines(lines, commissions.byPayment(paid.payment().id()));
        }
    }

    @Test
    void a_payment_or_invoice_without_lines_has_none() {
        Paid paid = aStoredPaymentInFull(Money.of(250_000, "GBP"));
        commissions.insertAll(theAgencySplitOf(paid.invoice(), paid.payment(), anId()));

        assertEquals(List.of(), commissions.byPayment(anId()));
        assertEquals(List.of(), commissions.byInvoice(anId()));
    }

    @Test
    void an_empty_batch_is_no_error_inside_or_outside_a_unit_of_work() {
        commissions.insertAll(List.of());

        persistence.transactions().inTransaction(() -> {
            commissions.insertAll(List.of());
            return null;
        });
    }

    // ---- one allocation per payment ----------------------------------------------------------------

    @Test
    void a_second_allocation_of_a_payment_is_refused_naming_allocation_and_stores_nothing() {
        Paid paid = aStoredPaymentInFull(Money.of(250_000, "GBP"));
        String agent = anId();
        List<CommissionLine> first = theAgencySplitOf(paid.invoice(), paid.payment(), agent);
        commissions.insertAll(first);
        List<CommissionLine> second = theAgencySplitOf(paid.invoice(), paid.payment(), agent);

        assertAlreadyExists("allocation", () -> commissions.insertAll(second));

        assertSameLines(first, commissions.byPayment(paid.payment().id()));
    }

    @Test
    void a_batch_whose_second_line_collides_stores_nothing() {
        Paid paid = aStoredPaymentInFull(Money.of(250_000, "GBP"));
        CommissionLine house = aCommissionLine(paid.invoice(), paid.payment(), Beneficiary.HOUSE,
                new BigDecimal("0.15"));
        commissions.insertAll(List.of(house));
        CommissionLine agent = aCommissionLine(paid.invoice(), paid.payment(), Beneficiary.agent(anId()),
                FIVE_PERCENT);
        CommissionLine houseAgain = aCommissionLine(paid.invoice(), paid.payment(), Beneficiary.HOUSE,
                new BigDecimal("0.15"));

        assertAlreadyExists("allocation", () -> commissions.insertAll(List.of(agent, houseAgain)));

        assertSameLines(List.of(house), commissions.byPayment(paid.payment().id()));
        commissions.insertAll(List.of(agent));
        assertSameLines(List.of(house, agent), commissions.byPayment(paid.payment().id()));
    }

    @Test
    void a_batch_naming_one_beneficiary_twice_stores_nothing() {
        Paid paid = aStoredPaymentInFull(Money.of(250_000, "GBP"));
        Beneficiary agent = Beneficiary.agent(anId());
        List<CommissionLine> batch = List.of(
                aCommissionLine(paid.invoice(), paid.payment(), Beneficiary.talent(paid.invoice().talentId()),
                        new BigDecimal("0.8")),
                aCommissionLine(paid.invoice(), paid.payment(), agent, FIVE_PERCENT),
                aCommissionLine(paid.invoice(), paid.payment(), agent, FIVE_PERCENT));

        assertAlreadyExists("allocation", () -> commissions.insertAll(batch));

        assertEquals(List.of(), commissions.byPayment(paid.payment().id()));
        assertEquals(List.of(), commissions.byInvoice(paid.invoice().id()));
    }

    @Test
    void a_beneficiary_has_a_line_on_each_payment_and_kinds_with_one_id_are_different_beneficiaries() {
        Paid first = aStoredPaymentInFull(Money.of(250_000, "GBP"));
        Paid second = aStoredPaymentInFull(Money.of(100_000, "GBP"));
        String sharedId = anId();
        List<CommissionLine> onFirst = List.of(
                aCommissionLine(first.invoice(), first.payment(), Beneficiary.HOUSE, new BigDecimal("0.15")),
                aCommissionLine(first.invoice(), first.payment(), Beneficiary.agent(sharedId), FIVE_PERCENT),
                aCommissionLine(first.invoice(), first.payment(), Beneficiary.talent(sharedId), new BigDecimal("0.8")));
        List<CommissionLine> onSecond = List.of(
                aCommissionLine(second.invoice(), second.payment(), Beneficiary.HOUSE, new BigDecimal("0.15")),
                aCommissionLine(second.invoice(), second.payment(), Beneficiary.agent(sharedId), FIVE_PERCENT));

        commissions.insertAll(onFirst);
        commissions.insertAll(onSecond);

        assertSameLines(onFirst, commissions.byPayment(first.payment().id()));
        assertSameLines(onSecond, commissions.byPayment(second.payment().id()));
    }

    @Test
    void two_threads_inserting_the_same_allocation_store_it_once() {
        for (int round = 0; round < RACE_ROUNDS; round++) {
            Paid paid = aStoredPaymentInFull(Money.of(250_000, "GBP"));
            String agent = anId();
            List<List<CommissionLine>> batches = List.of(theAgencySplitOf(paid.invoice(), paid.payment(), agent),
                    theAgencySplitOf(paid.invoice(), paid.payment(), agent));

            int winner = assertOneInsertWins(race(() -> commissions.insertAll(batches.get(0)),
                    () -> commissions.insertAll(batches.get(1))), "allocation");

            assertSameLines(batches.get(winner), commissions.byPayment(paid.payment().id()));
        }
    }

    @Test
    void two_threads_inserting_overlapping_batches_store_one_batch_whole_and_nothing_of_the_other() {
        for (int round = 0; round < RACE_ROUNDS; round++) {
            Paid paid = aStoredPaymentInFull(Money.of(250_000, "GBP"));
            Invoice invoice = paid.invoice();
            Payment payment = paid.payment();
            List<List<CommissionLine>> batches = List.of(
                    List.of(aCommissionLine(invoice, payment, Beneficiary.talent(invoice.talentId()),
                                    new BigDecimal("0.8")),
                            aCommissionLine(invoice, payment, Beneficiary.HOUSE, new BigDecimal("0.15"))),
                    List.of(aCommissionLine(invoice, payment, Beneficiary.agent(anId()), FIVE_PERCENT),
                            aCommissionLine(invoice, payment, Beneficiary.HOUSE, new BigDecimal("0.15"))));

            int winner = assertOneInsertWins(race(() -> commissions.insertAll(batches.get(0)),
                    () -> commissions.insertAll(batches.get(1))), "allocation");

            assertSameLines(batches.get(winner), commissions.byPayment(payment.id()));
        }
    }

    // ---- by payment, by invoice --------------------------------------------------------------------

    @Test
    void by_payment_and_by_invoice_hold_only_their_lines_in_ascending_id_order() {
        Invoice invoice = aStoredInvoice(anIssuedInvoice(Money.of(250_000, "GBP")));
        Payment first = aStoredPayment(invoice, Money.of(100_000, "GBP"));
        Payment second = aStoredPayment(invoice, Money.of(150_000, "GBP"));
        Paid elsewhere = aStoredPaymentInFull(Money.of(250_000, "GBP"));
        String agent = anId();
        List<CommissionLine> ofFirst = theAgencySplitOf(invoice, first, agent);
        List<CommissionLine> ofSecond = theAgencySplitOf(invoice, second, agent);
        List<CommissionLine> ofElsewhere = theAgencySplitOf(elsewhere.invoice(), elsewhere.payment(), agent);

        commissions.insertAll(List.of(ofSecond.get(2), ofSecond.get(0), ofSecond.get(1)));
        commissions.insertAll(ofElsewhere);
        commissions.insertAll(List.of(ofFirst.get(1), ofFirst.get(2), ofFirst.get(0)));

        assertSameLines(ofFirst, commissions.byPayment(first.id()));
        assertSameLines(ofSecond, commissions.byPayment(second.id()));
        List<CommissionLine> ofInvoice = new ArrayList<>(ofFirst);
        ofInvoice.addAll(ofSecond);
        assertSameLines(ofInvoice, commissions.byInvoice(invoice.id()));
    }

    // ---- listings ----------------------------------------------------------------------------------

    @Test
    void the_beneficiary_filter_lists_only_that_beneficiarys_lines() {
        String talent = anId();
        String agent = anId();
        List<CommissionLine> ofTalent = new ArrayList<>();
        List<CommissionLine> ofAgent = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Paid paid = aStoredPaymentInFull(anInvoiceFor(talent));
            List<CommissionLine> split = theAgencySplitOf(paid.invoice(), paid.payment(), agent);
            commissions.insertAll(split);
            ofTalent.add(split.get(0));
            ofAgent.add(split.get(2));
        }
        Paid otherTalent = aStoredPaymentInFull(Money.of(250_000, "GBP"));
        commissions.insertAll(theAgencySplitOf(otherTalent.invoice(), otherTalent.payment(), anId()));

        assertSameLines(ofTalent, commissions.list(query(Optional.of(Beneficiary.talent(talent)), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()), Optional.empty(), 10));
        assertSameLines(ofAgent, commissions.list(query(Optional.of(Beneficiary.agent(agent)), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()), Optional.empty(), 10));
        assertSameLines(List.of(), commissions.list(query(Optional.of(new Beneficiary(BeneficiaryKind.AGENT, talent)),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), Optional.empty(), 10));
    }

    @Test
    void the_talent_filter_lists_every_line_from_that_talents_work() {
        String talent = anId();
        Paid paid = aStoredPaymentInFull(anInvoiceFor(talent));
        List<CommissionLine> split = theAgencySplitOf(paid.invoice(), paid.payment(), anId());
        commissions.insertAll(split);
        Paid other = aStoredPaymentInFull(Money.of(250_000, "GBP"));
        commissions.insertAll(theAgencySplitOf(other.invoice(), other.payment(), anId()));

        assertSameLines(split, commissions.list(ofTalent(talent), Optional.empty(), 10));
    }

    @Test
    void the_status_filter_lists_only_lines_in_that_status() {
        String talent = anId();
        Paid paid = aStoredPaymentInFull(anInvoiceFor(talent));
        List<CommissionLine> split = theAgencySplitOf(paid.invoice(), paid.payment(), anId());
        CommissionLine pending = split.get(0);
        CommissionLine paidOut = withStatus(split.get(1), CommissionStatus.PAID_OUT);
        CommissionLine reversed = withStatus(split.get(2), CommissionStatus.REVERSED);
        commissions.insertAll(List.of(pending, paidOut, reversed));

        assertSameLines(List.of(pending), commissions.list(query(Optional.empty(), Optional.of(talent),
                Optional.of(CommissionStatus.PENDING_PAYOUT), Optional.empty(), Optional.empty()), Optional.empty(), 10));
        assertSameLines(List.of(paidOut), commissions.list(query(Optional.empty(), Optional.of(talent),
                Optional.of(CommissionStatus.PAID_OUT), Optional.empty(), Optional.empty()), Optional.empty(), 10));
        assertSameLines(List.of(reversed), commissions.list(query(Optional.empty(), Optional.of(talent),
                Optional.of(CommissionStatus.REVERSED), Optional.empty(), Optional.empty()), Optional.empty(), 10));
    }

    @Test
    void from_takes_lines_created_at_that_instant_and_to_does_not() {
        String talent = anId();
        Instant from = Instant.parse("2026-03-29T00:59:59.999999Z");
        Instant to = from.plus(1, ChronoUnit.DAYS);
        Paid paid = aStoredPaymentInFull(anInvoiceFor(talent));
        List<CommissionLine> lines = new ArrayList<>();
        for (Instant at : List.of(from.minus(1, ChronoUnit.MICROS), from, to.minus(1, ChronoUnit.MICROS), to)) {
            lines.add(createdAt(aCommissionLine(paid.invoice(), paid.payment(), Beneficiary.agent(anId()),
                    FIVE_PERCENT), at));
        }
        commissions.insertAll(lines);

        assertSameLines(lines.subList(1, 3), commissions.list(query(Optional.empty(), Optional.of(talent),
                Optional.empty(), Optional.of(from), Optional.of(to)), Optional.empty(), 10));
        assertSameLines(lines.subList(1, 4), commissions.list(query(Optional.empty(), Optional.of(talent),
                Optional.empty(), Optional.of(from), Optional.empty()), Optional.empty(), 10));
        assertSameLines(lines.subList(0, 3), commissions.list(query(Optional.empty(), Optional.of(talent),
                Optional.empty(), Optional.empty(), Optional.of(to)), Optional.empty(), 10));
    }

    @Test
    void every_present_filter_part_must_match() {
        String talent = anId();
        Instant from = NOW.minus(1, ChronoUnit.HOURS);
        Instant to = NOW.plus(1, ChronoUnit.HOURS);
        Beneficiary agent = Beneficiary.agent(anId());
        List<Paid> ofTalent = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ofTalent.add(aStoredPaymentInFull(anInvoiceFor(talent)));
        }
        Paid otherTalent = aStoredPaymentInFull(Money.of(250_000, "GBP"));
        CommissionLine match = line(ofTalent.get(0), agent);
        List<CommissionLine> nearMisses = List.of(line(otherTalent, agent),
                line(ofTalent.get(0), Beneficiary.agent(anId())),
                withStatus(line(ofTalent.get(1), agent), CommissionStatus.PAID_OUT),
                createdAt(line(ofTalent.get(2), agent), to),
                createdAt(line(ofTalent.get(3), agent), from.minus(1, ChronoUnit.MICROS)));
        commissions.insertAll(List.of(match));
        nearMisses.forEach(l -> commissions.insertAll(List.of(l)));

        assertSameLines(List.of(match), commissions.list(query(Optional.of(agent), Optional.of(talent),
                Optional.of(CommissionStatus.PENDING_PAYOUT), Optional.of(from), Optional.of(to)), Optional.empty(), 10));
    }

    @Test
    void after_id_and_limit_page_through_every_line_once() {
        String talent = anId();
        Paid paid = aStoredPaymentInFull(anInvoiceFor(talent));
        List<CommissionLine> made = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            made.add(aCommissionLine(paid.invoice(), paid.payment(), Beneficiary.agent(anId()), FIVE_PERCENT));
        }
        commissions.insertAll(made);

        assertSameLines(made.subList(1, 4), commissions.list(ofTalent(talent), Optional.of(made.get(0).id()), 3));
        assertSameLines(List.of(), commissions.list(ofTalent(talent), Optional.of(made.get(6).id()), 3));
        for (int limit : new int[] {1, 2, 3, 7, 8}) {
            assertSameLines(made, pageThrough((cursor, n) -> commissions.list(ofTalent(talent), cursor, n),
                    CommissionLine::id, limit, true));
        }
    }

    /**
     * Paging through any set of lines with any page size lists every line from the talent's work exactly
     * once, in ascending id order; lines from another talent's work never appear.
     *
     * @param ours     per line, whether it is from our talent's work (the rest are from another's)
     * @param pageSize the limit
     * @param random   the insertion order
     */
    @Property(tries = 200)
    void keyset_pagination_returns_every_item_exactly_once_for_any_page_size_and_any_data_set(
            @ForAll @Size(max = 60) List<Boolean> ours, @ForAll @IntRange(min = 1, max = 25) int pageSize,
            @ForAll Random random) {
        String talent = anId();
        Paid mine = aStoredPaymentInFull(anInvoiceFor(talent));
        Paid theirs = aStoredPaymentInFull(Money.of(250_000, "GBP"));
        List<CommissionLine> all = new ArrayList<>();
        for (boolean isMine : ours) {
            Paid paid = isMine ? mine : theirs;
            all.add(aCommissionLine(paid.invoice(), paid.payment(), Beneficiary.agent(anId()), FIVE_PERCENT));
        }
        List<String> expected = all.stream().filter(l -> l.talentId().equals(talent)).map(CommissionLine::id).sorted()
                .toList();
        Collections.shuffle(all, random);
        all.forEach(line -> commissions.insertAll(List.of(line)));

        List<String> listed = pageThrough((cursor, limit) -> commissions.list(ofTalent(talent), cursor, limit),
                CommissionLine::id, pageSize, true).stream().map(CommissionLine::id).toList();

        assertEquals(expected, listed);
        assertEquals(listed.size(), Set.copyOf(listed).size(), "a line was listed twice");
    }

    // ---- units of work -----------------------------------------------------------------------------

    @Test
    void a_rolled_back_allocation_leaves_no_line_and_frees_the_allocation() {
        Paid paid = aStoredPaymentInFull(Money.of(250_000, "GBP"));
        String agent = anId();
        List<CommissionLine> split = theAgencySplitOf(paid.invoice(), paid.payment(), agent);

        runAndRollBack(persistence.transactions(), () -> commissions.insertAll(split));

        assertEquals(List.of(), commissions.byPayment(paid.payment().id()));
        assertEquals(List.of(), commissions.byInvoice(paid.invoice().id()));
        assertEquals(List.of(), commissions.list(ofTalent(paid.invoice().talentId()), Optional.empty(), 10));
        List<CommissionLine> again = theAgencySplitOf(paid.invoice(), paid.payment(), agent);
        commissions.insertAll(again);
        assertSameLines(again, commissions.byPayment(paid.payment().id()));
    }

    // ---- helpers -----------------------------------------------------------------------------------

    /** An invoice and a payment of it, both stored. */
    private record Paid(Invoice invoice, Payment payment) {
    }

    /**
     * Checks that lines read back equal the lines stored, in order, comparing rates by value: a store may
     * return {@code 0.05} as {@code 0.0500}.
     */
    private static void assertSameLines(List<CommissionLine> expected, List<CommissionLine> actual) {
        assertEquals(expected.stream().map(CommissionLine::id).toList(), actual.stream().map(CommissionLine::id).toList(),
                "the ids of the lines, in order");
        for (int i = 0; i < expected.size(); i++) {
            CommissionLine e = expected.get(i);
            CommissionLine a = actual.get(i);
            assertEquals(0, e.rate().compareTo(a.rate()), () -> "rate " + a.rate() + " for " + e.rate());
            assertEquals(e, withRate(a, e.rate()));
        }
    }

    private Paid aStoredPaymentInFull(Money total) {
        return aStoredPaymentInFull(anIssuedInvoice(total));
    }

    private Paid aStoredPaymentInFull(Invoice invoice) {
        aStoredInvoice(invoice);
        Payment payment = aPaymentInFull(invoice);
        persistence.payments().insert(payment);
        return new Paid(invoice, payment);
    }

    private Invoice aStoredInvoice(Invoice invoice) {
        persistence.invoices().insert(invoice);
        return invoice;
    }

    private Payment aStoredPayment(Invoice invoice, Money amount) {
        Payment payment = aPayment(invoice, amount, aBankReference());
        persistence.payments().insert(payment);
        return payment;
    }

    /** A beneficiary's five percent of a stored payment, pending payout, created at NOW. */
    private static CommissionLine line(Paid paid, Beneficiary beneficiary) {
        return aCommissionLine(paid.invoice(), paid.payment(), beneficiary, FIVE_PERCENT);
    }

    private static Invoice anInvoiceFor(String talentId) {
        return anInvoice(anId(), talentId);
    }

    private static Commissions.Query ofTalent(String talentId) {
        return query(Optional.empty(), Optional.of(talentId), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static Commissions.Query query(Optional<Beneficiary> beneficiary, Optional<String> talentId,
                                           Optional<CommissionStatus> status, Optional<Instant> from,
                                           Optional<Instant> to) {
        return new Commissions.Query(beneficiary, talentId, status, from, to);
    }

    private static CommissionLine withRate(CommissionLine l, BigDecimal rate) {
        return new CommissionLine(l.id(), l.paymentId(), l.invoiceId(), l.dealId(), l.talentId(), l.beneficiary(),
                l.basis(), rate, l.planId(), l.amount(), l.status(), l.createdAt());
    }

    private static CommissionLine withStatus(CommissionLine l, CommissionStatus status) {
        return new CommissionLine(l.id(), l.paymentId(), l.invoiceId(), l.dealId(), l.talentId(), l.beneficiary(),
                l.basis(), l.rate(), l.planId(), l.amount(), status, l.createdAt());
    }

    private static CommissionLine createdAt(CommissionLine l, Instant at) {
        return new CommissionLine(l.id(), l.paymentId(), l.invoiceId(), l.dealId(), l.talentId(), l.beneficiary(),
                l.basis(), l.rate(), l.planId(), l.amount(), l.status(), at);
    }

    // ---- the one move a line makes ----------------------------------------------------------------

    @Test
    void lines_move_to_paid_out_once_all_or_none_and_a_paid_out_line_never_moves_again() {
        Paid paid = aStoredPaymentInFull(Money.of(250_000, "GBP"));
        List<CommissionLine> split = theAgencySplitOf(paid.invoice(), paid.payment(), anId());
        commissions.insertAll(split);
        String first = split.get(0).id();
        String second = split.get(1).id();

        persistence.transactions().inTransaction(() -> {
            commissions.markPaidOut(List.of(first));
            return null;
        });
        ContractSupport.assertBreak(com.breakagency.ports.error.ErrorCode.CONFLICT,
                com.breakagency.ports.error.Reason.INVALID_STATE_TRANSITION,
                () -> persistence.transactions().inTransaction(() -> {
                    commissions.markPaidOut(List.of(second, first));
                    return null;
                }));

        List<CommissionLine> stored = commissions.byPayment(paid.payment().id());
        for (CommissionLine line : stored) {
            assertEquals(line.id().equals(first) ? CommissionStatus.PAID_OUT : CommissionStatus.PENDING_PAYOUT,
                    line.status(), line.id());
        }
    }
}
