package com.breakagency.ports.error;

import java.util.Objects;

/**
 * One broken constraint of a command. Never carries the rejected value: input may hold an email
 * address or a secret.
 *
 * @param pointer    where, as a JSON pointer in URI fragment form: {@code #/lines/0/amount}; {@code #} is the whole
 *        command
 * @param constraint the constraint's simple name, such as {@code NotBlank} or {@code Size}
 * @param message    what is wrong, in plain words
 */
public record FieldError(String pointer, String constraint, String message) implements Comparable<FieldError> {

    /**
     * Validates.
     *
     * @param pointer where, as a JSON pointer in URI fragment form: {@code #/lines/0/amount}; {@code #} is the whole
     *        command
     * @param constraint the constraint's simple name, such as {@code NotBlank} or {@code Size}
     * @param message what is wrong, in plain words
     * @throws IllegalArgumentException if the pointer does not start with {@code #}
     */
    public FieldError {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(constraint, "constraint");
        Objects.requireNonNull(message, "message");
        if (!pointer.startsWith("#")) {
            throw new IllegalArgumentException("pointer must be a URI fragment JSON pointer starting with '#'");
        }
    }

    /** Orders by pointer, then constraint, so the same input always yields the same list. */
    @Override
    public int compareTo(FieldError other) {
        int byPointer = pointer.compareTo(other.pointer);
        return byPointer != 0 ? byPointer : constraint.compareTo(other.constraint);
    }
}
