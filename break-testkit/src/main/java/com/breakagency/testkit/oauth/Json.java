package com.breakagency.testkit.oauth;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The little JSON the fake needs: writing a flat object, reading one (strings, numbers, booleans, null).
 * Nested values are refused, which is all an OAuth token response holds.
 */
final class Json {

    private Json() {
    }

    static String write(Map<String, ?> object) {
        StringBuilder out = new StringBuilder("{");
        String separator = "";
        for (Map.Entry<String, ?> entry : object.entrySet()) {
            out.append(separator).append(quote(entry.getKey())).append(':');
            Object value = entry.getValue();
            if (value == null || value instanceof Number || value instanceof Boolean) {
                out.append(value);
            } else {
                out.append(quote(value.toString()));
            }
            separator = ",";
        }
        return out.append('}').toString();
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * Reads a flat object.
     *
     * @throws IllegalArgumentException if the text is not one
     */
    static Map<String, Object> read(String text) {
        Reader reader = new Reader(text);
        Map<String, Object> object = reader.object();
        reader.skipSpace();
        if (reader.at < text.length()) {
            throw new IllegalArgumentException("text after the JSON object");
        }
        return object;
    }

    private static final class Reader {
        private final String text;
        private int at;

        Reader(String text) {
            this.text = text;
        }

        Map<String, Object> object() {
            Map<String, Object> out = new LinkedHashMap<>();
            skipSpace();
            expect('{');
            skipSpace();
            if (peek() == '}') {
                at++;
                return out;
            }
            while (true) {
                skipSpace();
                String key = string();
                skipSpace();
                expect(':');
                skipSpace();
                out.put(key, value());
                skipSpace();
                char next = next();
                if (next == '}') {
                    return out;
                }
                if (next != ',') {
                    throw new IllegalArgumentException("expected , or } at " + at);
                }
            }
        }

        Object value() {
            char c = peek();
            if (c == '"') {
                return string();
            }
            if (text.startsWith("true", at)) {
                at += 4;
                return Boolean.TRUE;
            }
            if (text.startsWith("false", at)) {
                at += 5;
                return Boolean.FALSE;
            }
            if (text.startsWith("null", at)) {
                at += 4;
                return null;
            }
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            if (start == at) {
                throw new IllegalArgumentException("unexpected character at " + at);
            }
            String number = text.substring(start, at);
            return number.matches("-?\\d{1,18}") ? (Object) Long.parseLong(number) : (Object) Double.parseDouble(number);
        }

        String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    char escaped = next();
                    switch (escaped) {
                        case 'n' -> out.append('\n');
                        case 'r' -> out.append('\r');
                        case 't' -> out.append('\t');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            if (at + 4 > text.length()) {
                                throw new IllegalArgumentException("short unicode escape");
                            }
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> out.append(escaped);
                    }
                } else {
                    out.append(c);
                }
            }
        }

        void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private char peek() {
            if (at >= text.length()) {
                throw new IllegalArgumentException("unexpected end of JSON");
            }
            return text.charAt(at);
        }

        private char next() {
            char c = peek();
            at++;
            return c;
        }

        private void expect(char c) {
            if (next() != c) {
                throw new IllegalArgumentException("expected " + c + " at " + (at - 1));
            }
        }
    }
}
