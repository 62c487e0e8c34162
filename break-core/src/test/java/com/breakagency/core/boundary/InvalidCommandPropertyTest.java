package com.breakagency.core.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.FieldError;
import com.breakagency.testkit.CapturingErrorReporter;
import com.breakagency.testkit.InMemoryPersistence;
import com.breakagency.testkit.LogCapture;
import com.breakagency.testkit.TestClock;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.slf4j.LoggerFactory;

/**
 * Whatever is wrong with a command, the boundary answers VALIDATION_FAILED with field errors: never
 * UNHANDLED_ERROR, never a run of the use case.
 */
class InvalidCommandPropertyTest {

    static final Operation SIGN_UP = new Operation("test.signUp");

    /** A command with the kinds of constraint Break's commands use. */
    record SignUp(
            @NotBlank @Size(max = 50) String name,
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull @Pattern(regexp = "([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}") String domain,
            @PositiveOrZero long budget,
            @Size(max = 5) List<@NotBlank @Size(max = 20) String> tags,
            @NotEmpty @Size(max = 10) List<@NotNull @Valid Slot> slots) {
    }

    /** A nested record, validated through the list. */
    record Slot(@NotBlank @Size(max = 20) String sku, @Positive int quantity) {
    }

    /** A command that is invalid at least in the named field. */
    record Invalid(SignUp command, String brokenField) {
    }

    private static final AccessPolicy POLICY = AccessPolicy.builder().allow(SIGN_UP, Role.ADMIN).build();
    private static final OperationContext ADMIN = OperationContext.of(Actor.staff("u-admin-1", Role.ADMIN), "req-prop");
    private static final InMemoryPersistence PERSISTENCE = InMemoryPersistence.create();
    private static final CapturingErrorReporter REPORTER = new CapturingErrorReporter(PERSISTENCE.transactions());
    private static final Boundary BOUNDARY = new Boundary(BoundaryHarness.VALIDATOR, POLICY,
            PERSISTENCE.transactions(), REPORTER, new TestClock());
    private static final AtomicInteger USE_CASE_RUNS = new AtomicInteger();

    private static final Logger BOUNDARY_LOG = (Logger) LoggerFactory.getLogger(Boundary.LOGGER_NAME);
    private static Level levelBefore;
    private static LogCapture logs;

    /** A thousand INFO lines help nobody; WARN and ERROR, which must not occur, are still captured. */
    @BeforeContainer
    static void quietInfo() {
        levelBefore = BOUNDARY_LOG.getLevel();
        BOUNDARY_LOG.setLevel(Level.WARN);
        logs = LogCapture.of("com.breakagency");
    }

    @AfterContainer
    static void restoreLogging() {
        logs.close();
        BOUNDARY_LOG.setLevel(levelBefore);
    }

    @Property(tries = 1000)
    void any_invalid_command_is_rejected_with_field_errors(@ForAll("invalidSignUps") Invalid invalid) {
        BreakException error = assertThrows(BreakException.class, () -> BOUNDARY.call(ADMIN, SIGN_UP,
                invalid.command(), (call, command) -> USE_CASE_RUNS.incrementAndGet()));

        assertEquals(ErrorCode.VALIDATION_FAILED, error.code(), () -> "for " + invalid + ": " + error);
        assertFalse(error.fieldErrors().isEmpty());
        for (FieldError fieldError : error.fieldErrors()) {
            assertTrue(fieldError.pointer().startsWith("#"), fieldError::pointer);
            assertFalse(fieldError.constraint().isBlank());
        }
        assertTrue(error.fieldErrors().stream().anyMatch(e -> e.pointer().startsWith("#/" + invalid.brokenField())),
                () -> invalid.brokenField() + " not named in " + error.fieldErrors());
        List<FieldError> sorted = new ArrayList<>(error.fieldErrors());
        sorted.sort(null);
        assertEquals(sorted, error.fieldErrors());
        assertEquals(0, USE_CASE_RUNS.get());
        assertEquals(List.of(), REPORTER.reports());
        assertEquals(List.of(), logs.events(), logs::allText);
    }

    @Provide
    Arbitrary<Invalid> invalidSignUps() {
        Arbitrary<String> names = Arbitraries.oneOf(validNames(), invalidNames());
        Arbitrary<String> emails = Arbitraries.oneOf(validEmails(), invalidEmails());
        Arbitrary<String> domains = Arbitraries.oneOf(validDomains(), invalidDomains());
        Arbitrary<Long> budgets = Arbitraries.oneOf(validBudgets(), invalidBudgets());
        Arbitrary<List<String>> tags = Arbitraries.oneOf(validTags(), invalidTags());
        Arbitrary<List<Slot>> slots = Arbitraries.oneOf(validSlots(), invalidSlots());
        Arbitrary<String> broken = Arbitraries.of("name", "email", "domain", "budget", "tags", "slots");
        return Combinators.combine(names, emails, domains, budgets, tags, slots, broken).flatAs(
                (name, email, domain, budget, tag, slot, field) -> switch (field) {
                    case "name" -> invalidNames().map(bad ->
                            new Invalid(new SignUp(bad, email, domain, budget, tag, slot), field));
                    case "email" -> invalidEmails().map(bad ->
                            new Invalid(new SignUp(name, bad, domain, budget, tag, slot), field));
                    case "domain" -> invalidDomains().map(bad ->
                            new Invalid(new SignUp(name, email, bad, budget, tag, slot), field));
                    case "budget" -> invalidBudgets().map(bad ->
                            new Invalid(new SignUp(name, email, domain, bad, tag, slot), field));
                    case "tags" -> invalidTags().map(bad ->
                            new Invalid(new SignUp(name, email, domain, budget, bad, slot), field));
                    default -> invalidSlots().map(bad ->
                            new Invalid(new SignUp(name, email, domain, budget, tag, bad), field));
                });
    }

