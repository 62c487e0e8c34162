package com.breakagency.ports.error;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one redaction every text passes before it leaves Break: in a log line, an MDC value, a problem,
 * an error report, a stored step error or a diagnostics answer. The boundary uses it, and so does every
 * reporting adapter, so what one scrubs the other does.
 *
 * <p>Removed:
 * <ul>
 *   <li>email addresses, internationalized ({@code jäne@bücher.example}) and URL-encoded
 *       ({@code jane.doe%40northwind.example}) ones too, which become {@link #EMAIL};</li>
 *   <li>{@code Bearer} and {@code Basic} credentials;</li>
 *   <li>the value after any key whose name, with {@code _} and {@code -} removed and case ignored, ends in
 *       {@code token}, {@code secret}, {@code password}, {@code passwd}, {@code pwd}, {@code apikey},
 *       {@code credentials} or {@code authorization} ({@code refresh_token}, {@code access_token},
 *       {@code id_token}, {@code client_secret}, {@code api_key}, {@code X-Api-Key}, {@code accessToken}
 *       …), with {@code =} or {@code :}, in any quoting ({@code token=abc}, {@code client_secret='abc'},
 *       {@code refresh_token = 'abc'}, {@code "token": "abc"}, {@code token=\"abc\"}); and the value of
 *       {@code code=} (the query-string form only: {@code code: 42} in prose stays);</li>
 *   <li>JSON web tokens; Google access and refresh tokens ({@code ya29.}, {@code 1//}); Stripe-style keys
 *       ({@code sk_live_}, {@code sk_test_}, {@code rk_live_}, {@code rk_test_}, {@code pk_live_},
 *       {@code pk_test_}, {@code whsec_}); IBANs, compact ({@code DE89370400440532013000}) and spaced in
 *       groups of four ({@code GB82 WEST 1234 5698 7654 32});</li>
 *   <li>any other opaque run of 32 or more letters and digits (and {@code + / _}) holding both a letter and
 *       a digit.</li>
 * </ul>
 * Each secret becomes {@link #SECRET}. Kept: identifiers such as UUIDs and W3C trace ids (exactly 32
 * lower-case hex digits), class names, codes and plain words.
 *
 * <p>Control characters ({@code \n}, {@code \r}, {@code \t}, every other Unicode {@code Cc} character, and
 * the line and paragraph separators U+2028 and U+2029) are escaped as {@code \n}, {@code \r}, {@code \t}
 * or {@code \}{@code uXXXX}, so a value a caller sent cannot start a forged log line. Other text, including
 * backslashes, is left as it is.
 *
 * <p>Redaction is a fixed number of single passes over the text, each a hand-written scanner that looks
 * a bounded distance ahead: time is linear in the length of the input and no stack is used in proportion
 * to it. What it returns is at most {@link #MAX_LENGTH} characters long: a longer result is cut and ends
 * with {@link #TRUNCATED}. Redacting a redacted text changes nothing.
 *
 * <p>Stateless and thread-safe.
 */
public final class Redaction {

    /** What an email address becomes. */
    public static final String EMAIL = "[email]";
    /** What a secret becomes. */
    public static final String SECRET = "[redacted]";
    /** What ends a text that was cut at {@link #MAX_LENGTH}. */
    public static final String TRUNCATED = "[truncated]";
    /** The longest text {@link #redact(String)} returns, in UTF-16 code units. */
    public static final int MAX_LENGTH = 8_192;

    /** A cause chain (with suppressed exceptions) is copied up to this many throwables deep. */
    private static final int MAX_CAUSE_DEPTH = 64;

    private static final List<String> SECRET_KEY_ENDINGS = List.of(
            "token", "secret", "password", "passwd", "pwd", "apikey", "credentials", "authorization");
    private static final List<String> KEY_PREFIXES = List.of(
            "sk_live_", "sk_test_", "rk_live_", "rk_test_", "pk_live_", "pk_test_", "whsec_");
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int IBAN_MIN = 15;
    private static final int IBAN_MAX = 34;

    private Redaction() {
    }

    /**
     * Redacts a text: removes email addresses and secrets, escapes control characters and caps the length.
     *
     * @param text any text, or null
     * @return the text without email addresses or secrets, at most {@link #MAX_LENGTH} long; null for null
     */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String scanned = scan(text);
        return scanned.length() <= MAX_LENGTH ? scanned : truncate(scanned);
    }

    /**
     * Whether redaction would change the text, leaving the length cap aside: a quick check for tests and
     * guards.
     *
     * @param text any text
     * @return true if the text holds something {@link #redact(String)} removes or escapes
     */
    public static boolean containsSensitive(String text) {
        return text != null && !text.isEmpty() && !text.equals(scan(text));
    }

    /**
     * A copy of a throwable and its whole cause chain (and suppressed exceptions, up to 64 deep) whose
     * messages are redacted; the stack traces and the original class names are kept.
     *
     * @param error any throwable, or null
     * @return the redacted copy, or null for null
     */
    public static RedactedThrowable redact(Throwable error) {
        return error == null ? null
                : copy(error, Collections.newSetFromMap(new IdentityHashMap<>()), new IdentityHashMap<>(), 0);
    }

    private static RedactedThrowable copy(Throwable error, Set<Throwable> seen, Map<Throwable, RedactedThrowable> done,
                                          int depth) {
        RedactedThrowable existing = done.get(error);
        if (existing != null) {
            return existing;
        }
        if (error instanceof RedactedThrowable already && seen.isEmpty()) {
            return already;
        }
        seen.add(error);
        String className = error instanceof RedactedThrowable r ? r.originalClassName() : error.getClass().getName();
        Throwable cause = error.getCause();
        boolean deeper = depth + 1 < MAX_CAUSE_DEPTH;
        RedactedThrowable causeCopy = cause == null || seen.contains(cause) || !deeper
                ? null : copy(cause, seen, done, depth + 1);
        String message = error instanceof RedactedThrowable r ? r.redactedMessage() : error.getMessage();
        RedactedThrowable copy = new RedactedThrowable(className, redact(message), causeCopy);
        copy.setStackTrace(error.getStackTrace());
        done.put(error, copy);
        if (deeper) {
            for (Throwable suppressed : error.getSuppressed()) {
                if (!seen.contains(suppressed)) {
                    copy.addSuppressed(copy(suppressed, seen, done, depth + 1));
                }
            }
        }
        return copy;
    }

    /** Every pass, in order, without the length cap. Package-private for the linearity test. */
    static String scan(String text) {
        return shapes(keyValues(emails(escapeControls(text))));
    }

    private static String truncate(String scanned) {
        int budget = MAX_LENGTH - TRUNCATED.length() - 1;
        // cutting may leave half of something ("password=[reda"): scan the kept part once more
        String kept = scan(cut(scanned, budget));
        return cut(kept, budget) + " " + TRUNCATED;
    }

    private static String cut(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
        return text.substring(0, end);
    }

    // ---- pass 1: control characters ----------------------------------------------------------------------

    private static boolean isControl(char c) {
        return Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029';
    }

    private static String escapeControls(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && !isControl(s.charAt(i))) {
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder out = new StringBuilder(n + 16).append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (!isControl(c)) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else {
                out.append("\\u");
                for (int shift = 12; shift >= 0; shift -= 4) {
                    out.append(HEX[(c >> shift) & 0xF]);
                }
            }
        }
        return out.toString();
    }

    // ---- pass 2: email addresses -------------------------------------------------------------------------

    private static boolean isLocal(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    private static boolean isDomain(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '-';
    }

    /** The length of an {@code @} (1) or a URL-encoded {@code %40} (3) at i, else 0. */
    private static int atSign(String s, int i) {
        char c = s.charAt(i);
        if (c == '@') {
            return 1;
        }
        return c == '%' && s.startsWith("40", i + 1) ? 3 : 0;
    }

    private static String emails(String s) {
        int n = s.length();
        StringBuilder out = null;
        int copied = 0;
        int floor = 0; // a local part never reaches back before this: each character is walked back once
        int i = 0;
        while (i < n) {
            int at = atSign(s, i);
            if (at == 0) {
                i++;
                continue;
            }
            int start = i;
            while (start > floor && isLocal(s.charAt(start - 1))) {
                start--;
            }
            while (start < i && s.charAt(start) == '.') {
                start++;
            }
            int domainStart = i + at;
            int end = domainStart;
            while (end < n && isDomain(s.charAt(end))) {
                end++;
            }
            while (end > domainStart && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == '-')) {
                end--;
            }
            if (start < i && isDomainName(s, domainStart, end)) {
                if (out == null) {
                    out = new StringBuilder(n);
                }
                out.append(s, copied, start).append(EMAIL);
                copied = end;
                i = end;
            } else {
                i = domainStart;
            }
            floor = i;
        }
        return out == null ? s : out.append(s, copied, n).toString();
    }

    /** Two or more non-empty labels; the last at least two characters, starting with a letter. */
    private static boolean isDomainName(String s, int from, int to) {
        int lastDot = -1;
        for (int k = from; k < to; k++) {
            if (s.charAt(k) == '.') {
                if (k == from || s.charAt(k - 1) == '.') {
                    return false;
                }
                lastDot = k;
            }
        }
        return lastDot > from && to - lastDot - 1 >= 2 && Character.isLetter(s.charAt(lastDot + 1));
    }

    // ---- pass 3: key = value, Bearer and Basic -----------------------------------------------------------

    private static boolean isKeyChar(char c) {
        return isAsciiAlnum(c) || c == '_' || c == '-';
    }

    private static boolean isCredentialChar(char c) {
        return isAsciiAlnum(c) || c == '.' || c == '_' || c == '~' || c == '+' || c == '/' || c == '=' || c == '-';
    }

    private static boolean isValueEnd(char c) {
        return Character.isWhitespace(c) || c == '&' || c == '"' || c == '\'' || c == ',' || c == ';' || c == '}';
    }

    private static String keyValues(String s) {
        int n = s.length();
        StringBuilder out = new StringBuilder(n);
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (!isKeyChar(c) || (i > 0 && isKeyChar(s.charAt(i - 1)))) {
                out.append(c);
                i++;
                continue;
            }
            int j = i;
            while (j < n && isKeyChar(s.charAt(j))) {
                j++;
            }
            int next = keyValue(s, i, j, out);
            if (next < 0) {
                next = scheme(s, i, j, out, false);
            }
            if (next < 0) {
                out.append(s, i, j);
                next = j;
            }
            i = next;
        }
        return out.toString();
    }

    private static String normalizedKey(String s, int from, int to) {
        StringBuilder key = new StringBuilder(to - from);
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c != '_' && c != '-') {
                key.append(Character.toLowerCase(c));
            }
        }
        return key.toString();
    }

    /** A key [i, j) with a secret value after it: writes key, separator and placeholder; else -1. */
    private static int keyValue(String s, int i, int j, StringBuilder out) {
        int n = s.length();
        String key = normalizedKey(s, i, j);
        boolean code = key.equals("code");
        if (!code && !isSecretKey(key)) {
            return -1;
        }
        int k = j;
        if (code) {
            if (k >= n || s.charAt(k) != '=') {
                return -1;
            }
            k++;
        } else {
            k += quoteAt(s, k);
            k = skipSpaces(s, k);
            if (k >= n || (s.charAt(k) != '=' && s.charAt(k) != ':')) {
                return -1;
            }
            k = skipSpaces(s, k + 1);
            int quote = quoteAt(s, k);
            if (quote > 0) {
                int v = k + quote;
                int close = s.indexOf(s.substring(k, v), v);
                if (close < 0) {
                    close = n; // unterminated: everything after the quote is the value
                }
                if (close == v) {
                    return -1;
                }
                out.append(s, i, v).append(isMarker(s, v, close) ? s.substring(v, close) : SECRET);
                return close;
            }
            int w = k;
            while (w < n && isKeyChar(s.charAt(w))) {
                w++;
            }
            if (isScheme(s, k, w)) {
                out.append(s, i, k);
                return scheme(s, k, w, out, true);
            }
        }
        int end = k;
        while (end < n && !isValueEnd(s.charAt(end))) {
            end++;
        }
        if (end == k) {
            return -1;
        }
        out.append(s, i, k).append(isMarker(s, k, end) ? s.substring(k, end) : SECRET);
        return end;
    }

    private static boolean isSecretKey(String key) {
        for (String ending : SECRET_KEY_ENDINGS) {
            if (key.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isScheme(String s, int from, int to) {
        return (to - from == 6 && s.regionMatches(true, from, "bearer", 0, 6))
                || (to - from == 5 && s.regionMatches(true, from, "basic", 0, 5));
    }

    /**
     * A scheme word [i, j) ({@code Bearer}, {@code Basic}) and the credential after it. After a key
     * ({@code Authorization:}) the word is kept even without a credential; alone, {@code Basic} needs
     * something that looks encoded (8 or more characters, not all lower-case letters) so prose stays.
     */
    private static int scheme(String s, int i, int j, StringBuilder out, boolean afterKey) {
        if (!isScheme(s, i, j)) {
            return -1;
        }
        int n = s.length();
        int k = skipSpaces(s, j);
        int end = k;
        while (end < n && isCredentialChar(s.charAt(end))) {
            end++;
        }
        boolean credential = k > j && end > k;
        if (credential && !afterKey && (j - i) == 5) {
            credential = end - k >= 8 && !allLowerCaseLetters(s, k, end);
        }
        if (!credential) {
            if (!afterKey) {
                return -1;
            }
            out.append(s, i, j);
            return j;
        }
        out.append(s, i, j).append(' ').append(SECRET);
        return end;
    }

    private static boolean allLowerCaseLetters(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return true;
    }

    /** The length of a quote at k: {@code "} or {@code '} (1), or either escaped with a backslash (2); else 0. */
    private static int quoteAt(String s, int k) {
        int n = s.length();
        if (k < n && (s.charAt(k) == '"' || s.charAt(k) == '\'')) {
            return 1;
        }
        if (k + 1 < n && s.charAt(k) == '\\' && (s.charAt(k + 1) == '"' || s.charAt(k + 1) == '\'')) {
            return 2;
        }
        return 0;
    }

    private static int skipSpaces(String s, int k) {
        while (k < s.length() && s.charAt(k) == ' ') {
            k++;
        }
        return k;
    }

    private static boolean isMarker(String s, int from, int to) {
        return isRegion(s, from, to, SECRET) || isRegion(s, from, to, EMAIL) || isRegion(s, from, to, TRUNCATED);
    }

    private static boolean isRegion(String s, int from, int to, String marker) {
        return to - from == marker.length() && s.startsWith(marker, from);
    }

    // ---- pass 4: secrets by shape ------------------------------------------------------------------------

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isWordChar(char c) {
        return isAsciiAlnum(c) || c == '_';
    }

    private static boolean isOpaqueChar(char c) {
        return isAsciiAlnum(c) || c == '+' || c == '/' || c == '_';
    }

    private static boolean isTokenChar(char c) {
        return isAsciiAlnum(c) || c == '.' || c == '_' || c == '-';
    }

    private static boolean isUpperAlnum(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static String shapes(String s) {
        int n = s.length();
        StringBuilder out = new StringBuilder(n);
        int boundary = 0; // where the last placeholder ended: a new word may start there
        int[] noJwtBefore = {0}; // a token that failed to be a JWT fails from every later start inside it
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            boolean fresh = i == boundary;
            if (isAsciiAlnum(c) && (fresh || !isWordChar(s.charAt(i - 1)))) {
                int end = knownShape(s, i, noJwtBefore);
                if (end > i) {
                    out.append(SECRET);
                    i = boundary = end;
                    continue;
                }
            }
            if (isOpaqueChar(c) && (fresh || !isOpaqueChar(s.charAt(i - 1)))) {
                int j = i;
                while (j < n && isOpaqueChar(s.charAt(j))) {
                    j++;
                }
                if (isOpaque(s, i, j)) {
                    int end = j;
                    while (end < n && end < j + 2 && s.charAt(end) == '=') {
                        end++;
                    }
                    out.append(SECRET);
                    i = boundary = end;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** The end of a secret of a known shape starting at i, or -1. */
    private static int knownShape(String s, int i, int[] noJwtBefore) {
        if (s.startsWith("eyJ", i)) {
            if (i < noJwtBefore[0]) {
                return -1;
            }
            int end = jwt(s, i);
            if (end < 0) {
                noJwtBefore[0] = -end;
            }
            return end;
        }
        if (s.startsWith("ya29.", i)) {
            int end = run(s, i + 5);
            return end > i + 5 ? end : -1;
        }
        if (s.startsWith("1//", i)) {
            int end = run(s, i + 3);
            return end - (i + 3) >= 10 ? end : -1;
        }
        for (String prefix : KEY_PREFIXES) {
            if (s.startsWith(prefix, i)) {
                int end = i + prefix.length();
                while (end < s.length() && isAsciiAlnum(s.charAt(end))) {
                    end++;
                }
                return end - (i + prefix.length()) >= 8 ? end : -1;
            }
        }
        return iban(s, i);
    }

    private static int run(String s, int from) {
        int end = from;
        while (end < s.length() && isTokenChar(s.charAt(end))) {
            end++;
        }
        return end;
    }

    private static boolean isSegmentChar(char c) {
        return isAsciiAlnum(c) || c == '_' || c == '-';
    }

    /** The end of a JWT at i, or minus the position where it stopped being one. */
    private static int jwt(String s, int i) {
        int n = s.length();
        int p = i;
        for (int segment = 0; segment < 3; segment++) {
            int start = p;
            while (p < n && isSegmentChar(s.charAt(p))) {
                p++;
            }
            if (segment == 2) {
                return p;
            }
            if (p == start || p >= n || s.charAt(p) != '.') {
                return -Math.max(p, i + 1);
            }
            p++;
        }
        return -p;
    }

    /** An IBAN at i: two capital letters, two digits, 11 to 30 capitals or digits; compact or in groups of four. */
    private static int iban(String s, int i) {
        int n = s.length();
        if (i + 4 > n || !Character.isUpperCase(s.charAt(i)) || !isUpperAlnum(s.charAt(i))
                || !Character.isUpperCase(s.charAt(i + 1)) || !isUpperAlnum(s.charAt(i + 1))
                || !Character.isDigit(s.charAt(i + 2)) || !isAsciiAlnum(s.charAt(i + 2))
                || !Character.isDigit(s.charAt(i + 3)) || !isAsciiAlnum(s.charAt(i + 3))) {
            return -1;
        }
        int p = i + 4;
        if (p < n && isWordChar(s.charAt(p))) {
            while (p < n && p - i <= IBAN_MAX && isUpperAlnum(s.charAt(p))) {
                p++;
            }
            int length = p - i;
            boolean ends = p == n || !isWordChar(s.charAt(p));
            return ends && length >= IBAN_MIN && length <= IBAN_MAX ? p : -1;
        }
        int total = 4;
        while (p + 1 < n && s.charAt(p) == ' ') {
            int group = p + 1;
            int end = group;
            while (end < n && end - group < 5 && isWordChar(s.charAt(end))) {
                end++;
            }
            int length = end - group;
            if (length == 0 || length > 4 || !allUpperAlnum(s, group, end)) {
                break;
            }
            total += length;
            p = end;
            if (length < 4 || total > IBAN_MAX) {
                break;
            }
        }
        return total >= IBAN_MIN && total <= IBAN_MAX ? p : -1;
    }

    private static boolean allUpperAlnum(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!isUpperAlnum(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** 32 or more, a letter and a digit among them; exactly 32 lower-case hex digits is an id and stays. */
    private static boolean isOpaque(String s, int from, int to) {
        if (to - from < 32) {
            return false;
        }
        boolean digit = false;
        boolean letter = false;
        boolean lowerHex = true;
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            boolean isDigit = c >= '0' && c <= '9';
            boolean isLetter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            digit |= isDigit;
            letter |= isLetter;
            lowerHex &= isDigit || (c >= 'a' && c <= 'f');
        }
        if (!digit || !letter) {
            return false;
        }
        boolean traceId = to - from == 32 && lowerHex && (to == s.length() || s.charAt(to) != '=');
        return !traceId;
    }
}
