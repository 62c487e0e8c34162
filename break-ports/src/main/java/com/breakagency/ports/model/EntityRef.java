package com.breakagency.ports.model;

import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A reference to one record.
 *
 * @param type the kind of record
 * @param id   its id, of the form {@link Patterns#ID}
 */
public record EntityRef(@NotNull EntityType type, @NotNull @Pattern(regexp = Patterns.ID) String id) {

    /**
     * A reference. Never throws: like a command's, its parts are checked at the boundary, so a reference
     * with a null type or an id not of the form {@link Patterns#ID} passed to a driving port is
     * VALIDATION_FAILED, with a field error whose pointer ends in {@code /type} or {@code /id} and whose
     * message is {@link Patterns#ID_MESSAGE} for an id.
     *
     * @param type the kind
     * @param id   the id
     * @return the reference
     */
    public static EntityRef of(EntityType type, String id) {
        return new EntityRef(type, id);
    }
}
