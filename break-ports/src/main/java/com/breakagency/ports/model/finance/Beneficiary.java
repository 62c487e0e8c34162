package com.breakagency.ports.model.finance;

import java.util.Objects;

/**
 * Who a commission line pays.
 *
 * @param kind talent, agent or house
 * @param id   the talent id, the agent's user id, or {@link #HOUSE_ID}
 */
public record Beneficiary(BeneficiaryKind kind, String id) implements Comparable<Beneficiary> {

    /** The id of the agency itself. */
    public static final String HOUSE_ID = "house";

    /** The agency itself. */
    public static final Beneficiary HOUSE = new Beneficiary(BeneficiaryKind.HOUSE, HOUSE_ID);

    /**
     * Checks presence.
     *
     * @param kind talent, agent or house
     * @param id the talent id, the agent's user id, or {@link #HOUSE_ID}
     */
    public Beneficiary {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    /**
     * A talent's payout.
     *
     * @param talentId the talent
     * @return the beneficiary
     */
    public static Beneficiary talent(String talentId) {
        return new Beneficiary(BeneficiaryKind.TALENT, talentId);
    }

    /**
     * An agent.
     *
     * @param agentUserId the agent's user id
     * @return the beneficiary
     */
    public static Beneficiary agent(String agentUserId) {
        return new Beneficiary(BeneficiaryKind.AGENT, agentUserId);
    }

    /** Orders by kind, then id: the deterministic order allocation ties are broken in. */
    @Override
    public int compareTo(Beneficiary other) {
        int byKind = kind.compareTo(other.kind);
        return byKind != 0 ? byKind : id.compareTo(other.id);
    }
}
