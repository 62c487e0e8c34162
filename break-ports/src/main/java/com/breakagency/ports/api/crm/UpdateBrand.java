package com.breakagency.ports.api.crm;

import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.validation.DomainName;
import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
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

    /**
     * A change to a brand as it was read: every editable field as stored, at the version read. Change the
     * fields with the withers.
     *
     * @param brand the brand as read
     * @return the command
     */
    public static UpdateBrand of(Brand brand) {
        return new UpdateBrand(brand.id(), brand.version(), brand.name(), brand.domains(), brand.ownerAgentId(),
                brand.tags());
    }

    /**
     * Another name. Defaults to the name read.
     *
     * @param newName 1 to 200 characters
     * @return a copy with the name
     */
    public UpdateBrand withName(String newName) {
        return new UpdateBrand(id, expectedVersion, newName, domains, ownerAgentId, tags);
    }

    /**
     * Other domains, replacing the ones read. Defaults to the domains read.
     *
     * @param newDomains the domains; duplicates count once
     * @return a copy with the domains
     */
    public UpdateBrand withDomains(String... newDomains) {
        return new UpdateBrand(id, expectedVersion, name,
                Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(newDomains))), ownerAgentId, tags);
    }

    /**
     * Another owning agent. Defaults to the owner read.
     *
     * @param agentId the agent's user id
     * @return a copy with the owner
     */
    public UpdateBrand ownedBy(String agentId) {
        return new UpdateBrand(id, expectedVersion, name, domains, agentId, tags);
    }

    /**
     * Other tags, replacing the ones read. Defaults to the tags read.
     *
     * @param newTags the tags; duplicates count once
     * @return a copy with the tags
     */
    public UpdateBrand withTags(String... newTags) {
        return new UpdateBrand(id, expectedVersion, name, domains, ownerAgentId,
                Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(newTags))));
    }

    /**
     * A change to a brand by id and the version read, with every editable field to be given by the
     * withers. Defaults to no domains and no tags; the name and owner must be set.
     *
     * @param id              the brand
     * @param expectedVersion the version read
     * @return the command
     */
    public static UpdateBrand of(String id, long expectedVersion) {
        return new UpdateBrand(id, expectedVersion, null, Set.of(), null, Set.of());
    }

    /**
     * As {@link #withDomains(String...)}, from a set.
     *
     * @param values the domains
     * @return a copy with them
     */
    public UpdateBrand withDomains(Set<String> values) {
        return new UpdateBrand(id, expectedVersion, name, values, ownerAgentId, tags);
    }

    /**
     * As {@link #withTags(String...)}, from a set.
     *
     * @param values the tags
     * @return a copy with them
     */
    public UpdateBrand withTags(Set<String> values) {
        return new UpdateBrand(id, expectedVersion, name, domains, ownerAgentId, values);
    }
}
