package com.breakagency.ports.validation;

import java.util.Optional;

/**
 * What every text Break keeps must be (see {@link InputLimits}): well-formed UTF-16 without control
 * characters. One pass over the text, no regular expression. Stateless.
 */
public final class Texts {

    /** The constraint name of a field error for a lone surrogate. */
    public static final String WELL_FORMED = "WellFormedText";

    /** The constraint name of a field error for a control character. */
    public static final String NO_CONTROL_CHARACTERS = "NoControlCharacters";

    private Texts() {
    }

    /**
     * Why a text cannot be kept, if it cannot.
     *
     * @param text      the text
     * @param multiline whether line feeds, carriage returns and tabs are allowed ({@link Multiline})
     * @return {@link #WELL_FORMED} for a lone surrogate, {@link #NO_CONTROL_CHARACTERS} for a control
     *         character (NUL, C0 and C1 controls, DEL, U+2028, U+2029), empty for a text every store keeps
     */
    public static Optional<String> problem(String text, boolean multiline) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of(WELL_FORMED);
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of(WELL_FORMED);
            }
            if (isForbidden(c, multiline)) {
                return Optional.of(NO_CONTROL_CHARACTERS);
            }
        }
        return Optional.empty();
    }

    /**
     * The message of a field error for a problem {@link #problem} found; it never repeats the text.
     *
     * @param problem   the constraint name
     * @param multiline whether the component allows line breaks
     * @return the message
     */
    public static String message(String problem, boolean multiline) {
        if (WELL_FORMED.equals(problem)) {
            return "must be well-formed Unicode text (no lone surrogate)";
        }
        return multiline
                ? "must not contain control characters other than line breaks and tabs"
                : "must not contain control characters, line breaks or tabs";
    }

    private static boolean isForbidden(char c, boolean multiline) {
        if (c == '\n' || c == '\r' || c == '\t') {
            return !multiline;
        }
        return Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029';
    }
}
