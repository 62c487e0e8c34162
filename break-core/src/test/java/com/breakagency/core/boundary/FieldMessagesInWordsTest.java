package com.breakagency.core.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.ports.api.Crm;
import com.breakagency.ports.api.crm.AddNote;
import com.breakagency.ports.api.crm.CreateContact;
import com.breakagency.ports.api.recovery.StepQuery;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.FieldError;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.crm.Visibility;
import com.breakagency.ports.validation.Patterns;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A field error says what is wrong in words a newcomer reads: never a regular expression, never the
 * rejected value; and the exception's message names every broken field.
 */
class FieldMessagesInWordsTest {

    /** What a message would hold if it showed an expression. */
    private static final Pattern LOOKS_LIKE_A_REGEX = Pattern.compile("\\[[^\\]]*-[^\\]]*\\]|\\{\\d+,\\d*\\}|\\\\[dswp.]|\\^|\\$\"");
    private static final String BAD = "not an id! 555";

    private final CommandValidator validator = new CommandValidator();

    @AfterEach
    void close() {
        validator.close();
    }

    private BreakException refused(Object command) {
        return assertThrows(BreakException.class, () -> validator.validate(command));
    }

    private static FieldError at(BreakException error, String pointer) {
        return error.fieldErrors().stream().filter(e -> e.pointer().equals(pointer)).findFirst()
                .orElseThrow(() -> new AssertionError("no field error at " + pointer + " in " + error.fieldErrors()));
    }

    @Test
    void an_id_of_the_wrong_form_is_explained_in_words() {
        BreakException error = refused(new CreateContact("brand 1", "Jane", "jane@brand.com", Set.of(), null, null));

        FieldError brandId = at(error, "#/brandId");
        assertEquals("Pattern", brandId.constraint());
        assertEquals(Patterns.ID_MESSAGE, brandId.message());
        assertEquals("must be an id: 1 to 64 letters, digits, '.', '_' or '-'", brandId.message());
    }

    @Test
    void a_phone_number_of_the_wrong_form_is_explained_in_words() {
        BreakException error = refused(new CreateContact(null, "Jane", "jane@brand.com", Set.of(), null, "call me"));

        assertEquals(Patterns.PHONE_MESSAGE, at(error, "#/phone").message());
    }

    @Test
    void a_step_type_of_the_wrong_form_is_explained_in_words() {
        assertEquals(Patterns.STEP_TYPE, StepQuery.TYPE, "StepQuery.TYPE and Patterns.STEP_TYPE must stay one form");
        BreakException error = refused(new StepQuery(null, "ensure-commissions", null, 10));

        assertEquals(Patterns.STEP_TYPE_MESSAGE, at(error, "#/type").message());
    }

    @Test
    void an_entity_ref_with_a_bad_id_is_a_validation_failure_naming_the_id() {
        BreakException error = refused(new AddNote(EntityRef.of(EntityType.BRAND, BAD), "Hello", Visibility.values()[0]));

        assertEquals(ErrorCode.VALIDATION_FAILED, error.code());
        assertEquals(Patterns.ID_MESSAGE, at(error, "#/subject/id").message());
        assertTrue(error.getMessage().contains("#/subject/id: " + Patterns.ID_MESSAGE + " (Pattern)"), error.getMessage());
        assertFalse(error.getMessage().contains(BAD), error.getMessage());
    }

    @Test
    void the_talent_id_of_a_context_is_explained_as_an_id() {
        OperationContext context = OperationContext.of(Actor.talent("u-1", BAD));

        BreakException error = assertThrows(BreakException.class, () -> validator.validateContext(context));

        assertEquals(Patterns.ID_MESSAGE, at(error, "#/context/actor/talentId").message());
    }

    @Test
    void the_message_names_every_broken_field_and_no_value() {
        BreakException error = refused(new CreateContact(BAD, " ", "not-an-address " + BAD, Set.of(), null, BAD));

        String message = error.getMessage();
        assertTrue(message.startsWith("VALIDATION_FAILED/INVALID_INPUT: " + error.fieldErrors().size() + " fields are not valid. "),
                message);
        for (FieldError field : error.fieldErrors()) {
            assertTrue(message.contains(field.pointer() + ": " + field.message() + " (" + field.constraint() + ")"),
                    () -> field + " is not named in " + message);
        }
        assertFalse(message.contains(BAD), message);
        assertFalse(message.contains("555"), message);
    }

