package com.breakagency.core.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.ports.api.crm.AddNote;
import com.breakagency.ports.api.crm.CreateBrand;
import com.breakagency.ports.api.crm.CreateContact;
import com.breakagency.ports.api.crm.CreateDeal;
import com.breakagency.ports.api.finance.CommissionQuery;
import com.breakagency.ports.api.finance.RecordPayment;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.FieldError;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.validation.DomainNameValidator;
import com.breakagency.ports.validation.EmailAddressValidator;
import com.breakagency.ports.validation.InputLimits;
import com.breakagency.ports.validation.Multiline;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The validator's walk over every value a command holds, against {@link InputLimits}. */
class CommandValidatorLimitsTest {

    private static final CommandValidator VALIDATOR = new CommandValidator();

    record Line(String label, Optional<String> note) {
    }

    record Nested(List<Line> lines, Map<String, String> meta, String[] words, @Multiline String body,
                  LocalDate on, Instant at, Money money) {
    }

    @AfterAll
    static void close() {
        VALIDATOR.close();
    }

    private static List<FieldError> errors(Object command) {
        BreakException error = assertThrows(BreakException.class, () -> VALIDATOR.validate(command));
        assertEquals(ErrorCode.VALIDATION_FAILED, error.code());
        return error.fieldErrors();
    }

    private static List<String> pointers(Object command) {
        return errors(command).stream().map(FieldError::pointer).toList();
    }

    private static Nested valid() {
        return new Nested(List.of(new Line("a", Optional.of("b"))), Map.of("k", "v"), new String[] {"w"},
                "two\nlines\tand a tab", LocalDate.of(2026, 1, 5), Instant.parse("2026-01-05T09:00:00Z"),
                Money.of(100, "GBP"));
    }

    @Test
    void a_command_within_the_limits_passes() {
        VALIDATOR.validate(valid());
        VALIDATOR.validate(new Nested(List.of(), Map.of(), new String[0], "", InputLimits.MIN_DATE,
                InputLimits.MAX_INSTANT, Money.of(InputLimits.MAX_MINOR_UNITS, "GBP")));
    }

    @Test
    void nul_control_characters_and_lone_surrogates_are_found_wherever_they_are_nested() {
        Nested n = new Nested(List.of(new Line("ok", Optional.of("x\u0000")), new Line("a\uD800b", Optional.empty())),
                Map.of("k", "\u0007"), new String[] {"ok", "\u2028"}, "fine\n", null, null, null);

        assertEquals(List.of("#/lines/0/note", "#/lines/1/label", "#/meta/k", "#/words/1"), pointers(n));
    }

    @Test
    void only_a_multiline_component_may_hold_line_breaks_and_even_it_no_nul() {
        assertEquals(List.of("#/lines/0/label"), pointers(new Nested(List.of(new Line("a\nb", Optional.empty())),
                Map.of(), new String[0], "a\nb", null, null, null)));
        assertEquals(List.of("#/body"), pointers(new Nested(List.of(), Map.of(), new String[0], "a\u0000b", null,
                null, null)));
        VALIDATOR.validate(new AddNote(EntityRef.of(EntityType.BRAND, "b-1"), "line one\r\nline two\ttabbed"));
    }

    @Test
    void dates_instants_and_money_outside_the_documented_ranges_are_rejected() {
        Nested n = new Nested(List.of(), Map.of(), new String[0], "", LocalDate.parse("+5874898-01-01"),
                Instant.MIN, Money.of(Long.MAX_VALUE, "GBP"));

        assertEquals(List.of("#/at", "#/money/minorUnits", "#/on"), pointers(n));
        assertEquals(List.of("#/on"), pointers(new Nested(List.of(), Map.of(), new String[0], "",
                InputLimits.MIN_DATE.minusDays(1), null, null)));
        assertEquals(List.of("#/at"), pointers(new Nested(List.of(), Map.of(), new String[0], "", null,
                InputLimits.MAX_INSTANT.plusNanos(1), null)));
    }

    @Test
    void messages_never_repeat_the_value_nor_show_a_regular_expression() {
        String hostile = "sk_live_" + "x".repeat(70) + "\u0000";
        List<FieldError> errors = errors(CreateDeal.of(hostile, "t-1", "agent-1", hostile, Money.of(-1, "GBP")));

        assertFalse(errors.isEmpty());
        for (FieldError e : errors) {
            assertFalse(e.message().contains("sk_live_"), e.toString());
            assertFalse(e.message().contains("[A-Za-z"), e.toString());
        }
    }

    @Test
    void a_domain_of_twenty_thousand_labels_is_rejected_in_linear_time_without_overflowing_the_stack() {
        String domain = "a.".repeat(20_000) + "example";

        assertFalse(DomainNameValidator.isDomainName(domain));
        assertEquals(List.of("#/domains"), pointers(CreateBrand.of("Brand", "agent-1").withDomains(domain)));
        assertTrue(DomainNameValidator.isDomainName(" Brand.CO.uk. "));
        assertFalse(DomainNameValidator.isDomainName("a" + ".b".repeat(127))); // 255 characters
    }

    @Test
    void an_email_that_grows_past_254_characters_when_lower_cased_is_rejected() {
        String email = "İ".repeat(64) + "@" + "d".repeat(63) + "." + "e".repeat(59) + ".example";
        assertEquals(196, email.length());
        assertTrue(email.toLowerCase(java.util.Locale.ROOT).length() > 254);

        assertFalse(EmailAddressValidator.isEmailAddress(email));
        assertEquals(List.of("#/primaryEmail"), pointers(CreateContact.of("Jane", email)));
        assertTrue(EmailAddressValidator.isEmailAddress(" Jane.Doe+deals@Mail.Brand.co.uk "));
        assertTrue(EmailAddressValidator.isEmailAddress("jäne@bücher.example"));
        assertFalse(EmailAddressValidator.isEmailAddress("a@b" + ".c".repeat(30_000)));
    }

    @Test
    void amounts_above_the_documented_maximum_are_rejected() {
        assertEquals(List.of("#/value/minorUnits"), pointers(CreateDeal.of("b-1", "t-1", "agent-1", "Campaign", Money.of(InputLimits.MAX_MINOR_UNITS + 1, "GBP"))));
        assertEquals(List.of("#/amount/minorUnits"), pointers(RecordPayment.of("inv-1", Money.of(Long.MAX_VALUE, "GBP"), LocalDate.of(2026, 1, 5), "ref").withIdempotencyKey("key")));
    }

    @Test
    void instant_min_in_a_commission_query_is_rejected() {
        assertEquals(List.of("#/from"), pointers(CommissionQuery.all().createdBetween(Instant.MIN, null).limit(10)));
    }
}
