package com.breakagency.ports.model.finance;

import java.util.Objects;

/**
 * How a payment splits between the talent and the agency, and how the agency's share splits between the
 * talent's managing agent and the house. A plan applies per deal, else per talent, else the agency's
 * {@link #AGENCY_DEFAULT}.
 *
 * @param id                            the plan's id
 * @param agencyRateBps                 the agency's share of a payment, in basis points (2000 = 20%)
 * @param agentShareBps                 the managing agent's share of the agency's share, in basis points (2500 = a
 *        quarter)
 * @param houseTakesUnassignedAgentShare whether the house takes the agent's share when the talent has no
 *                                      managing agent; when false, such a payment's commissions stay pending
 */
public record CommissionPlan(String id, int agencyRateBps, int agentShareBps, boolean houseTakesUnassignedAgentShare) {

    /** The id of the agency's default plan. */
    public static final String AGENCY_DEFAULT_ID = "agency-default";

    /** The agency's split today: talent 80%, house 15%, the talent's managing agent 5%. */
    public static final CommissionPlan AGENCY_DEFAULT = new CommissionPlan(AGENCY_DEFAULT_ID, 2000, 2500, false);

    /**
     * Validates.
     *
     * @param id the plan's id
     * @param agencyRateBps the agency's share of a payment, in basis points (2000 = 20%)
     * @param agentShareBps the managing agent's share of the agency's share, in basis points (2500 = a quarter)
     * @param houseTakesUnassignedAgentShare whether the house takes the agent's share when the talent has no
     *        managing agent; when false, such a payment's commissions stay pending
     * @throws IllegalArgumentException if a rate is outside 0 to 10,000 basis points
     */
    public CommissionPlan {
        Objects.requireNonNull(id, "id");
        if (agencyRateBps < 0 || agencyRateBps > 10_000 || agentShareBps < 0 || agentShareBps > 10_000) {
            throw new IllegalArgumentException("agencyRateBps and agentShareBps must be basis points from 0 to 10000");
        }
    }
}
