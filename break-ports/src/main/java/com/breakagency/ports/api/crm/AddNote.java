package com.breakagency.ports.api.crm;

import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.validation.Multiline;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Adds a note to the timeline of a brand, contact, talent or deal.
 *
 * @param subject whose timeline
 * @param text    1 to 10,000 characters; the one text that may hold line breaks and tabs ({@link Multiline})
 */
public record AddNote(@NotNull @Valid EntityRef subject, @NotBlank @Size(max = 10_000) @Multiline String text) {

    /**
     * A note on a timeline.
     *
     * @param subject whose timeline
     * @param text    the note
     * @return the command
     */
    public static AddNote on(EntityRef subject, String text) {
        return new AddNote(subject, text);
    }
}
