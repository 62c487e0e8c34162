package com.breakagency.core.finance;

import com.breakagency.ports.model.finance.Beneficiary;
import com.breakagency.ports.model.finance.CommissionPlan;
import com.breakagency.ports.model.crm.Talent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Who a talent's payments pay under a plan, and in which proportion: the talent their payout, the
 * talent's managing agent their share of the agency's commission, the house the rest. Weights are in
 * units of 1/100,000,000 of a payment. Stateless.
 */
public final class CommissionSplit {

    /** The scale of the weights: the sum of a split's weights. */
    public static final long SCALE = 100_000_000L;

    private CommissionSplit() {
    }

    /**
     * The weights of a split, or why there is none.
     *
     * @param weights the weight per beneficiary when the split can be made
     * @param problem why it cannot, when it cannot
     */
    public record Weights(SortedMap<Beneficiary, Long> weights, Optional<String> problem) {

        /**
         * Whether the split can be made.
         *
         * @return true when every share has someone to pay
         */
        public boolean complete() {
            return problem.isEmpty();
        }

        /**
         * A beneficiary's share of a payment, as a fraction.
         *
         * @param beneficiary the beneficiary
         * @return such as 0.05
         */
        public BigDecimal rate(Beneficiary beneficiary) {
            return BigDecimal.valueOf(weights.getOrDefault(beneficiary, 0L))
                    .divide(BigDecimal.valueOf(SCALE), 8, RoundingMode.UNNECESSARY).stripTrailingZeros();
        }
    }

    /**
     * The split of a talent's payments under a plan.
     *
     * @param plan   the plan
     * @param talent the talent, whose managing agent earns the agent's share
     * @return the weights, or the problem (no managing agent to pay)
     */
    public static Weights of(CommissionPlan plan, Talent talent) {
        long rate = plan.agencyRateBps();
        long agentShare = plan.agentShareBps();
        SortedMap<Beneficiary, Long> weights = new TreeMap<>();
        weights.put(Beneficiary.talent(talent.id()), (10_000 - rate) * 10_000);
        long agentWeight = rate * agentShare;
        long houseWeight = rate * (10_000 - agentShare);
        if (agentWeight > 0) {
            Optional<String> agent = talent.managingAgentId();
            if (agent.isPresent()) {
                weights.put(Beneficiary.agent(agent.get()), agentWeight);
            } else if (plan.houseTakesUnassignedAgentShare()) {
                houseWeight += agentWeight;
            } else {
                return new Weights(new TreeMap<>(), Optional.of("NO_MANAGING_AGENT"));
            }
        }
        weights.put(Beneficiary.HOUSE, houseWeight);
        weights.values().removeIf(w -> w == 0);
        return new Weights(weights, Optional.empty());
    }

    /**
     * The weights as they are, for allocation.
     *
     * @param weights a complete split
     * @return the weights
     */
    static Map<Beneficiary, Long> asMap(Weights weights) {
        return weights.weights();
    }
}
