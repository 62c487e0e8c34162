package com.breakagency.ports.api.crm;

import com.breakagency.ports.model.Money;
import com.breakagency.ports.validation.Amount;
import com.breakagency.ports.validation.InputLimits;
import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Creates a deal in stage NEW_LEAD.
 *
 * @param brandId          the brand
 * @param talentId         the talent
 * @param ownerAgentId     the agent who owns the deal
 * @param title            1 to 200 characters
 * @param value            the agreed value, zero or more and at most {@link InputLimits#MAX_MINOR_UNITS} minor units
 * @param commissionPlanId a commission plan for this deal only, or null
 */
public record CreateDeal(
        @NotNull @Pattern(regexp = Patterns.ID) String brandId,
        @NotNull @Pattern(regexp = Patterns.ID) String talentId,
        @NotNull @Pattern(regexp = Patterns.ID) String ownerAgentId,
        @NotBlank @Size(max = 200) String title,
        @NotNull @Amount Money value,
        @Pattern(regexp = Patterns.ID) String commissionPlanId) {

    /**
     * A deal between a brand and a talent. Defaults to the talent's commission plan.
     *
     * @param brandId      the brand
     * @param talentId     the talent
     * @param ownerAgentId the agent who owns the deal
     * @param title        what the deal is
     * @param value        the agreed value, such as {@code Money.of(1_250_000, "GBP")}
     * @return the command
     */
    public static CreateDeal of(String brandId, String talentId, String ownerAgentId, String title, Money value) {
        return new CreateDeal(brandId, talentId, ownerAgentId, title, value, null);
    }

    /**
     * A commission plan for this deal only. Defaults to the talent's plan (or the agency's default).
     *
     * @param planId the plan's id
     * @return a copy with the plan
     */
    public CreateDeal withCommissionPlan(String planId) {
        return new CreateDeal(brandId, talentId, ownerAgentId, title, value, planId);
    }
}
