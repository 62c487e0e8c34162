package com.breakagency.ports.api.crm;

import com.breakagency.ports.validation.DomainName;
import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
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

    /**
     * A brand with a name and an owning agent. Defaults to no domains and no tags.
     *
     * @param name         the name
     * @param ownerAgentId the owning agent's user id
     * @return the command
     */
    public static CreateBrand of(String name, String ownerAgentId) {
        return new CreateBrand(name, Set.of(), ownerAgentId, Set.of());
    }

    /**
     * The brand's domains. Defaults to none.
     *
     * @param brandDomains such as {@code brand.com}; duplicates count once
     * @return a copy with the domains
     */
    public CreateBrand withDomains(String... brandDomains) {
        return new CreateBrand(name, Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(brandDomains))),
                ownerAgentId, tags);
    }

    /**
     * The brand's tags. Defaults to none.
     *
     * @param brandTags the tags; duplicates count once
     * @return a copy with the tags
     */
    public CreateBrand withTags(String... brandTags) {
        return new CreateBrand(name, domains, ownerAgentId,
                Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(brandTags))));
    }

    /**
     * As {@link #withDomains(String...)}, from a set.
     *
     * @param values the domains
     * @return a copy with them
     */
    public CreateBrand withDomains(Set<String> values) {
        return new CreateBrand(name, values, ownerAgentId, tags);
    }

    /**
     * As {@link #withTags(String...)}, from a set.
     *
     * @param values the tags
     * @return a copy with them
     */
    public CreateBrand withTags(Set<String> values) {
        return new CreateBrand(name, domains, ownerAgentId, values);
    }
}
