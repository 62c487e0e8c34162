package com.breakagency.ports.validation;

/**
 * The forms of text the command records share, as regular expressions for their {@code @Pattern}
 * constraints and as linear scanners. Each expression bounds its input's length and has no nested
 * repetition, so matching takes time and stack linear in its (bounded) input. Domains and email
 * addresses are not regular expressions but the hand-written {@link DomainName} and {@link EmailAddress}
 * constraints.
 */
public final class Patterns {

    /** A phone number: 3 to 40 digits, spaces and {@code + - ( ) .}. */
    public static final String PHONE = "[0-9+() .-]{3,40}";

    /** An id: 1 to 64 ASCII letters, digits and {@code - _ .}; see {@link #isId(String)}. */
    public static final String ID = "[A-Za-z0-9._-]{1,64}";

    /** The longest id. */
    public static final int MAX_ID_LENGTH = 64;

    private Patterns() {
    }

    /**
     * Whether a text is an id of the form {@link #ID}, in time linear in at most its first 65 characters.
     *
     * @param text a text, possibly null
     * @return true for an id
     */
    public static boolean isId(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(isAsciiLetterOrDigit(c) || c == '.' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** A letter, digit or combining mark beyond ASCII, as internationalized addresses hold them. */
    static boolean isWordCodePoint(int cp) {
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
