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
 * Creates a brand.
 *
 * @param name         1 to 200 characters
 * @param domains      up to 20 web or mail domains, such as {@code brand.com}; normalized before they are stored,
 *                     each unique across brands
 * @param ownerAgentId the user id of the agent who owns the relationship
 * @param tags         up to 30 tags of up to 50 characters
 */
public record CreateBrand(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Size(max = 20) Set<@NotNull @DomainName String> domains,
        @NotNull @Pattern(regexp = Patterns.ID) String ownerAgentId,
        @NotNull @Size(max = 30) Set<@NotBlank @Size(max = 50) String> tags) {
}
