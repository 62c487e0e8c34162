package com.breakagency.adapter.jdbc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON text Break keeps small collections in (a brand's tags, a talent's social handles, an audit
 * event's roles and changes): arrays of strings, objects of strings, and arrays of such objects. Readable
 * in SQL ({@code tags::jsonb} on PostgreSQL) and portable to any database; values that must be unique live
 * in child tables instead. Writes compact JSON with only {@code "}, {@code \} and control characters
 * escaped; reads any JSON of those shapes. Stateless.
 */
final class JsonText {

    private JsonText() {
    }

    /** {@code ["a","b"]}, in the collection's order. */
    static String strings(Collection<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (String value : values) {
            if (out.length() > 1) {
                out.append(',');
            }
            quote(out, value);
        }
        return out.append(']').toString();
    }

    /** {@code {"k":"v"}}, in the map's order. */
    static String object(Map<String, String> map) {
        StringBuilder out = new StringBuilder();
        object(out, map);
        return out.toString();
    }

    /** {@code [{"k":"v"},{"k":"w"}]}, in the list's order. */
    static String objects(List<Map<String, String>> maps) {
        StringBuilder out = new StringBuilder("[");
        for (Map<String, String> map : maps) {
            if (out.length() > 1) {
                out.append(',');
            }
            object(out, map);
        }
        return out.append(']').toString();
    }

    /** Reads an array of strings. */
    static List<String> parseStrings(String json) {
        List<String> out = new ArrayList<>();
        for (Object item : asList(new Reader(json).document())) {
            out.add(asString(item));
        }
        return out;
    }

    /** Reads an object of strings, keeping the order of its members. */
    static Map<String, String> parseObject(String json) {
        return asStringMap(new Reader(json).document());
    }

    /** Reads an array of objects of strings. */
    static List<Map<String, String>> parseObjects(String json) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Object item : asList(new Reader(json).document())) {
            out.add(asStringMap(item));
        }
        return out;
    }

    private static void object(StringBuilder out, Map<String, String> map) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, String> entry : map.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            quote(out, entry.getKey());
            out.append(':');
            quote(out, entry.getValue());
        }
        out.append('}');
    }

    private static void quote(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private static List<?> asList(Object value) {
        if (!(value instanceof List)) {
            throw new IllegalStateException("stored JSON is not an array");
        }
        return (List<?>) value;
    }

    private static String asString(Object value) {
        if (!(value instanceof String)) {
            throw new IllegalStateException("stored JSON holds something other than a string");
        }
        return (String) value;
    }

    private static Map<String, String> asStringMap(Object value) {
        if (!(value instanceof Map)) {
            throw new IllegalStateException("stored JSON is not an object");
        }
        Map<String, String> out = new LinkedHashMap<>();
        ((Map<?, ?>) value).forEach((k, v) -> out.put((String) k, asString(v)));
        return out;
    }

    /** Reads strings, arrays and objects; anything else is refused. */
    private static final class Reader {
        private final String text;
        private int at;

        Reader(String text) {
            this.text = text;
        }

        Object document() {
            Object value = value();
            skipSpace();
            if (at != text.length()) {
                throw malformed();
            }
            return value;
        }

        private Object value() {
            skipSpace();
            if (at >= text.length()) {
                throw malformed();
            }
            char c = text.charAt(at);
            if (c == '"') {
                return string();
            }
            if (c == '[') {
                return array();
            }
            if (c == '{') {
                return object();
            }
            throw malformed();
        }

        private List<Object> array() {
            List<Object> items = new ArrayList<>();
            at++;
            skipSpace();
            if (peek() == ']') {
                at++;
                return items;
            }
            while (true) {
                items.add(value());
                skipSpace();
                char c = next();
                if (c == ']') {
                    return items;
                }
                if (c != ',') {
                    throw malformed();
                }
            }
        }

        private Map<String, Object> object() {
            Map<String, Object> members = new LinkedHashMap<>();
            at++;
            skipSpace();
            if (peek() == '}') {
                at++;
                return members;
            }
            while (true) {
                skipSpace();
                if (peek() != '"') {
                    throw malformed();
                }
                String key = string();
                skipSpace();
                if (next() != ':') {
                    throw malformed();
                }
                members.put(key, value());
                skipSpace();
                char c = next();
                if (c == '}') {
                    return members;
                }
                if (c != ',') {
                    throw malformed();
                }
            }
        }

        private String string() {
            StringBuilder out = new StringBuilder();
            at++;
            while (true) {
                char c = next();
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char escaped = next();
                switch (escaped) {
                    case '"':
                    case '\\':
                    case '/':
                        out.append(escaped);
                        break;
                    case 'b':
                        out.append('\b');
                        break;
                    case 'f':
                        out.append('\f');
                        break;
                    case 'n':
                        out.append('\n');
                        break;
                    case 'r':
                        out.append('\r');
                        break;
                    case 't':
                        out.append('\t');
                        break;
                    case 'u':
                        if (at + 4 > text.length()) {
                            throw malformed();
                        }
                        try {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        } catch (NumberFormatException e) {
                            throw malformed();
                        }
                        at += 4;
                        break;
                    default:
                        throw malformed();
                }
            }
        }

        private void skipSpace() {
            while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\n'
                    || text.charAt(at) == '\r' || text.charAt(at) == '\t')) {
                at++;
            }
        }

        private char peek() {
            return at < text.length() ? text.charAt(at) : 0;
        }

        private char next() {
            if (at >= text.length()) {
                throw malformed();
            }
            return text.charAt(at++);
        }

        private IllegalStateException malformed() {
            return new IllegalStateException("stored JSON is malformed at character " + at);
        }
    }
}
