package com.breakagency.ports.api.crm;

import com.breakagency.ports.model.crm.SocialHandle;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.validation.CurrencyCode;
import com.breakagency.ports.validation.EmailAddress;
import com.breakagency.ports.validation.Patterns;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
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

    /**
     * A change to a talent profile as it was read: every editable field as stored, at the version read.
     * Change the fields with the withers.
     *
     * @param talent the profile as read
     * @return the command
     */
    public static UpdateTalent of(Talent talent) {
        return new UpdateTalent(talent.id(), talent.version(), talent.name(), talent.handles(),
                talent.email().orElse(null), talent.managingAgentId().orElse(null),
                talent.commissionPlanId().orElse(null), talent.homeCurrency().getCurrencyCode());
    }

    /**
     * Another name. Defaults to the name read.
     *
     * @param newName 1 to 200 characters
     * @return a copy with the name
     */
    public UpdateTalent withName(String newName) {
        return new UpdateTalent(id, expectedVersion, newName, handles, email, managingAgentId, commissionPlanId,
                homeCurrency);
    }

    /**
     * Other social accounts, replacing the ones read. Defaults to the accounts read.
     *
     * @param accounts the accounts
     * @return a copy with the accounts
     */
    public UpdateTalent withHandles(SocialHandle... accounts) {
        return new UpdateTalent(id, expectedVersion, name, Arrays.asList(accounts), email, managingAgentId,
                commissionPlanId, homeCurrency);
    }

    /**
     * Another address, or null for none. Defaults to the address read.
     *
     * @param address the address
     * @return a copy with the address
     */
    public UpdateTalent withEmail(String address) {
        return new UpdateTalent(id, expectedVersion, name, handles, address, managingAgentId, commissionPlanId,
                homeCurrency);
    }

    /**
     * Another managing agent, or null for none. Defaults to the agent read.
     *
     * @param agentId the agent's user id
     * @return a copy with the agent
     */
    public UpdateTalent managedBy(String agentId) {
        return new UpdateTalent(id, expectedVersion, name, handles, email, agentId, commissionPlanId, homeCurrency);
    }

    /**
     * Another commission plan, or null for the agency's default. Defaults to the plan read.
     *
     * @param planId the plan's id
     * @return a copy with the plan
     */
    public UpdateTalent withCommissionPlan(String planId) {
        return new UpdateTalent(id, expectedVersion, name, handles, email, managingAgentId, planId, homeCurrency);
    }

    /**
     * Another currency they are paid in, or null for GBP. Defaults to the currency read.
     *
     * @param currencyCode an ISO 4217 code such as {@code USD}
     * @return a copy with the currency
     */
    public UpdateTalent paidIn(String currencyCode) {
        return new UpdateTalent(id, expectedVersion, name, handles, email, managingAgentId, commissionPlanId,
                currencyCode);
    }

    /**
     * A change to a talent profile by id and the version read, with every editable field to be given by
     * the withers. Defaults to no social accounts, no address, no managing agent, the agency's default plan
     * and GBP; the name must be set.
     *
     * @param id              the profile
     * @param expectedVersion the version read
     * @return the command
     */
    public static UpdateTalent of(String id, long expectedVersion) {
        return new UpdateTalent(id, expectedVersion, null, List.of(), null, null, null, null);
    }

    /**
     * As {@link #withHandles(SocialHandle...)}, from a list.
     *
     * @param accounts the accounts
     * @return a copy with them
     */
    public UpdateTalent withHandles(List<SocialHandle> accounts) {
        return new UpdateTalent(id, expectedVersion, name, accounts, email, managingAgentId, commissionPlanId,
                homeCurrency);
    }
}
