package com.breakagency.ports.api.crm;

import com.breakagency.ports.validation.DomainName;
import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * Replaces a brand's editable fields, if it is still at the version the caller read.
 *
 * @param id              the brand
 * @param expectedVersion the version the caller read
 * @param name            1 to 200 characters
 * @param domains         up to 20 domains, each unique across brands
 * @param ownerAgentId    the owning agent
 * @param tags            up to 30 tags
 */
public record UpdateBrand(
        @NotNull @Pattern(regexp = Patterns.ID) String id,
        @Positive long expectedVersion,
        @NotBlank @Size(max = 200) String name,
        @NotNull @Size(max = 20) Set<@NotNull @DomainName String> domains,
        @NotNull @Pattern(regexp = Patterns.ID) String ownerAgentId,
        @NotNull @Size(max = 30) Set<@NotBlank @Size(max = 50) String> tags) {
}
