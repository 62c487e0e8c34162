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
     * A reference.
     *
     * @param type the kind
     * @param id   the id
     * @return the reference
     */
    public static EntityRef of(EntityType type, String id) {
        return new EntityRef(type, id);
    }
}
