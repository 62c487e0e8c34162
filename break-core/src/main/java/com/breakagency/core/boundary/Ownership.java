package com.breakagency.core.boundary;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who owns a record, for the "own records" rules of the policy table: the agents it belongs to (a
 * deal's owner agent, a talent's managing agent), the talent it is about, the brand it is for.
 *
 * @param agentUserIds user ids of the agents who own the record
 * @param talentId     the talent the record belongs to, if any
 * @param brandId      the brand the record belongs to, if any
 */
public record Ownership(Set<String> agentUserIds, Optional<String> talentId, Optional<String> brandId) {

    /** Copies. */
    public Ownership {
        agentUserIds = Set.copyOf(Objects.requireNonNull(agentUserIds, "agentUserIds"));
        Objects.requireNonNull(talentId, "talentId");
        Objects.requireNonNull(brandId, "brandId");
    }

    /** A record nobody owns in particular (only roles allowed outright may touch it). */
    public static final Ownership NOBODY = new Ownership(Set.of(), Optional.empty(), Optional.empty());
}
