package com.breakagency.ports.model.crm;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A talent the agency represents.
 *
 * @param id               Break's id
 * @param name             their name
 * @param handles          their social accounts
 * @param email            their address, normalized, if known
 * @param managingAgentId  the user id of the agent who manages them (who earns the agent's share), if assigned
 * @param commissionPlanId the commission plan finance applies to their deals, if not the agency's default
 * @param homeCurrency     the currency they are paid in; GBP unless set
 * @param archived         whether archived
 * @param version          optimistic-locking version
 * @param createdAt        when created
 * @param updatedAt        when last changed
 */
public record Talent(String id, String name, List<SocialHandle> handles, Optional<String> email,
                     Optional<String> managingAgentId, Optional<String> commissionPlanId, Currency homeCurrency,
                     boolean archived, long version, Instant createdAt, Instant updatedAt) {

    /** Checks presence and copies. */
    public Talent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        handles = List.copyOf(Objects.requireNonNull(handles, "handles"));
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(managingAgentId, "managingAgentId");
        Objects.requireNonNull(commissionPlanId, "commissionPlanId");
        Objects.requireNonNull(homeCurrency, "homeCurrency");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
