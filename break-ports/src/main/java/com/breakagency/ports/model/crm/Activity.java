package com.breakagency.ports.model.crm;

import com.breakagency.ports.model.EntityRef;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry on the timeline of a brand, contact, talent or deal.
 *
 * @param id           Break's id (time-ordered: the timeline is newest id first)
 * @param subject      whose timeline
 * @param kind         note or email
 * @param authorUserId who wrote it
 * @param at           when
 * @param text         the text
 * @param visibility   who may read it: {@link Visibility#INTERNAL} (staff only) unless its author shared it
 */
public record Activity(String id, EntityRef subject, ActivityKind kind, String authorUserId, Instant at, String text,
                       Visibility visibility) {

    /**
     * Checks presence.
     *
     * @param id Break's id (time-ordered: the timeline is newest id first)
     * @param subject whose timeline
     * @param kind note or email
     * @param authorUserId who wrote it
     * @param at when
     * @param text the text
     * @param visibility who may read it: {@link Visibility#INTERNAL} (staff only) unless its author shared it
     */
    public Activity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(authorUserId, "authorUserId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(visibility, "visibility");
    }

    /**
     * An internal entry: what every entry is unless its author shares it.
     *
     * @param id           Break's id
     * @param subject      whose timeline
     * @param kind         note or email
     * @param authorUserId who wrote it
     * @param at           when
     * @param text         the text
     */
    public Activity(String id, EntityRef subject, ActivityKind kind, String authorUserId, Instant at, String text) {
        this(id, subject, kind, authorUserId, at, text, Visibility.INTERNAL);
    }
}
