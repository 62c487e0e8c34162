package com.breakagency.testkit.contract;

import static com.breakagency.testkit.Fixtures.NOW;
import static com.breakagency.testkit.contract.ContractSupport.assertAlreadyExists;
import static com.breakagency.testkit.contract.ContractSupport.runAndRollBack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.finance.CreditNote;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.spi.CreditNotes;
import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.Fixtures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every promise of the {@link CreditNotes} port. An adapter's test extends this class and returns a fresh bundle
 * from {@link #persistence()}.
 *
 * <p>What an adapter must do beyond keeping each field exactly: keep numbers unique with a constraint; hand out
 * numbers 1, 2, 3, … with no gaps, distinct across concurrent units of work, a rolled-back unit giving its
 * number back, in a sequence apart from the invoices'. The contract stores each note's invoice first, so an
 * adapter may have a foreign key there.
 */
public abstract class CreditNotesContract {

    private Persistence persistence;
    private CreditNotes notes;

    /**
     * The bundle under test. Called once before each test; must return a fresh, empty bundle whose stores share
     * its {@link Persistence#transactions()}.
     *
     * @return the bundle
     */
    protected abstract Persistence persistence();

    @BeforeEach
    void openStores() {
        persistence = persistence();
        notes = persistence.creditNotes();
    }

    private Invoice aStoredInvoice() {
        Invoice invoice = Fixtures.anIssuedInvoice(Money.of(100_000, "GBP"));
        persistence.invoices().insert(invoice);
        return invoice;
    }

    private static CreditNote aNote(Invoice invoice, long number) {
        return new CreditNote(Fixtures.anId(), invoice.id(), invoice.brandId(), number, Money.of(1_000, "GBP"),
                "a missed post", Optional.empty(), "finance-1", NOW);
    }

    private long next() {
        return persistence.transactions().inTransaction(notes::nextNumber);
    }

    @Test
    void a_note_reads_back_equal_by_id_invoice_and_brand() {
        Invoice invoice = aStoredInvoice();
        CreditNote note = aNote(invoice, next());

        notes.insert(note);

        assertEquals(Optional.of(note), notes.findById(note.id()));
        assertEquals(List.of(note), notes.byInvoice(invoice.id()));
        assertEquals(List.of(note), notes.list(new CreditNotes.Query(Optional.of(invoice.brandId()), Optional.empty(),
                Optional.empty(), Optional.empty()), Optional.empty(), 10));
    }

    @Test
    void a_number_is_taken_once() {
        Invoice invoice = aStoredInvoice();
        long number = next();
        notes.insert(aNote(invoice, number));

        assertAlreadyExists("number", () -> notes.insert(aNote(invoice, number)));
    }

    @Test
    void numbers_follow_each_other_without_gaps_and_a_rolled_back_unit_gives_its_number_back() {
        long first = next();
        runAndRollBack(persistence.transactions(), notes::nextNumber);
        long second = next();

        assertEquals(first + 1, second);
    }

    @Test
    void the_credit_note_sequence_is_not_the_invoices() {
        long note = next();
        persistence.transactions().inTransaction(() -> persistence.invoices().nextNumber());
        assertEquals(note + 1, next());
    }

    @Test
    void concurrent_units_of_work_take_distinct_numbers_with_no_gaps() throws Exception {
        long before = next();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> taken = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                taken.add(threads.submit(this::next));
            }
            List<Long> numbers = new ArrayList<>();
            for (Future<Long> f : taken) {
                numbers.add(f.get());
            }
            Collections.sort(numbers);
            for (int i = 0; i < numbers.size(); i++) {
                assertEquals(before + 1 + i, numbers.get(i));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void taking_a_number_needs_a_unit_of_work() {
        assertThrows(IllegalStateException.class, notes::nextNumber);
    }
}
