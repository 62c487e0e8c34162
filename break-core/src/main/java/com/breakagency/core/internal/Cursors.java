package com.breakagency.core.internal;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.FieldError;
import com.breakagency.ports.validation.Patterns;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Opaque keyset cursors: the last id of a page, versioned and base64url-encoded so callers treat it as
 * a token, not an id. Stateless.
 */
public final class Cursors {

    private static final String PREFIX = "k1:";

    private Cursors() {
    }

    /**
     * The cursor after an id.
     *
     * @param lastId the last id of a page
     * @return the cursor
     */
    public static String after(String lastId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + lastId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The id a cursor stands for.
     *
     * @param cursor a cursor from {@link #after(String)}, or null for the first page
     * @return the id, or empty for the first page
     * @throws BreakException VALIDATION_FAILED at {@code #/cursor} for anything that is not a cursor
     */
    public static Optional<String> decode(String cursor) {
        if (cursor == null) {
            return Optional.empty();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            // Break's cursors carry an id it made; anything else would reach a store unchecked
            if (text.startsWith(PREFIX) && Patterns.isId(text.substring(PREFIX.length()))) {
                return Optional.of(text.substring(PREFIX.length()));
            }
        } catch (IllegalArgumentException notBase64) {
            // falls through to the validation error below, which is what the caller sees
        }
        throw BreakException.validation(List.of(new FieldError("#/cursor", "Cursor",
                "must be a nextCursor returned by a previous page")));
    }
}
