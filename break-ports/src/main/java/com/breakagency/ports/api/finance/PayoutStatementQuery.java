package com.breakagency.ports.api.finance;

import com.breakagency.ports.model.finance.BeneficiaryKind;
import com.breakagency.ports.validation.InputLimits;
import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;

/**
 * A payout statement for one talent or agent over a period.
 *
 * @param beneficiaryKind TALENT or AGENT
 * @param beneficiaryId   the talent id or agent user id
 * @param from            period start, inclusive; instants lie in
 *                        {@link InputLimits#MIN_INSTANT}..{@link InputLimits#MAX_INSTANT}
 * @param to              period end, exclusive
 */
public record PayoutStatementQuery(@NotNull BeneficiaryKind beneficiaryKind,
                                   @NotNull @Pattern(regexp = Patterns.ID) String beneficiaryId,
                                   @NotNull Instant from, @NotNull Instant to) {

    /**
     * A talent's statement.
     *
     * @param talentId the talent
     * @param from     period start, inclusive
     * @param to       period end, exclusive
     * @return the query
     */
    public static PayoutStatementQuery forTalent(String talentId, Instant from, Instant to) {
        return new PayoutStatementQuery(BeneficiaryKind.TALENT, talentId, from, to);
    }

    /**
     * An agent's statement.
     *
     * @param agentUserId the agent's user id
     * @param from        period start, inclusive
     * @param to          period end, exclusive
     * @return the query
     */
    public static PayoutStatementQuery forAgent(String agentUserId, Instant from, Instant to) {
        return new PayoutStatementQuery(BeneficiaryKind.AGENT, agentUserId, from, to);
    }
}
