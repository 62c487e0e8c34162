package com.breakagency.ports.validation;

/** Regular expressions the command records share. */
public final class Patterns {

    /** A DNS domain of two or more labels, optionally with surrounding space and a trailing dot. */
    public static final String DOMAIN =
            "\\s*[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+\\.?\\s*";

    /** A phone number: digits, spaces and {@code + - ( ) .}. */
    public static final String PHONE = "[0-9+() .-]{3,40}";

    /** An id: letters, digits, {@code - _ .}. */
    public static final String ID = "[A-Za-z0-9._-]{1,64}";

    private Patterns() {
    }
}
