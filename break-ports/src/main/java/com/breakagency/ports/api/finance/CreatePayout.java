package com.breakagency.ports.api.finance;

import com.breakagency.ports.model.finance.BeneficiaryKind;
import com.breakagency.ports.validation.CurrencyCode;
import com.breakagency.ports.validation.InputLimits;
import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;

/**
 * Gathers a beneficiary's commission lines and reversals of one currency that are owed (PENDING_PAYOUT) and in
 * no live payout into a new DRAFT payout: a talent's payout or an agent's commission. Clawbacks are deducted
 * as far as the payout stays at zero or more; what is left stays owed for the next one.
 *
 * @param beneficiaryKind TALENT or AGENT
 * @param beneficiaryId   the talent id or the agent's user id
 * @param currency        the ISO 4217 code of the lines gathered
 * @param upTo            only entries created before this instant, or null for all; in
 *                        {@link InputLimits#MIN_INSTANT}..{@link InputLimits#MAX_INSTANT}
 */
public record CreatePayout(@NotNull BeneficiaryKind beneficiaryKind,
                           @NotNull @Pattern(regexp = Patterns.ID) String beneficiaryId,
                           @NotNull @CurrencyCode String currency, Instant upTo) {

    /**
     * A talent's payout of everything owed in a currency.
     *
     * @param talentId the talent
     * @param currency such as {@code GBP}
     * @return the command
     */
    public static CreatePayout forTalent(String talentId, String currency) {
        return new CreatePayout(BeneficiaryKind.TALENT, talentId, currency, null);
    }

    /**
     * An agent's commission payout of everything owed in a currency.
     *
     * @param agentUserId the agent's user id
     * @param currency    such as {@code GBP}
     * @return the command
     */
    public static CreatePayout forAgent(String agentUserId, String currency) {
        return new CreatePayout(BeneficiaryKind.AGENT, agentUserId, currency, null);
    }

    /**
     * Only entries created before an instant. Defaults to every entry owed.
     *
     * @param before the instant, exclusive
     * @return a copy with the bound
     */
    public CreatePayout upTo(Instant before) {
        return new CreatePayout(beneficiaryKind, beneficiaryId, currency, before);
    }
}
