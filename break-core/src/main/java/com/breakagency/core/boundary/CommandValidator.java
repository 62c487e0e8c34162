package com.breakagency.core.boundary;

import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.FieldError;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.validation.InputLimits;
import com.breakagency.ports.validation.Multiline;
import com.breakagency.ports.validation.Patterns;
import com.breakagency.ports.validation.Texts;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Pattern;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Validates commands with Hibernate Validator and turns violations into sorted {@link FieldError}s.
 *
 * <p>After the record's own constraints, every command is walked (records recursively, collections,
 * maps with their keys, {@code Optional}s, arrays) for what every store can keep, so that a command
 * added later is covered without annotations of its own: each text well-formed and free of control
 * characters (line breaks and tabs only where a component is {@link Multiline}), each date, instant and
 * amount inside {@link InputLimits}. {@link #validateContext} checks the caller's context the same way.
 *
 * <p>Uses the parameter message interpolator, so no expression-language implementation is needed and
 * no rejected value can be interpolated into a message; the message of a {@code @Pattern} is replaced by
 * one that says the form in words ({@link Patterns#message(String)}), never the expression. One instance per {@code BreakAgency}; close it with the agency.
 * Thread-safe.
 */
public final class CommandValidator implements AutoCloseable {

    private static final String USER_ID_POINTER = "#/context/actor/userId";
    private static final String AMOUNT_MESSAGE = "must be at most " + InputLimits.MAX_MINOR_UNITS + " minor units";
    private static final String DATE_MESSAGE = "must be a date from 0001-01-01 to 9999-12-31";
    private static final String INSTANT_MESSAGE = "must be an instant from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z";
    private static final int MAX_DEPTH = 16;

    private final ValidatorFactory factory;
    private final Validator validator;

    /** The message a {@code @Pattern} has when its declaration gives none. */
    private static final String DEFAULT_PATTERN_MESSAGE = "{jakarta.validation.constraints.Pattern.message}";

    /** Builds the validator factory. */
    public CommandValidator() {
        this.factory = Validation.byProvider(HibernateValidator.class)
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
        this.validator = factory.getValidator();
    }

    /**
     * Checks a command: its constraint annotations, then every value it holds against
     * {@link InputLimits}.
     *
     * @param command the command; null is itself a violation
     * @throws BreakException VALIDATION_FAILED with the field errors sorted by pointer
     */
    public void validate(Object command) {
        if (command == null) {
            throw BreakException.validation(List.of(new FieldError("#", "NotNull", "must not be null")));
        }
        Set<FieldError> errors = new LinkedHashSet<>();
        for (ConstraintViolation<Object> violation : validator.validate(command)) {
            Class<?> constraint = violation.getConstraintDescriptor().getAnnotation().annotationType();
            // a pattern speaks in the words its annotation gives, else in the words Patterns keeps for it
            String message = violation.getConstraintDescriptor().getAnnotation() instanceof Pattern pattern
                    && pattern.message().equals(DEFAULT_PATTERN_MESSAGE)
                    ? Patterns.message(pattern.regexp()) : violation.getMessage();
            errors.add(new FieldError(pointer(violation.getPropertyPath()), constraint.getSimpleName(), message));
        }
        walk(command, "#", false, 0, errors);
        if (!errors.isEmpty()) {
            throw BreakException.validation(List.copyOf(errors));
        }
    }

    /**
     * Checks the caller's context, which no annotation covers: the actor's user id (at most
     * {@link InputLimits#MAX_USER_ID_LENGTH} characters of well-formed text without control characters),
     * its talent and brand ids ({@link Patterns#ID}). The correlation id is checked when the context is
     * made. Errors point into the context: {@code #/context/actor/userId}.
     *
     * @param context the context, not null
     * @throws BreakException VALIDATION_FAILED with the field errors sorted by pointer
     */
    public void validateContext(OperationContext context) {
        Actor actor = context.actor();
        List<FieldError> errors = new ArrayList<>();
        String userId = actor.userId();
        if (userId.length() > InputLimits.MAX_USER_ID_LENGTH) {
            errors.add(new FieldError(USER_ID_POINTER, "Size",
                    "size must be between 1 and " + InputLimits.MAX_USER_ID_LENGTH));
        } else {
            Texts.problem(userId, false).ifPresent(problem ->
                    errors.add(new FieldError(USER_ID_POINTER, problem, Texts.message(problem, false))));
        }
        actor.talentId().filter(id -> !Patterns.isId(id)).ifPresent(id ->
                errors.add(new FieldError("#/context/actor/talentId", "Pattern", Patterns.ID_MESSAGE)));
        actor.brandId().filter(id -> !Patterns.isId(id)).ifPresent(id ->
                errors.add(new FieldError("#/context/actor/brandId", "Pattern", Patterns.ID_MESSAGE)));
        if (!errors.isEmpty()) {
            throw BreakException.validation(errors);
        }
    }

    /**
     * Checks every value reachable from one against {@link InputLimits}.
     *
     * @param value     the value
     * @param pointer   where it is
     * @param multiline whether texts here may hold line breaks and tabs
     * @param depth     how deep the walk is, bounded against pathological nesting
     * @param errors    what is found
     */
    private static void walk(Object value, String pointer, boolean multiline, int depth, Set<FieldError> errors) {
        if (value == null || value instanceof Enum<?> || value instanceof Boolean) {
            return;
        }
        if (depth > MAX_DEPTH) {
            errors.add(new FieldError(pointer, "Depth", "is nested too deeply"));
            return;
        }
        if (value instanceof String || value instanceof Character) {
            String text = value.toString();
            Texts.problem(text, multiline).ifPresent(problem ->
                    errors.add(new FieldError(pointer, problem, Texts.message(problem, multiline))));
        } else if (value instanceof Money money) {
            long minor = money.minorUnits();
            if (minor > InputLimits.MAX_MINOR_UNITS || minor < -InputLimits.MAX_MINOR_UNITS) {
                errors.add(new FieldError(pointer + "/minorUnits", "Amount", AMOUNT_MESSAGE));
            }
        } else if (value instanceof LocalDate date) {
            if (date.isBefore(InputLimits.MIN_DATE) || date.isAfter(InputLimits.MAX_DATE)) {
                errors.add(new FieldError(pointer, "DateRange", DATE_MESSAGE));
            }
        } else if (value instanceof Instant instant) {
            checkInstant(instant, pointer, errors);
        } else if (value instanceof OffsetDateTime time) {
            checkInstant(time.toInstant(), pointer, errors);
        } else if (value instanceof ZonedDateTime time) {
            checkInstant(time.toInstant(), pointer, errors);
        } else if (value instanceof LocalDateTime time) {
            LocalDate date = time.toLocalDate();
            if (date.isBefore(InputLimits.MIN_DATE) || date.isAfter(InputLimits.MAX_DATE)) {
                errors.add(new FieldError(pointer, "DateRange", DATE_MESSAGE));
            }
        } else if (value instanceof Optional<?> optional) {
            optional.ifPresent(inner -> walk(inner, pointer, multiline, depth + 1, errors));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), pointer + "/" + i, multiline, depth + 1, errors);
            }
        } else if (value instanceof Collection<?> collection) {
            // a set's members have no index: errors point at the set, as the constraint annotations' do
            for (Object member : collection) {
                walk(member, pointer, multiline, depth + 1, errors);
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                walk(entry.getKey(), pointer, false, depth + 1, errors);
                String key = entry.getKey() instanceof String k && Texts.problem(k, false).isEmpty()
                        && k.length() <= Patterns.MAX_ID_LENGTH ? escape(k) : "<key>";
                walk(entry.getValue(), pointer + "/" + key, multiline, depth + 1, errors);
            }
        } else if (value.getClass().isArray()) {
            int length = Array.getLength(value);
            for (int i = 0; i < length; i++) {
                walk(Array.get(value, i), pointer + "/" + i, multiline, depth + 1, errors);
            }
        } else if (value instanceof Record) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                walk(read(value, component), pointer + "/" + escape(component.getName()),
                        component.isAnnotationPresent(Multiline.class), depth + 1, errors);
            }
        }
        // anything else (a number, a Currency, a Duration) holds nothing a store could not keep: plain
        // amounts are bounded where they are declared, with @Max(InputLimits.MAX_MINOR_UNITS)
    }

    private static void checkInstant(Instant instant, String pointer, Set<FieldError> errors) {
        if (instant.isBefore(InputLimits.MIN_INSTANT) || instant.isAfter(InputLimits.MAX_INSTANT)) {
            errors.add(new FieldError(pointer, "InstantRange", INSTANT_MESSAGE));
        }
    }

    private static Object read(Object record, RecordComponent component) {
        Method accessor = component.getAccessor();
        try {
            if (!accessor.canAccess(record)) {
                accessor.setAccessible(true);
            }
            return accessor.invoke(record);
        } catch (IllegalAccessException | RuntimeException unreadable) {
            throw new IllegalStateException("cannot read component " + component.getName() + " of "
                    + record.getClass().getName() + " to validate it", unreadable);
        } catch (InvocationTargetException failed) {
            throw new IllegalStateException("the accessor of " + component.getName() + " of "
                    + record.getClass().getName() + " failed", failed.getCause());
        }
    }

    /**
     * A property path as a JSON pointer in URI fragment form.
     *
     * @param path the violation's path
     * @return such as {@code #/lines/0/amount}
     */
    static String pointer(Path path) {
        StringBuilder pointer = new StringBuilder("#");
        for (Path.Node node : path) {
            if (node.isInIterable()) {
                Object key = node.getIndex() != null ? node.getIndex() : node.getKey();
                if (key != null) {
                    pointer.append('/').append(escape(String.valueOf(key)));
                }
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                pointer.append('/').append(escape(name));
            }
        }
        return pointer.toString();
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    @Override
    public void close() {
        factory.close();
    }
}
