package com.breakagency.core.boundary;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Validates commands with Hibernate Validator and turns violations into sorted {@link FieldError}s.
 *
 * <p>Uses the parameter message interpolator, so no expression-language implementation is needed and
 * no rejected value can be interpolated into a message. One instance per {@code BreakAgency}; close it
 * with the agency. Thread-safe.
 */
public final class CommandValidator implements AutoCloseable {

    private final ValidatorFactory factory;
    private final Validator validator;

    /** Builds the validator factory. */
    public CommandValidator() {
        this.factory = Validation.byProvider(HibernateValidator.class)
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
        this.validator = factory.getValidator();
    }

    /**
     * Checks a command.
     *
     * @param command the command; null is itself a violation
     * @throws BreakException VALIDATION_FAILED with the field errors sorted by pointer
     */
    public void validate(Object command) {
        if (command == null) {
            throw BreakException.validation(List.of(new FieldError("#", "NotNull", "must not be null")));
        }
        Set<ConstraintViolation<Object>> violations = validator.validate(command);
        if (violations.isEmpty()) {
            return;
        }
        List<FieldError> errors = new ArrayList<>(violations.size());
        for (ConstraintViolation<Object> violation : violations) {
            errors.add(new FieldError(pointer(violation.getPropertyPath()),
                    violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
                    violation.getMessage()));
        }
        throw BreakException.validation(errors);
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
