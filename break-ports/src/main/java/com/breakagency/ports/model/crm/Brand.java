package com.breakagency.ports.model.crm;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A brand the agency works with.
 *
 * @param id           Break's id (time-ordered)
 * @param name         the brand's name
 * @param domains      its web and mail domains, normalized ({@link Normalize#domain}); each unique across brands
 * @param status       active or archived
 * @param ownerAgentId the user id of the agent who owns the relationship
 * @param tags         free tags
 * @param version      optimistic-locking version, 1 on creation, +1 per change
 * @param createdAt    when created
 * @param updatedAt    when last changed
 */
public record Brand(String id, String name, Set<String> domains, BrandStatus status, String ownerAgentId,
                    Set<String> tags, long version, Instant createdAt, Instant updatedAt) {

    /** Checks presence and copies the sets (sorted, so equal brands compare equal). */
    public Brand {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        domains = Set.copyOf(new TreeSet<>(Objects.requireNonNull(domains, "domains")));
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(ownerAgentId, "ownerAgentId");
        tags = Set.copyOf(Objects.requireNonNull(tags, "tags"));
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
