package com.breakagency.ports.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Currency;

/** Checks {@link CurrencyCode}. Stateless and thread-safe. */
public final class CurrencyCodeValidator implements ConstraintValidator<CurrencyCode, String> {

    /** Used by the validation provider. */
    public CurrencyCodeValidator() {
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        if (value.length() != 3) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            char c = value.charAt(i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        try {
            return Currency.getInstance(value).getDefaultFractionDigits() >= 0;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }
}
