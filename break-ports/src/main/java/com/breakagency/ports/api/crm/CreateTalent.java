package com.breakagency.ports.api.crm;

import com.breakagency.ports.validation.EmailAddress;
import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import com.breakagency.ports.model.crm.SocialHandle;
import com.breakagency.ports.validation.CurrencyCode;
import jakarta.validation.Valid;
import java.util.List;

/**
 * Creates a talent profile.
 *
 * @param name             1 to 200 characters
 * @param handles          up to 20 social accounts
 * @param email            their address, or null
 * @param managingAgentId  the user id of their managing agent, or null until one is assigned
 * @param commissionPlanId their commission plan, or null for the agency's default
 * @param homeCurrency     the ISO code of the currency they are paid in, or null for GBP
 */
public record CreateTalent(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Size(max = 20) List<@NotNull @Valid SocialHandle> handles,
        @EmailAddress String email,
        @Pattern(regexp = Patterns.ID) String managingAgentId,
        @Pattern(regexp = Patterns.ID) String commissionPlanId,
        @CurrencyCode String homeCurrency) {
}
