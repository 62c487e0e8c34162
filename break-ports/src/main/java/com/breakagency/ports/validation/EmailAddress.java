package com.breakagency.ports.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The annotated string is an email address {@code local@domain}, optionally with surrounding space, whose
 * normal form ({@code Normalize.email}: stripped, lower case) has at most
 * {@link InputLimits#MAX_EMAIL_LENGTH} characters, a local part of at most
 * {@link InputLimits#MAX_EMAIL_LOCAL_PART_LENGTH}, and whose domain is one or more labels of letters,
 * digits and inner hyphens. The local part is dot-separated atoms of letters, digits and
 * {@code !#$%&'*+/=?^_`{|}~-}; quoted local parts and address literals are not accepted. Lengths are
 * measured after normalization, because lower case can be longer ({@code İ} becomes two characters).
 * Checked by a linear scan, no regular expression. Null is valid; combine with {@code @NotNull} or
 * {@code @NotBlank} where required.
 */
@Documented
@Constraint(validatedBy = EmailAddressValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface EmailAddress {

    /**
     * The message.
     *
     * @return the message
     */
    String message() default "must be an email address: a name, then @, then a domain such as brand.com; at most 254 characters in lower case";

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
