package com.breakagency.ports.validation;

import com.breakagency.ports.model.crm.Normalize;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link EmailAddress} in one linear pass over the normalized address. Stateless and thread-safe. */
public final class EmailAddressValidator implements ConstraintValidator<EmailAddress, String> {

    private static final String ATOM_SPECIALS = "!#$%&'*+/=?^_`{|}~-";

    /** Used by the validation provider. */
    public EmailAddressValidator() {
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || isEmailAddress(value);
    }

    /**
     * Whether a text is an email address as {@link EmailAddress} describes it.
     *
     * @param value a text
     * @return true for an address whose normal form fits the stores
     */
    public static boolean isEmailAddress(String value) {
        // bound the work first: surrounding space aside, nothing longer can be valid
        if (value.length() > 4 * InputLimits.MAX_EMAIL_LENGTH) {
            return false;
        }
        String normal = Normalize.email(value);
        if (normal.length() > InputLimits.MAX_EMAIL_LENGTH) {
            return false;
        }
        int at = normal.indexOf('@');
        if (at < 1 || at != normal.lastIndexOf('@') || at > InputLimits.MAX_EMAIL_LOCAL_PART_LENGTH) {
            return false;
        }
        return isLocalPart(normal, at) && DomainNameValidator.labels(normal.substring(at + 1), true) >= 1;
    }

    private static boolean isLocalPart(String normal, int end) {
        boolean afterDot = true; // no leading dot
        for (int i = 0; i < end; i++) {
            char c = normal.charAt(i);
            if (c == '.') {
                if (afterDot) {
                    return false;
                }
                afterDot = true;
                continue;
            }
            afterDot = false;
            if (Patterns.isAsciiLetterOrDigit(c) || ATOM_SPECIALS.indexOf(c) >= 0) {
                continue;
            }
            if (c > 0x7f && Patterns.isWordCodePoint(normal.codePointAt(i))) {
                if (Character.isHighSurrogate(c)) {
                    i++;
                }
                continue;
            }
            return false;
        }
        return !afterDot; // no trailing dot
    }
}
