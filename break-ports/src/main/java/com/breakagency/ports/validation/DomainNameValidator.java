package com.breakagency.ports.validation;

import com.breakagency.ports.model.crm.Normalize;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link DomainName} in one linear pass. Stateless and thread-safe. */
public final class DomainNameValidator implements ConstraintValidator<DomainName, String> {

    /** Used by the validation provider. */
    public DomainNameValidator() {
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || isDomainName(value);
    }

    /**
     * Whether a text is a domain name as {@link DomainName} describes it.
     *
     * @param value a text
     * @return true for a domain of two or more ASCII labels, at most 253 characters in normal form
     */
    public static boolean isDomainName(String value) {
        // bound the work first: surrounding space aside, nothing longer can be valid
        if (value.length() > 4 * InputLimits.MAX_DOMAIN_LENGTH) {
            return false;
        }
        String normal = Normalize.domain(value);
        return normal.length() <= InputLimits.MAX_DOMAIN_LENGTH && labels(normal, false) >= 2;
    }

    /**
     * The number of labels of a normalized domain, or -1 when it is not one: labels of 1 to 63 letters,
     * digits and inner hyphens, separated by single dots.
     *
     * @param domain  a normalized domain (no surrounding space, no trailing dot)
     * @param unicode whether letters and digits beyond ASCII are allowed (internationalized domains)
     * @return the label count, or -1
     */
    static int labels(String domain, boolean unicode) {
        int labels = 0;
        int start = 0;
        int n = domain.length();
        if (n == 0) {
            return -1;
        }
        for (int i = 0; i <= n; i++) {
            if (i == n || domain.charAt(i) == '.') {
                int length = i - start;
                if (length < 1 || length > InputLimits.MAX_DOMAIN_LABEL_LENGTH
                        || domain.charAt(start) == '-' || domain.charAt(i - 1) == '-') {
                    return -1;
                }
                labels++;
                start = i + 1;
            } else {
                char c = domain.charAt(i);
                boolean ok = Patterns.isAsciiLetterOrDigit(c) || c == '-'
                        || (unicode && c > 0x7f && Patterns.isWordCodePoint(domain.codePointAt(i)));
                if (!ok) {
                    return -1;
                }
                if (Character.isHighSurrogate(c)) {
                    i++; // the pair was checked as one code point
                }
            }
        }
        return labels;
    }
}
