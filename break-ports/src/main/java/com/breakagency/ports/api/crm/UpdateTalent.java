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
 * Replaces a talent profile's editable fields, if it is still at the version the caller read.
 *
 * @param id               the profile
 * @param expectedVersion  the version the caller read
 * @param name             1 to 200 characters
 * @param handles          up to 20 social accounts
 * @param email            their address, or null
 * @param managingAgentId  their managing agent, or null
 * @param commissionPlanId their commission plan, or null
 * @param homeCurrency     the ISO code of their currency, or null for GBP
 */
public record UpdateTalent(
        @NotNull @Pattern(regexp = Patterns.ID) String id,
        @Positive long expectedVersion,
        @NotBlank @Size(max = 200) String name,
        @NotNull @Size(max = 20) List<@NotNull @Valid SocialHandle> handles,
        @EmailAddress String email,
        @Pattern(regexp = Patterns.ID) String managingAgentId,
        @Pattern(regexp = Patterns.ID) String commissionPlanId,
        @CurrencyCode String homeCurrency) {
}
