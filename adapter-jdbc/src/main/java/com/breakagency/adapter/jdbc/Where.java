package com.breakagency.adapter.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A WHERE clause built from the parts of a listing's filter that are present, with its parameters in
 * order. Clauses are fixed SQL from the stores; values only ever travel as parameters. Not thread-safe;
 * build one per statement.
 */
final class Where {

    /** The escape character of every LIKE pattern Break builds: not a backslash, which some settings treat specially. */
    static final char LIKE_ESCAPE = '!';

    private final List<String> clauses = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    /** Adds a clause with one parameter. */
    Where and(String clause, Object param) {
        clauses.add(clause);
        params.add(param);
        return this;
    }

    /** Adds a clause without parameters. */
    Where and(String clause) {
        clauses.add(clause);
        return this;
    }

    /** Adds "the column is one of these values"; the values must not be empty. */
    Where andIn(String column, List<?> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an IN list needs a value");
        }
        clauses.add(column + " IN (" + Sql.placeholders(values.size()) + ")");
        params.addAll(values);
        return this;
    }

    /** Adds a clause with one parameter when the value is present. */
    Where andIf(Optional<?> value, String clause) {
        value.ifPresent(v -> and(clause, v));
        return this;
    }

    /**
     * Adds "the folded name starts with this prefix, taken literally" when a prefix is present: both sides
     * are case-folded as {@link #fold(String)} does and {@code %} and {@code _} in the prefix are escaped.
     */
    Where andStartsWith(String foldedColumn, Optional<String> prefix) {
        prefix.ifPresent(p -> and(foldedColumn + " LIKE ? ESCAPE '" + LIKE_ESCAPE + "'", escapeLike(fold(p)) + "%"));
        return this;
    }

    /** {@code WHERE a AND b ...}, or nothing when no part is present. */
    String sql() {
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    /** The parameters, in the order of the clauses, with any extra ones after them. */
    List<Object> params(Object... extra) {
        List<Object> all = new ArrayList<>(params);
        all.addAll(List.of(extra));
        return all;
    }

    /**
     * Text with the case of every character folded, so that two strings are equal after folding exactly
     * when {@link String#regionMatches(boolean, int, String, int, int)} with {@code ignoreCase} calls them
     * equal: each code point becomes the lower case of its upper case. Folding keeps the length, so a
     * folded prefix is a prefix of the folded text.
     */
    static String fold(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> folded.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp))));
        return folded.toString();
    }

    /** A LIKE pattern that matches the text literally. */
    static String escapeLike(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '_' || c == LIKE_ESCAPE) {
                escaped.append(LIKE_ESCAPE);
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
