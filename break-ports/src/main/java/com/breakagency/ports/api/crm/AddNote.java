package com.breakagency.ports.api.crm;

import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.validation.Multiline;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.crm.Visibility;
import jakarta.validation.Valid;

/**
 * Adds a note to the timeline of a brand, contact, talent or deal. A note is internal (staff only) unless
 * made with {@link #shared(EntityRef, String)}, which lets the subject's brand and talent portal users read it.
 *
 * @param subject    whose timeline
 * @param text       1 to 10,000 characters; the one text that may hold line breaks and tabs ({@link Multiline})
 * @param visibility who may read the note
 */
public record AddNote(@NotNull @Valid EntityRef subject, @NotBlank @Size(max = 10_000) @Multiline String text,
                      @NotNull Visibility visibility) {

    /**
     * An internal note, for the agency's staff only.
     *
     * @param subject whose timeline
     * @param text    the note
     */
    public AddNote(EntityRef subject, String text) {
        this(subject, text, Visibility.INTERNAL);
    }

    /**
     * A note shared with the portal users of the subject: its brand's and its talent's.
     *
     * @param subject whose timeline
     * @param text    the note
     * @return the command
     */
    public static AddNote shared(EntityRef subject, String text) {
        return new AddNote(subject, text, Visibility.SHARED);
    }

    /**
     * An internal note on a timeline, for the agency's staff only.
     *
     * @param subject whose timeline
     * @param text    the note
     * @return the command
     */
    public static AddNote on(EntityRef subject, String text) {
        return new AddNote(subject, text, Visibility.INTERNAL);
    }
}
