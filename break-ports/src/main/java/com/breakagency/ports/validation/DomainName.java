package com.breakagency.ports.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The annotated string is a DNS domain of two or more labels of ASCII letters, digits and inner hyphens
 * (such as {@code brand.co.uk}), optionally with surrounding space and a trailing dot, whose normal form
 * ({@code Normalize.domain}: stripped, lower case, no trailing dot) has at most
 * {@link InputLimits#MAX_DOMAIN_LENGTH} characters and labels of at most
 * {@link InputLimits#MAX_DOMAIN_LABEL_LENGTH}. Checked by a linear scan, no regular expression. Null is
 * valid; combine with {@code @NotNull} where required.
 */
@Documented
@Constraint(validatedBy = DomainNameValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface DomainName {

    /**
     * The message.
     *
     * @return the message
     */
    String message() default "must be a domain name such as brand.com, at most 253 characters";

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
