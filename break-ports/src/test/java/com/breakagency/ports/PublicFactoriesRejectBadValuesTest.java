package com.breakagency.ports;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.FieldError;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.crm.Normalize;
import com.breakagency.ports.model.finance.Beneficiary;
import com.breakagency.ports.model.finance.CommissionPlan;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * Every bad value a host can pass to a public factory or constructor of the contract fails with the
 * exception its javadoc names ({@code IllegalArgumentException} or {@code NullPointerException}), with a
 * message that names the parameter and never repeats the value: no {@code ArrayIndexOutOfBoundsException},
 * {@code DateTimeException} or message-less exception for a host to puzzle over.
 */
class PublicFactoriesRejectBadValuesTest {

    private static final Actor ADMIN = Actor.staff("admin-1", Role.ADMIN);

    /** One bad call: what it must throw, a word its message must hold, and the value it must not repeat. */
    private record Case(String name, Executable call, Class<? extends RuntimeException> type, String names,
                        String value) {
    }

    private static Case iae(String name, Executable call, String names, String value) {
        return new Case(name, call, IllegalArgumentException.class, names, value);
    }

    private static Case npe(String name, Executable call, String names) {
        return new Case(name, call, NullPointerException.class, names, null);
    }

    private static Stream<Case> cases() {
        return Stream.of(
                iae("an OperationContext with a correlation id holding a space",
                        () -> OperationContext.of(ADMIN, "req 42"), "correlationId", "req 42"),
                iae("an OperationContext with an empty correlation id",
                        () -> OperationContext.of(ADMIN, ""), "correlationId", null),
                iae("an OperationContext with a correlation id of 129 characters",
                        () -> OperationContext.of(ADMIN, "c".repeat(129)), "correlationId", "c".repeat(129)),
                iae("an OperationContext with a correlation id holding a line break",
                        () -> new OperationContext(ADMIN, "req\nforged", Optional.empty()), "correlationId", "forged"),
                npe("an OperationContext without an actor", () -> OperationContext.of(null), "actor"),
                npe("an OperationContext without a correlation id", () -> OperationContext.of(ADMIN, null), "correlationId"),
                npe("an operation without a name", () -> OperationContext.of(ADMIN).withOperation(null), "name"),

                iae("an Actor with a blank id", () -> Actor.staff("  ", Role.ADMIN), "userId", null),
                iae("an Actor with an empty id", () -> Actor.talent("", "talent-1"), "userId", null),
                npe("an Actor without an id", () -> Actor.staff(null, Role.ADMIN), "userId"),
                npe("a staff Actor without a role", () -> Actor.staff("u-1", null), "first"),
                npe("a staff Actor with a null further role", () -> Actor.staff("u-1", Role.ADMIN, (Role) null), "more"),
                iae("a staff Actor with a portal role", () -> Actor.staff("u-1", Role.TALENT), "roles", null),
                iae("an Actor without roles",
                        () -> new Actor("u-1", Set.of(), Optional.empty(), Optional.empty()), "roles", null),
                npe("an Actor whose roles hold null", () -> new Actor("u-1", new java.util.HashSet<>(
                        java.util.Arrays.asList(Role.ADMIN, null)), Optional.empty(), Optional.empty()), "roles"),
                iae("an Actor with a talent id but not the TALENT role",
                        () -> new Actor("u-1", Set.of(Role.AGENT), Optional.of("t-1"), Optional.empty()), "talentId", null),
                iae("a BRAND Actor without a brand id",
                        () -> new Actor("u-1", Set.of(Role.BRAND), Optional.empty(), Optional.empty()), "brandId", null),
                npe("a talent Actor without a talent id", () -> Actor.talent("u-1", null), "talentId"),
                npe("a brand Actor without a brand id", () -> Actor.brand("u-1", null), "brandId"),

                iae("Money of a lower-case currency code", () -> Money.of(100, "gbp"), "currencyCode", "gbp"),
                iae("Money of an unknown currency code", () -> Money.of(100, "QQQ"), "currencyCode", "QQQ"),
                iae("Money of an empty currency code", () -> Money.of(100, ""), "currencyCode", null),
                iae("Money of a currency code with a secret in it",
                        () -> Money.of(100, "sk_live_abcdefghijklmnop"), "currencyCode", "sk_live"),
                iae("Money of a currency without minor units", () -> Money.of(100, "XXX"), "currency", null),
                npe("Money without a currency code", () -> Money.of(100, null), "currencyCode"),
                npe("Money without a currency", () -> new Money(100, null), "currency"),
                npe("zero without a currency", () -> Money.zero(null), "currency"),
                iae("Money added across currencies",
                        () -> Money.of(1, "GBP").plus(Money.of(1, "USD")), "GBP", null),

                iae("a FieldError whose pointer is not a URI fragment",
                        () -> new FieldError("/name", "NotBlank", "must not be blank"), "pointer", null),
                npe("a FieldError without a message", () -> new FieldError("#/name", "NotBlank", null), "message"),
                iae("a BreakException with a reason that is not UPPER_SNAKE",
                        () -> new BreakException(ErrorCode.CONFLICT, "not-snake", "Detail."), "reason", null),
                iae("a BreakException with a negative retry-after",
                        () -> BreakException.builder(ErrorCode.RATE_LIMITED).retryAfter(Duration.ofSeconds(-1)).build(),
                        "retryAfter", null),
                npe("a BreakException without a code", () -> BreakException.builder(null), "code"),
                npe("a BreakException without a detail",
                        () -> new BreakException(ErrorCode.CONFLICT, "X", null), "detail"),
                npe("a not-found without an entity", () -> BreakException.notFound(null, "b-1"), "entity"),
                npe("a validation failure without errors", () -> BreakException.validation(null), "errors"),

                iae("a CommissionPlan with a rate over 100%",
                        () -> new CommissionPlan("plan-1", 10_001, 0, false), "agencyRateBps", null),
                iae("a CommissionPlan with a negative share",
                        () -> new CommissionPlan("plan-1", 2000, -1, false), "agentShareBps", null),
                npe("a CommissionPlan without an id", () -> new CommissionPlan(null, 2000, 2500, false), "id"),
                npe("a Beneficiary without an id", () -> Beneficiary.talent(null), "id"),
                iae("the domain of a text without '@'", () -> Normalize.domainOf("jane.brand.com"), "email", "jane.brand.com"),
                iae("the domain of an address ending in '@'", () -> Normalize.domainOf("jane@"), "email", "jane@"));
    }

