package com.breakagency.core.boundary;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named driving-port operation, such as {@code crm.createBrand}: the unit the policy table authorizes
 * and the name the MDC, logs and reports carry.
 *
 * @param name {@code context.verbNoun}: lower-case context, a dot, a camel-case verb phrase
 */
public record Operation(String name) {

    private static final Pattern NAME = Pattern.compile("[a-z]+\\.[a-z][A-Za-z]*");

    /**
     * Validates the name.
     *
     * @throws IllegalArgumentException if the name is not of the documented form
     */
    public Operation {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("operation name must look like 'crm.createBrand': " + name);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
