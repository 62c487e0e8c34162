package com.breakagency.core.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.breakagency.ports.api.crm.CreateDeal;
import com.breakagency.ports.api.crm.UpdateDeal;
import com.breakagency.ports.api.finance.RecordPayment;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.validation.InputLimits;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Amounts in commands are {@link Money}: the type holds the currency, the boundary the range. */
class MoneyInCommandsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 1, 5);

    private static List<String> errors(Object command) {
        try (CommandValidator validator = new CommandValidator()) {
            validator.validate(command);
            return List.of();
        } catch (BreakException e) {
            return e.fieldErrors().stream().map(f -> f.pointer() + " " + f.constraint() + " " + f.message()).toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gbp", "GB", "GBPX", "XYZ", "XXX", "", "€"})
    void a_currency_code_without_minor_units_or_unknown_cannot_even_be_written(String code) {
        assertThrows(IllegalArgumentException.class, () -> Money.of(100, code));
    }

    @Test
    void a_payment_must_be_more_than_zero_and_at_most_the_limit_pointing_at_the_minor_units() {
        assertEquals(List.of("#/amount/minorUnits Amount must be more than zero"),
                errors(RecordPayment.of("inv-1", Money.of(0, "GBP"), DAY, "ref")));
        assertEquals(List.of("#/amount/minorUnits Amount must be more than zero"),
                errors(RecordPayment.of("inv-1", Money.of(-5, "GBP"), DAY, "ref")));
        assertEquals(List.of("#/amount/minorUnits Amount must be at most " + InputLimits.MAX_MINOR_UNITS + " minor units"),
                errors(RecordPayment.of("inv-1", Money.of(InputLimits.MAX_MINOR_UNITS + 1, "GBP"), DAY, "ref")));
        assertEquals(List.of(), errors(RecordPayment.of("inv-1", Money.of(1, "GBP"), DAY, "ref")));
        assertEquals(List.of(), errors(RecordPayment.of("inv-1", Money.of(InputLimits.MAX_MINOR_UNITS, "JPY"), DAY, "ref")));
        assertEquals(List.of("#/amount NotNull must not be null"), errors(RecordPayment.of("inv-1", null, DAY, "ref")));
    }

    @Test
    void a_deal_value_may_be_zero_but_not_negative_nor_above_the_limit() {
        assertEquals(List.of(), errors(CreateDeal.of("b-1", "t-1", "agent-1", "Campaign", Money.of(0, "GBP"))));
        assertEquals(List.of("#/value/minorUnits Amount must be at least 0 minor units"),
                errors(CreateDeal.of("b-1", "t-1", "agent-1", "Campaign", Money.of(-1, "GBP"))));
        assertEquals(List.of("#/value/minorUnits Amount must be at most " + InputLimits.MAX_MINOR_UNITS + " minor units"),
                errors(UpdateDeal.of("d-1", 1).ownedBy("agent-1").withTitle("Campaign")
                        .withValue(Money.of(Long.MAX_VALUE, "GBP"))));
        assertEquals(List.of("#/value NotNull must not be null"),
                errors(UpdateDeal.of("d-1", 1).ownedBy("agent-1").withTitle("Campaign")));
    }
}
