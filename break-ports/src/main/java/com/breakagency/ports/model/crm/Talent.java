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

    /**
     * Checks presence and copies.
     *
     * @param id Break's id
     * @param name their name
     * @param handles their social accounts
     * @param email their address, normalized, if known
     * @param managingAgentId the user id of the agent who manages them (who earns the agent's share), if assigned
     * @param commissionPlanId the commission plan finance applies to their deals, if not the agency's default
     * @param homeCurrency the currency they are paid in; GBP unless set
     * @param archived whether archived
     * @param version optimistic-locking version
     * @param createdAt when created
     * @param updatedAt when last changed
     */
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

    /**
     * This talent with another name; the version and the last-change instant stay as they are (see {@link #next}).
     *
     * @param name the new value
     * @return a copy with that name
     */
    public Talent withName(String name) {
        return new Talent(id, name, handles, email, managingAgentId, commissionPlanId, homeCurrency, archived, version, createdAt, updatedAt);
    }

    /**
     * This talent with other social handles; the version and the last-change instant stay as they are (see {@link #next}).
     *
     * @param handles the new value
     * @return a copy with that handles
     */
    public Talent withHandles(List<SocialHandle> handles) {
        return new Talent(id, name, handles, email, managingAgentId, commissionPlanId, homeCurrency, archived, version, createdAt, updatedAt);
    }

    /**
     * This talent with another address, or none; the version and the last-change instant stay as they are (see {@link #next}).
     *
     * @param email the new value
     * @return a copy with that email
     */
    public Talent withEmail(Optional<String> email) {
        return new Talent(id, name, handles, email, managingAgentId, commissionPlanId, homeCurrency, archived, version, createdAt, updatedAt);
    }

    /**
     * This talent with another managing agent, or none; the version and the last-change instant stay as they are (see {@link #next}).
     *
     * @param managingAgentId the new value
     * @return a copy with that managingAgentId
     */
    public Talent withManagingAgentId(Optional<String> managingAgentId) {
        return new Talent(id, name, handles, email, managingAgentId, commissionPlanId, homeCurrency, archived, version, createdAt, updatedAt);
    }

    /**
     * This talent with another commission plan, or none; the version and the last-change instant stay as they are (see {@link #next}).
     *
     * @param commissionPlanId the new value
     * @return a copy with that commissionPlanId
     */
    public Talent withCommissionPlanId(Optional<String> commissionPlanId) {
        return new Talent(id, name, handles, email, managingAgentId, commissionPlanId, homeCurrency, archived, version, createdAt, updatedAt);
    }

    /**
     * This talent with another home currency; the version and the last-change instant stay as they are (see {@link #next}).
     *
     * @param homeCurrency the new value
     * @return a copy with that homeCurrency
     */
    public Talent withHomeCurrency(Currency homeCurrency) {
        return new Talent(id, name, handles, email, managingAgentId, commissionPlanId, homeCurrency, archived, version, createdAt, updatedAt);
    }

    /**
     * This talent with another archived flag; the version and the last-change instant stay as they are (see {@link #next}).
     *
     * @param archived the new value
     * @return a copy with that archived
     */
    public Talent withArchived(boolean archived) {
        return new Talent(id, name, handles, email, managingAgentId, commissionPlanId, homeCurrency, archived, version, createdAt, updatedAt);
    }

    /**
     * The next stored version of this talent: the same values, the version one higher (for optimistic
     * locking) and changed at the given instant. Every change a use case stores goes through here, so a
     * version is bumped once per stored change.
     *
     * @param updatedAt when the change is made, from Break's clock
     * @return the copy to store
     */
    public Talent next(Instant updatedAt) {
        return new Talent(id, name, handles, email, managingAgentId, commissionPlanId, homeCurrency, archived, version + 1, createdAt, updatedAt);
    }
}
