package com.breakagency.ports.model.crm;

import com.breakagency.ports.model.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A deal between a brand and a talent.
 *
 * @param id               Break's id
 * @param brandId          the brand
 * @param talentId         the talent
 * @param ownerAgentId     the user id of the agent who owns the deal
 * @param title            what the deal is
 * @param value            the agreed value
 * @param stage            where it is in the pipeline
 * @param commissionPlanId a commission plan for this deal only, if set
 * @param version          optimistic-locking version
 * @param createdAt        when created
 * @param updatedAt        when last changed
 */
public record Deal(String id, String brandId, String talentId, String ownerAgentId, String title, Money value,
                   DealStage stage, Optional<String> commissionPlanId, long version, Instant createdAt,
                   Instant updatedAt) {

    /**
     * Checks presence.
     *
     * @param id Break's id
     * @param brandId the brand
     * @param talentId the talent
     * @param ownerAgentId the user id of the agent who owns the deal
     * @param title what the deal is
     * @param value the agreed value
     * @param stage where it is in the pipeline
     * @param commissionPlanId a commission plan for this deal only, if set
     * @param version optimistic-locking version
     * @param createdAt when created
     * @param updatedAt when last changed
     */
    public Deal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(brandId, "brandId");
        Objects.requireNonNull(talentId, "talentId");
        Objects.requireNonNull(ownerAgentId, "ownerAgentId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(commissionPlanId, "commissionPlanId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /**
     * This deal with another owner agent; the version and the last-change instant stay as they are (see {@link #next}).
     *
     * @param ownerAgentId the new value
     * @return a copy with that ownerAgentId
     */
    public Deal withOwnerAgentId(String ownerAgentId) {
        return new Deal(id, brandId, talentId, ownerAgentId, title, value, stage, commissionPlanId, version, createdAt, updatedAt);
    }

    /**
     * This deal with another title; the version and the last-change instant stay as they are (see {@link #next}).
     *
     * @param title the new value
     * @return a copy with that title
     */
    public Deal withTitle(String title) {
        return new Deal(id, brandId, talentId, ownerAgentId, title, value, stage, commissionPlanId, version, createdAt, updatedAt);
    }

    /**
     * This deal with another value; the version and the last-change instant stay as they are (see {@link #next}).
     *
     * @param value the new value
     * @return a copy with that value
     */
    public Deal withValue(Money value) {
        return new Deal(id, brandId, talentId, ownerAgentId, title, value, stage, commissionPlanId, version, createdAt, updatedAt);
    }

    /**
     * This deal with another stage; the version and the last-change instant stay as they are (see {@link #next}).
     *
     * @param stage the new value
     * @return a copy with that stage
     */
    public Deal withStage(DealStage stage) {
        return new Deal(id, brandId, talentId, ownerAgentId, title, value, stage, commissionPlanId, version, createdAt, updatedAt);
    }

    /**
     * This deal with another commission plan, or none; the version and the last-change instant stay as they are (see {@link #next}).
     *
     * @param commissionPlanId the new value
     * @return a copy with that commissionPlanId
     */
    public Deal withCommissionPlanId(Optional<String> commissionPlanId) {
        return new Deal(id, brandId, talentId, ownerAgentId, title, value, stage, commissionPlanId, version, createdAt, updatedAt);
    }

    /**
     * The next stored version of this deal: the same values, the version one higher (for optimistic
     * locking) and changed at the given instant. Every change a use case stores goes through here, so a
     * version is bumped once per stored change.
     *
     * @param updatedAt when the change is made, from Break's clock
     * @return the copy to store
     */
    public Deal next(Instant updatedAt) {
        return new Deal(id, brandId, talentId, ownerAgentId, title, value, stage, commissionPlanId, version + 1, createdAt, updatedAt);
    }
}