    /**
     * Every command and query of the driving ports, built with a bad value in every component: each field
     * error any constraint Break declares emits, custom ones included, reads in words.
     */
    @Test
    void no_field_message_of_any_command_shows_an_expression_or_the_value() throws Exception {
        List<Class<?>> records = portRecords();
        assertTrue(records.size() > 20, "found only " + records.size() + " command and query records: " + records);

        Set<String> messages = new TreeSet<>();
        int refusedCommands = 0;
        for (Class<?> type : records) {
            Object command = withBadValues(type);
            if (command == null) {
                continue;
            }
            try {
                validator.validate(command);
            } catch (BreakException error) {
                refusedCommands++;
                for (FieldError field : error.fieldErrors()) {
                    messages.add(field.constraint() + ": " + field.message());
                }
                assertFalse(error.getMessage().contains(BAD), error::getMessage);
            }
        }
        assertTrue(refusedCommands > 15, "only " + refusedCommands + " commands were refused");
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("Pattern: ")), messages::toString);
        List<String> unreadable = messages.stream()
                .filter(m -> LOOKS_LIKE_A_REGEX.matcher(m).find() || m.contains(BAD) || m.contains(Patterns.OTHER_FORM_MESSAGE))
                .collect(Collectors.toList());
        assertEquals(List.of(), unreadable, "field messages that show an expression or a value:\n" + String.join("\n", unreadable));
    }

    @Test
    void no_field_message_is_changed_by_redaction_where_it_is_shown() throws Exception {
        // a message that held an example address would reach every problem and log line as "[email]"
        for (Class<?> type : portRecords()) {
            Object command = withBadValues(type);
            if (command == null) {
                continue;
            }
            try {
                validator.validate(command);
            } catch (BreakException error) {
                for (FieldError field : error.fieldErrors()) {
                    assertEquals(field.message(), com.breakagency.ports.error.Redaction.redact(field.message()));
                }
            }
        }
    }

    @Test
    void the_regex_detector_sees_what_hibernate_validator_would_show() {
        assertTrue(LOOKS_LIKE_A_REGEX.matcher("must match \"[A-Za-z0-9._-]{1,64}\"").find());
        assertFalse(LOOKS_LIKE_A_REGEX.matcher(Patterns.ID_MESSAGE).find());
        assertFalse(LOOKS_LIKE_A_REGEX.matcher(Patterns.PHONE_MESSAGE).find());
    }

    /** A record built with a bad text in every String, an empty collection, -1 for numbers, null otherwise. */
    private static Object withBadValues(Class<?> type) throws ReflectiveOperationException {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = Stream.of(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Constructor<?> canonical = type.getDeclaredConstructor(types);
        Object[] values = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            Class<?> t = types[i];
            values[i] = t == String.class ? BAD
                    : t == int.class ? -1 : t == long.class ? -1L : t == boolean.class ? false
                    : t == Optional.class ? Optional.empty()
                    : t == List.class ? List.of(BAD) : t == Set.class ? Set.of(BAD)
                    : Collection.class.isAssignableFrom(t) ? List.of() : t == Map.class ? Map.of() : null;
        }
        try {
            return canonical.newInstance(values);
        } catch (InvocationTargetException refusedWhenMade) {
            return null;
        } catch (IllegalArgumentException wrongElementType) {
            return null;
        }
    }

    /** The records of the driving ports' packages, read from wherever break-ports' classes are. */
    private static List<Class<?>> portRecords() throws IOException, URISyntaxException, ClassNotFoundException {
        Path location = Path.of(Crm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> walk = Files.walk(location.resolve("com/breakagency/ports/api"))) {
                walk.map(p -> location.relativize(p).toString().replace('\\', '/')).forEach(names::add);
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                jar.stream().map(e -> e.getName()).filter(n -> n.startsWith("com/breakagency/ports/api/")).forEach(names::add);
            }
        }
        List<Class<?>> records = new ArrayList<>();
        for (String name : names) {
            if (name.endsWith(".class") && !name.contains("$")) {
                Class<?> type = Class.forName(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
                if (type.isRecord()) {
                    records.add(type);
                }
            }
        }
        return records;
    }
}