    @TestFactory
    Stream<DynamicTest> every_bad_value_is_refused_with_the_documented_exception_naming_the_parameter() {
        return cases().map(c -> dynamicTest(c.name(), () -> {
            RuntimeException thrown = assertThrows(RuntimeException.class, c.call(), c.name());
            assertEquals(c.type(), thrown.getClass(), () -> c.name() + " threw " + thrown);
            String message = thrown.getMessage();
            assertNotNull(message, () -> c.name() + " threw " + thrown.getClass().getSimpleName() + " without a message");
            assertTrue(message.contains(c.names()), () -> c.name() + ": '" + message + "' does not name " + c.names());
            if (c.value() != null) {
                assertFalse(message.contains(c.value()), () -> c.name() + ": '" + message + "' repeats the value");
            }
        }));
    }

    @Test
    void the_cases_cover_every_type_the_issue_names() {
        assertTrue(cases().count() >= 40);
    }

    @Test
    void an_entity_ref_is_checked_at_the_boundary_not_when_made() {
        EntityRef ref = assertDoesNotThrow(() -> EntityRef.of(EntityType.BRAND, "not an id"));
        assertEquals("not an id", ref.id());
    }

    @Test
    void a_validation_failure_names_each_field_in_its_message_but_never_a_value() {
        BreakException error = BreakException.validation(List.of(
                new FieldError("#/name", "NotBlank", "must not be blank"),
                new FieldError("#/domains/0", "DomainName", "must be a domain name such as brand.com, at most 253 characters")));

        assertEquals("2 fields are not valid.", error.detail());
        assertEquals("VALIDATION_FAILED/INVALID_INPUT: 2 fields are not valid. "
                + "#/domains/0: must be a domain name such as brand.com, at most 253 characters (DomainName); "
                + "#/name: must not be blank (NotBlank)", error.getMessage());
        assertEquals("1 field is not valid.",
                BreakException.validation(List.of(new FieldError("#", "NotNull", "must not be null"))).detail());
    }

    @Test
    void a_validation_failure_with_many_fields_names_ten_and_counts_the_rest() {
        List<FieldError> errors = java.util.stream.IntStream.range(10, 25)
                .mapToObj(i -> new FieldError("#/lines/" + i, "NotNull", "must not be null")).toList();

        String message = BreakException.validation(errors).getMessage();

        assertTrue(message.contains("#/lines/19: must not be null"), message);
        assertFalse(message.contains("#/lines/20"), message);
        assertTrue(message.endsWith("; and 5 more"), message);
    }

    @Test
    void a_field_pointer_holding_an_address_is_redacted_in_the_message() {
        BreakException error = BreakException.validation(List.of(
                new FieldError("#/metadata/jane@brand.com", "NotBlank", "must not be blank")));

        assertFalse(error.getMessage().contains("jane@brand.com"), error.getMessage());
        assertTrue(error.getMessage().contains("#/metadata/"), error.getMessage());
    }

    @Test
    void a_taken_value_reads_as_a_sentence_whatever_the_field() {
        assertEquals("Another brand already uses the same domains.",
                BreakException.alreadyExists("brand", "domains").detail());
        assertEquals(Map.of("entity", "brand", "field", "domains"), BreakException.alreadyExists("brand", "domains").metadata());
    }
}
