package com.breakagency.ports.validation;

import com.breakagency.ports.model.Money;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link Amount}, reporting the violation at the money's {@code minorUnits}. Thread-safe. */
public final class AmountValidator implements ConstraintValidator<Amount, Money> {

    private long min;
    private long max;

    /** Used by the validation provider. */
    public AmountValidator() {
    }

    @Override
    public void initialize(Amount amount) {
        this.min = amount.min();
        this.max = amount.max();
    }

    @Override
    public boolean isValid(Money value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        long minor = value.minorUnits();
        if (minor >= min && minor <= max) {
            return true;
        }
        String message = minor > max ? "must be at most " + max + " minor units"
                : min == 1 ? "must be more than zero" : "must be at least " + min + " minor units";
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(message.replace("{", "\\{"))
                .addPropertyNode("minorUnits").addConstraintViolation();
        return false;
    }
}
