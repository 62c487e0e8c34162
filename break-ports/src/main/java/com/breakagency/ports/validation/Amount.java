package com.breakagency.ports.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The annotated {@link com.breakagency.ports.model.Money} is an amount from {@link #min()} to
 * {@link #max()} minor units. Its currency needs no check: a {@code Money} holds only an ISO 4217 currency
 * with minor units. A violation points at the amount, such as {@code #/amount/minorUnits}. Null is valid;
 * combine with {@code @NotNull} where required.
 */
@Documented
@Constraint(validatedBy = AmountValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Amount {

    /**
     * The least amount allowed, in minor units.
     *
     * @return the minimum; defaults to zero
     */
    long min() default 0;

    /**
     * The greatest amount allowed, in minor units.
     *
     * @return the maximum; defaults to {@link InputLimits#MAX_MINOR_UNITS}
     */
    long max() default InputLimits.MAX_MINOR_UNITS;

    /**
     * The message, used for an amount below the minimum; an amount above the maximum says so.
     *
     * @return the message
     */
    String message() default "must be at least {min} minor units";

    /**
     * Validation groups.
     *
     * @return the groups
     */
    Class<?>[] groups() default {};

    /**
     * Payload.
     *
     * @return the payload
     */
    Class<? extends Payload>[] payload() default {};
}