    // ---- valid values

    private static Arbitrary<String> validNames() {
        return Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(50);
    }

    private static Arbitrary<String> validEmails() {
        return Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20),
                        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(20))
                .as((local, host) -> local + "@" + host + ".com");
    }

    private static Arbitrary<String> validDomains() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(30).map(s -> s + ".com");
    }

    private static Arbitrary<Long> validBudgets() {
        return Arbitraries.longs().between(0, Long.MAX_VALUE);
    }

    private static Arbitrary<List<String>> validTags() {
        return Arbitraries.oneOf(Arbitraries.just(null),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20).list().ofMaxSize(5));
    }

    private static Arbitrary<Slot> validSlot() {
        return Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20),
                Arbitraries.integers().between(1, Integer.MAX_VALUE)).as(Slot::new);
    }

    private static Arbitrary<List<Slot>> validSlots() {
        return validSlot().list().ofMinSize(1).ofMaxSize(10);
    }

    // ---- invalid values: each one breaks at least one constraint of its field

    private static Arbitrary<String> blank() {
        return Arbitraries.strings().withChars(' ', '\t', '\n', '\r').ofMaxLength(10);
    }

    private static Arbitrary<String> anyUnicode(int minLength, int maxLength) {
        return Arbitraries.strings().all().ofMinLength(minLength).ofMaxLength(maxLength);
    }

    private static Arbitrary<String> invalidNames() {
        return Arbitraries.oneOf(Arbitraries.just(null), blank(), anyUnicode(51, 400));
    }

    private static Arbitrary<String> invalidEmails() {
        Arbitrary<String> word = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20);
        return Arbitraries.oneOf(
                Arbitraries.just(null),
                blank(),
                word,
                word.map(w -> w + "@"),
                word.map(w -> "@" + w + ".com"),
                word.map(w -> w + "@@brand.com"),
                word.map(w -> w + " doe@brand.com"),
                word.map(w -> w + "@brand..com"),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(30).map(w -> w.replace('@', 'x') + ".brand.com"),
                Arbitraries.strings().alpha().ofMinLength(250).ofMaxLength(300).map(w -> w + "@brand.com"));
    }

    private static Arbitrary<String> invalidDomains() {
        return Arbitraries.oneOf(
                Arbitraries.just(null),
                Arbitraries.of("", "brand", "Brand.COM", "-brand.com", "brand-.com", "brand..com", ".com",
                        "http://brand.com", "brand.com/path", "bränd.com", "brand.c", "brand.com.", "br and.com"),
                anyUnicode(0, 60).filter(s -> !s.matches("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}")));
    }

    private static Arbitrary<Long> invalidBudgets() {
        return Arbitraries.longs().between(Long.MIN_VALUE, -1);
    }

    private static Arbitrary<List<String>> invalidTags() {
        Arbitrary<String> tag = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20);
        return Arbitraries.oneOf(
                tag.list().ofMinSize(6).ofMaxSize(200),
                Combinators.combine(tag.list().ofMaxSize(4), Arbitraries.oneOf(Arbitraries.just(null), blank(),
                        anyUnicode(21, 100))).as((ok, bad) -> {
                            List<String> list = new ArrayList<>(ok);
                            list.add(bad);
                            return list;
                        }));
    }

    private static Arbitrary<Slot> invalidSlot() {
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.oneOf(Arbitraries.just(null), blank(), anyUnicode(21, 60)),
                        Arbitraries.integers()).as(Slot::new),
                Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20),
                        Arbitraries.integers().between(Integer.MIN_VALUE, 0)).as(Slot::new));
    }

    private static Arbitrary<List<Slot>> invalidSlots() {
        return Arbitraries.oneOf(
                Arbitraries.just(null),
                Arbitraries.just(List.of()),
                validSlot().list().ofMinSize(11).ofMaxSize(100),
                Combinators.combine(validSlots().map(l -> l.subList(0, Math.min(l.size(), 9))),
                        Arbitraries.oneOf(Arbitraries.just(null), invalidSlot())).as((ok, bad) -> {
                            List<Slot> list = new ArrayList<>(ok);
                            list.add(bad);
                            return list;
                        }));
    }
}
