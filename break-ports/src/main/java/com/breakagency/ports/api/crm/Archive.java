package com.breakagency.ports.api.crm;

import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import com.breakagency.ports.model.EntityType;

/**
 * Archives a brand, contact or talent profile.
 *
 * @param type            BRAND, CONTACT or TALENT
 * @param id              the record
 * @param expectedVersion the version the caller read
 */
public record Archive(
        @NotNull EntityType type,
        @NotNull @Pattern(regexp = Patterns.ID) String id,
        @Positive long expectedVersion) {
}
