package com.breakagency.ports.validation;

/**
 * The forms of text the command records share, as regular expressions for their {@code @Pattern}
 * constraints and as linear scanners. Each expression bounds its input's length and has no nested
 * repetition, so matching takes time and stack linear in its (bounded) input. Domains and email
 * addresses are not regular expressions but the hand-written {@link DomainName} and {@link EmailAddress}
 * constraints.
 *
 * <p>A field error never shows an expression: {@link #message(String)} says in words what each form is
 * ({@link #ID_MESSAGE}, {@link #PHONE_MESSAGE}, {@link #STEP_TYPE_MESSAGE}).
 */
public final class Patterns {

    /** A phone number: 3 to 40 digits, spaces and {@code + - ( ) .}. */
    public static final String PHONE = "[0-9+() .-]{3,40}";

    /** An id: 1 to 64 ASCII letters, digits and {@code - _ .}; see {@link #isId(String)}. */
    public static final String ID = "[A-Za-z0-9._-]{1,64}";

    /** The longest id. */
    public static final int MAX_ID_LENGTH = 64;

    /** The type of a queued step: UPPER_SNAKE_CASE, 1 to 64 characters, such as {@code ENSURE_COMMISSIONS}. */
    public static final String STEP_TYPE = "[A-Z][A-Z0-9_]{0,63}";

    /** What a field error says of a text that is not an {@link #ID}. */
    public static final String ID_MESSAGE = "must be an id: 1 to 64 letters, digits, '.', '_' or '-'";

    /** What a field error says of a text that is not a {@link #PHONE} number. */
    public static final String PHONE_MESSAGE = "must be a phone number: 3 to 40 digits, spaces, '+', '-', '(', ')' or '.'";

    /** What a field error says of a text that is not a {@link #STEP_TYPE}. */
    public static final String STEP_TYPE_MESSAGE =
            "must be a step type: an upper-case letter, then up to 63 upper-case letters, digits or '_'";

    /** A redirect URI an OAuth provider sends the user back to: http or https, printable ASCII, no spaces. */
    public static final String REDIRECT_URI = "https?://[!-~]{1,1990}";

    /** What a field error says of a text that is not a {@link #REDIRECT_URI}. */
    public static final String REDIRECT_URI_MESSAGE =
            "must be an http or https URI of at most 1,997 printable characters without spaces";

    /** An authorization code a provider hands back: 1 to 2,048 printable ASCII characters, no spaces. */
    public static final String AUTHORIZATION_CODE = "[!-~]{1,2048}";

    /** What a field error says of a text that is not an {@link #AUTHORIZATION_CODE}. */
    public static final String AUTHORIZATION_CODE_MESSAGE =
            "must be an authorization code: 1 to 2,048 printable characters without spaces";

    /** What a field error says of a text that does not match an expression other than those above. */
    public static final String OTHER_FORM_MESSAGE = "is not of the form this field takes";

    private Patterns() {
    }

    /**
     * What a field error says of a text that does not match a {@code @Pattern} expression, in words: the
     * expression itself is never shown (it means nothing to most readers, and reads like a leak).
     *
     * @param regexp the expression of the {@code @Pattern} constraint, such as {@link #ID}
     * @return {@link #ID_MESSAGE}, {@link #PHONE_MESSAGE}, {@link #STEP_TYPE_MESSAGE},
     *         {@link #REDIRECT_URI_MESSAGE} or {@link #AUTHORIZATION_CODE_MESSAGE} for those forms,
     *         else {@link #OTHER_FORM_MESSAGE}
     */
    public static String message(String regexp) {
        if (ID.equals(regexp)) {
            return ID_MESSAGE;
        }
        if (PHONE.equals(regexp)) {
            return PHONE_MESSAGE;
        }
        if (STEP_TYPE.equals(regexp)) {
            return STEP_TYPE_MESSAGE;
        }
        if (REDIRECT_URI.equals(regexp)) {
            return REDIRECT_URI_MESSAGE;
        }
        if (AUTHORIZATION_CODE.equals(regexp)) {
            return AUTHORIZATION_CODE_MESSAGE;
        }
        return OTHER_FORM_MESSAGE;
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
