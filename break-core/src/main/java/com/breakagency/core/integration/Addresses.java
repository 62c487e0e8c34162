package com.breakagency.core.integration;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Addresses out of mail headers, normalized (trimmed, lower case), in one pass over the text. */
final class Addresses {

    private static final int MAX_ADDRESS = 254;

    private Addresses() {
    }

    /**
     * The addresses of a header such as {@code "Ana, L." <Ana@Brand.example>, bob@x.example}: each
     * comma-separated mailbox outside quotes, the part in angle brackets if it has one, else the bare word
     * with an {@code @}. What is not an address is left out.
     */
    static Set<String> parse(Optional<String> header) {
        Set<String> out = new LinkedHashSet<>();
        if (header.isEmpty()) {
            return out;
        }
        String text = header.get();
        StringBuilder current = new StringBuilder();
        StringBuilder angle = null;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '<') {
                angle = new StringBuilder();
            } else if (!quoted && c == '>' && angle != null) {
                current.setLength(0);
                current.append(angle);
                angle = null;
            } else if (!quoted && c == ',') {
                add(out, angle != null ? angle : current);
                current.setLength(0);
                angle = null;
            } else if (angle != null) {
                angle.append(c);
            } else if (!quoted) {
                current.append(c);
            }
        }
        add(out, angle != null ? angle : current);
        return out;
    }

    private static void add(Set<String> out, CharSequence candidate) {
        String word = null;
        for (String part : candidate.toString().trim().split("\\s+")) {
            if (part.indexOf('@') > 0) {
                word = part;
            }
        }
        normalize(word).ifPresent(out::add);
    }

    /** An address normalized, if it is one: one {@code @} with text on both sides, and a dot in the domain. */
    static Optional<String> normalize(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String a = address.trim().toLowerCase(Locale.ROOT);
        int at = a.indexOf('@');
        if (at < 1 || at != a.lastIndexOf('@') || at == a.length() - 1 || a.length() > MAX_ADDRESS
                || a.indexOf('.', at) < 0) {
            return Optional.empty();
        }
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) <= ' ' || a.charAt(i) == 0x7f) {
                return Optional.empty();
            }
        }
        return Optional.of(a);
    }

    /**
     * The display name of a header's first mailbox, such as {@code Ana, L.} of {@code "Ana, L." <ana@x.example>}:
     * the text before its angle brackets, quotes and backslash escapes removed, runs of space (and control
     * characters) made one space; empty if it has no angle brackets or the name is blank.
     */
    static Optional<String> displayName(Optional<String> header) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String text = header.get();
        StringBuilder name = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && quoted && i + 1 < text.length()) {
                name.append(text.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '<') {
                String n = name.toString().replaceAll("[\\s\\p{Cntrl}]+", " ").strip();
                return n.isEmpty() ? Optional.empty() : Optional.of(n);
            } else if (!quoted && c == ',') {
                return Optional.empty();
            } else {
                name.append(c);
            }
        }
        return Optional.empty();
    }

    /** The domain of a normalized address. */
    static String domain(String address) {
        return address.substring(address.indexOf('@') + 1);
    }
}
