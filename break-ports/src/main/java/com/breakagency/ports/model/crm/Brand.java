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

    /**
     * Checks presence and copies the sets (sorted, so equal brands compare equal).
     *
     * @param id Break's id (time-ordered)
     * @param name the brand's name
     * @param domains its web and mail domains, normalized ({@link Normalize#domain}); each unique across brands
     * @param status active or archived
     * @param ownerAgentId the user id of the agent who owns the relationship
     * @param tags free tags
     * @param version optimistic-locking version, 1 on creation, +1 per change
     * @param createdAt when created
     * @param updatedAt when last changed
     */
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

    /**
     * This brand with another name; the version and the last-change instant stay as they are (see {@link #next}).
     *
     * @param name the new value
     * @return a copy with that name
     */
    public Brand withName(String name) {
        return new Brand(id, name, domains, status, ownerAgentId, tags, version, createdAt, updatedAt);
    }

    /**
     * This brand with other domains (normalized by the caller); the version and the last-change instant stay as they are (see {@link #next}).
     *
     * @param domains the new value
     * @return a copy with that domains
     */
    public Brand withDomains(Set<String> domains) {
        return new Brand(id, name, domains, status, ownerAgentId, tags, version, createdAt, updatedAt);
    }

    /**
     * This brand with another status; the version and the last-change instant stay as they are (see {@link #next}).
     *
     * @param status the new value
     * @return a copy with that status
     */
    public Brand withStatus(BrandStatus status) {
        return new Brand(id, name, domains, status, ownerAgentId, tags, version, createdAt, updatedAt);
    }

    /**
     * This brand with another owner agent; the version and the last-change instant stay as they are (see {@link #next}).
     *
     * @param ownerAgentId the new value
     * @return a copy with that ownerAgentId
     */
    public Brand withOwnerAgentId(String ownerAgentId) {
        return new Brand(id, name, domains, status, ownerAgentId, tags, version, createdAt, updatedAt);
    }

    /**
     * This brand with other tags; the version and the last-change instant stay as they are (see {@link #next}).
     *
     * @param tags the new value
     * @return a copy with that tags
     */
    public Brand withTags(Set<String> tags) {
        return new Brand(id, name, domains, status, ownerAgentId, tags, version, createdAt, updatedAt);
    }

    /**
     * The next stored version of this brand: the same values, the version one higher (for optimistic
     * locking) and changed at the given instant. Every change a use case stores goes through here, so a
     * version is bumped once per stored change.
     *
     * @param updatedAt when the change is made, from Break's clock
     * @return the copy to store
     */
    public Brand next(Instant updatedAt) {
        return new Brand(id, name, domains, status, ownerAgentId, tags, version + 1, createdAt, updatedAt);
    }
}
