package com.breakagency.ports.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A reference to one record.
 *
 * @param type the kind of record
 * @param id   its id
 */
public record EntityRef(@NotNull EntityType type, @NotBlank @Size(max = 64) String id) {

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
