package com.breakagency.ports.api.crm;

import jakarta.validation.constraints.Max;
import com.breakagency.ports.validation.InputLimits;
import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import com.breakagency.ports.validation.CurrencyCode;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Replaces a deal's editable fields (not its stage), if it is still at the version the caller read.
 *
 * @param id               the deal
 * @param expectedVersion  the version the caller read
 * @param ownerAgentId     the agent who owns the deal
 * @param title            1 to 200 characters
 * @param valueMinorUnits  the agreed value in minor units, zero or more and at most {@link InputLimits#MAX_MINOR_UNITS}
 * @param currency         the value's ISO currency code
 * @param commissionPlanId a commission plan for this deal only, or null
 */
public record UpdateDeal(
        @NotNull @Pattern(regexp = Patterns.ID) String id,
        @Positive long expectedVersion,
        @NotNull @Pattern(regexp = Patterns.ID) String ownerAgentId,
        @NotBlank @Size(max = 200) String title,
        @PositiveOrZero @Max(InputLimits.MAX_MINOR_UNITS) long valueMinorUnits,
        @NotNull @CurrencyCode String currency,
        @Pattern(regexp = Patterns.ID) String commissionPlanId) {
}
