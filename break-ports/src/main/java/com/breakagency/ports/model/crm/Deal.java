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

    /** Checks presence. */
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
}
