package com.breakagency.ports.error;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one redaction every message passes before it leaves Break: in a log line, a problem or an error
 * report. The boundary uses it, and so does every reporting adapter, so what one scrubs the other does.
 *
 * <p>Removed: email addresses; {@code Bearer} credentials; values of {@code refresh_token=},
 * {@code access_token=}, {@code id_token=}, {@code client_secret=}, {@code code=} (query-string form only), {@code password=},
 * {@code token=}, {@code api_key=}, {@code secret=} (also with {@code :} and in JSON form); JSON web
 * tokens; Google access and refresh tokens; and any other opaque run of 32 or more letters and digits.
 * Kept: identifiers such as UUIDs and W3C trace ids (exactly 32 lower-case hex digits), class names, codes
 * and plain words.
 *
 * <p>Stateless and thread-safe.
 */
public final class Redaction {

    /** What an email address becomes. */
    public static final String EMAIL = "[email]";
    /** What a secret becomes. */
    public static final String SECRET = "[redacted]";

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}"),
                    m -> EMAIL),
            new Rule(Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]+"),
                    m -> m.group(1) + " " + SECRET),
            new Rule(Pattern.compile("(?i)\\b(refresh_token|access_token|id_token|client_secret|password|passwd"
                            + "|token|api_key|apikey|secret|authorization)(\"?\\s*[=:]\\s*\"?)([^\\s&\"',;}]+)"),
                    m -> m.group(1) + m.group(2) + SECRET),
            // an OAuth authorization code in a query string; "code:" in prose stays
            new Rule(Pattern.compile("(?i)\\b(code)(=)([^\\s&\"',;}]+)"), m -> m.group(1) + m.group(2) + SECRET),
            new Rule(Pattern.compile("\\beyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*"), m -> SECRET),
            new Rule(Pattern.compile("\\bya29\\.[A-Za-z0-9._-]+"), m -> SECRET),
            new Rule(Pattern.compile("\\b1//[A-Za-z0-9._-]{10,}"), m -> SECRET),
            // opaque secrets; a bare 32-digit lower-case hex id (a W3C trace id, a dashless UUID) is kept
            new Rule(Pattern.compile("(?<![A-Za-z0-9+/_])(?![0-9a-f]{32}(?![A-Za-z0-9+/_=]))"
                    + "(?=[A-Za-z0-9+/_]*\\d)(?=[A-Za-z0-9+/_]*[A-Za-z])[A-Za-z0-9+/_]{32,}={0,2}"), m -> SECRET));

    private Redaction() {
    }

    /**
     * Redacts a message.
     *
     * @param text any text, or null
     * @return the text without email addresses or secrets; null for null
     */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (Rule rule : RULES) {
            result = rule.apply(result);
        }
        return result;
    }

    /**
     * Whether redaction would change the text: a quick check for tests and guards.
     *
     * @param text any text
     * @return true if the text holds something {@link #redact(String)} removes
     */
    public static boolean containsSensitive(String text) {
        return text != null && !text.equals(redact(text));
    }

    /**
     * A copy of a throwable and its whole cause chain (and suppressed exceptions) whose messages are
     * redacted; the stack traces and the original class names are kept.
     *
     * @param error any throwable, or null
     * @return the redacted copy, or null for null
     */
    public static RedactedThrowable redact(Throwable error) {
        return error == null ? null : copy(error, Collections.newSetFromMap(new IdentityHashMap<>()), new IdentityHashMap<>());
    }

    private static RedactedThrowable copy(Throwable error, Set<Throwable> seen, Map<Throwable, RedactedThrowable> done) {
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
        RedactedThrowable causeCopy = cause == null || seen.contains(cause) ? null : copy(cause, seen, done);
        String message = error instanceof RedactedThrowable r ? r.redactedMessage() : error.getMessage();
        RedactedThrowable copy = new RedactedThrowable(className, redact(message), causeCopy);
        copy.setStackTrace(error.getStackTrace());
        done.put(error, copy);
        for (Throwable suppressed : error.getSuppressed()) {
            if (!seen.contains(suppressed)) {
                copy.addSuppressed(copy(suppressed, seen, done));
            }
        }
        return copy;
    }

    private record Rule(Pattern pattern, java.util.function.Function<Matcher, String> replacement) {
        String apply(String text) {
            Matcher matcher = pattern.matcher(text);
            if (!matcher.find()) {
                return text;
            }
            StringBuilder out = new StringBuilder(text.length());
            do {
                matcher.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(matcher)));
            } while (matcher.find());
            matcher.appendTail(out);
            return out.toString();
        }
    }
}
