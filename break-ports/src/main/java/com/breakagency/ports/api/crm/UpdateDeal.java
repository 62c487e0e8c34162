package com.breakagency.ports.api.crm;

import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.validation.Amount;
import com.breakagency.ports.validation.InputLimits;
import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Replaces a deal's editable fields (not its stage), if it is still at the version the caller read.
 *
 * @param id               the deal
 * @param expectedVersion  the version the caller read
 * @param ownerAgentId     the agent who owns the deal
 * @param title            1 to 200 characters
 * @param value            the agreed value, zero or more and at most {@link InputLimits#MAX_MINOR_UNITS} minor units
 * @param commissionPlanId a commission plan for this deal only, or null
 */
public record UpdateDeal(
        @NotNull @Pattern(regexp = Patterns.ID) String id,
        @Positive long expectedVersion,
        @NotNull @Pattern(regexp = Patterns.ID) String ownerAgentId,
        @NotBlank @Size(max = 200) String title,
        @NotNull @Amount Money value,
        @Pattern(regexp = Patterns.ID) String commissionPlanId) {

    /**
     * A change to a deal as it was read: every editable field as stored, at the version read. Change the
     * fields with the withers.
     *
     * @param deal the deal as read
     * @return the command
     */
    public static UpdateDeal of(Deal deal) {
        return new UpdateDeal(deal.id(), deal.version(), deal.ownerAgentId(), deal.title(), deal.value(),
                deal.commissionPlanId().orElse(null));
    }

    /**
     * Another owning agent. Defaults to the owner read.
     *
     * @param agentId the agent's user id
     * @return a copy with the owner
     */
    public UpdateDeal ownedBy(String agentId) {
        return new UpdateDeal(id, expectedVersion, agentId, title, value, commissionPlanId);
    }

    /**
     * Another title. Defaults to the title read.
     *
     * @param newTitle 1 to 200 characters
     * @return a copy with the title
     */
    public UpdateDeal withTitle(String newTitle) {
        return new UpdateDeal(id, expectedVersion, ownerAgentId, newTitle, value, commissionPlanId);
    }

    /**
     * Another agreed value. Defaults to the value read.
     *
     * @param newValue the value
     * @return a copy with the value
     */
    public UpdateDeal withValue(Money newValue) {
        return new UpdateDeal(id, expectedVersion, ownerAgentId, title, newValue, commissionPlanId);
    }

    /**
     * Another commission plan for this deal only, or null for the talent's. Defaults to the plan read.
     *
     * @param planId the plan's id
     * @return a copy with the plan
     */
    public UpdateDeal withCommissionPlan(String planId) {
        return new UpdateDeal(id, expectedVersion, ownerAgentId, title, value, planId);
    }

    /**
     * A change to a deal by id and the version read, with every editable field to be given by the withers.
     * Defaults to the talent's commission plan; the owner, title and value must be set.
     *
     * @param id              the deal
     * @param expectedVersion the version read
     * @return the command
     */
    public static UpdateDeal of(String id, long expectedVersion) {
        return new UpdateDeal(id, expectedVersion, null, null, null, null);
    }
}
