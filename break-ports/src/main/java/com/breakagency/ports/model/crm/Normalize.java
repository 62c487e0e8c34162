package com.breakagency.ports.model.crm;

import java.util.Locale;

/**
 * The normal forms look-ups compare: core stores and queries normalized values, and every store matches
 * them exactly. Stateless.
 */
public final class Normalize {

    private Normalize() {
    }

    /**
     * An email address in normal form: surrounding space removed, lower case.
     *
     * @param email an address such as {@code " Jane@Brand.com "}
     * @return such as {@code jane@brand.com}
     */
    public static String email(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * A web or mail domain in normal form: surrounding space and a trailing dot removed, lower case.
     *
     * @param domain such as {@code " Brand.COM. "}
     * @return such as {@code brand.com}
     */
    public static String domain(String domain) {
        String d = domain.strip().toLowerCase(Locale.ROOT);
        return d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
    }

    /**
     * The domain of an email address, normalized.
     *
     * @param email an address
     * @return its domain, such as {@code brand.com} for {@code jane@Brand.com}
     * @throws IllegalArgumentException if the address has no {@code @}
     */
    public static String domainOf(String email) {
        String normal = email(email);
        int at = normal.lastIndexOf('@');
        if (at < 0 || at == normal.length() - 1) {
            throw new IllegalArgumentException("email must be an address with a domain after its '@'");
        }
        return domain(normal.substring(at + 1));
    }
}
