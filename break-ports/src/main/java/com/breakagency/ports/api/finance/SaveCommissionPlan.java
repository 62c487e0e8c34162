package com.breakagency.ports.api.finance;

import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Creates or replaces a commission plan, which deals and talent then name by id.
 *
 * @param id                             the plan's id
 * @param agencyRateBps                  the agency's share of a payment, 0 to 10,000 basis points
 * @param agentShareBps                  the managing agent's share of the agency's share, 0 to 10,000 basis points
 * @param houseTakesUnassignedAgentShare whether the house takes the agent's share when there is no managing agent
 */
public record SaveCommissionPlan(@NotNull @Pattern(regexp = Patterns.ID) String id,
                                 @Min(0) @Max(10_000) int agencyRateBps, @Min(0) @Max(10_000) int agentShareBps,
                                 boolean houseTakesUnassignedAgentShare) {

    /**
     * A plan with the agency's rate and the agent's share. Defaults to the house not taking the share of a
     * talent without a managing agent (such payments' commissions wait as PENDING until one is assigned).
     *
     * @param id            the plan's id
     * @param agencyRateBps the agency's share, in basis points
     * @param agentShareBps the managing agent's share of the agency's share, in basis points
     * @return the command
     */
    public static SaveCommissionPlan of(String id, int agencyRateBps, int agentShareBps) {
        return new SaveCommissionPlan(id, agencyRateBps, agentShareBps, false);
    }

    /**
     * Whether the house takes the agent's share when there is no managing agent. Defaults to false.
     *
     * @param houseTakes true to let the house take it
     * @return a copy with the choice
     */
    public SaveCommissionPlan withHouseTakingUnassignedAgentShare(boolean houseTakes) {
        return new SaveCommissionPlan(id, agencyRateBps, agentShareBps, houseTakes);
    }
}
