package com.breakagency.ports.api.crm;

import com.breakagency.ports.model.crm.SocialHandle;
import com.breakagency.ports.validation.CurrencyCode;
import com.breakagency.ports.validation.EmailAddress;
import com.breakagency.ports.validation.Patterns;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
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

    /**
     * A talent profile with a name. Defaults to no social accounts, no address, no managing agent, the
     * agency's default commission plan and GBP.
     *
     * @param name the name
     * @return the command
     */
    public static CreateTalent named(String name) {
        return new CreateTalent(name, List.of(), null, null, null, null);
    }

    /**
     * Their social accounts. Defaults to none.
     *
     * @param accounts the accounts
     * @return a copy with the accounts
     */
    public CreateTalent withHandles(SocialHandle... accounts) {
        return new CreateTalent(name, Arrays.asList(accounts), email, managingAgentId, commissionPlanId,
                homeCurrency);
    }

    /**
     * Their address. Defaults to none.
     *
     * @param address the address
     * @return a copy with the address
     */
    public CreateTalent withEmail(String address) {
        return new CreateTalent(name, handles, address, managingAgentId, commissionPlanId, homeCurrency);
    }

    /**
     * Their managing agent, who is paid the agent's share of their commissions. Defaults to none.
     *
     * @param agentId the agent's user id
     * @return a copy with the agent
     */
    public CreateTalent managedBy(String agentId) {
        return new CreateTalent(name, handles, email, agentId, commissionPlanId, homeCurrency);
    }

    /**
     * Their commission plan. Defaults to the agency's default plan.
     *
     * @param planId the plan's id
     * @return a copy with the plan
     */
    public CreateTalent withCommissionPlan(String planId) {
        return new CreateTalent(name, handles, email, managingAgentId, planId, homeCurrency);
    }

    /**
     * The currency they are paid in. Defaults to GBP.
     *
     * @param currencyCode an ISO 4217 code such as {@code USD}
     * @return a copy with the currency
     */
    public CreateTalent paidIn(String currencyCode) {
        return new CreateTalent(name, handles, email, managingAgentId, commissionPlanId, currencyCode);
    }

    /**
     * As {@link #withHandles(SocialHandle...)}, from a list.
     *
     * @param accounts the accounts
     * @return a copy with them
     */
    public CreateTalent withHandles(List<SocialHandle> accounts) {
        return new CreateTalent(name, accounts, email, managingAgentId, commissionPlanId, homeCurrency);
    }
}
