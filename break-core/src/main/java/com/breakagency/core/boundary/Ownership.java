package com.breakagency.core.boundary;

import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.model.crm.Contact;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.spi.Deals;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who owns a record, for the "own records" rules of the policy table: the agents it belongs to (a
 * deal's owner agent, a talent's managing agent), the talent it is about, the brand it is for.
 *
 * @param agentUserIds user ids of the agents who own the record
 * @param talentId     the talent the record belongs to, if any
 * @param brandId      the brand the record belongs to, if any
 */
public record Ownership(Set<String> agentUserIds, Optional<String> talentId, Optional<String> brandId) {

    /** Copies. */
    public Ownership {
        agentUserIds = Set.copyOf(Objects.requireNonNull(agentUserIds, "agentUserIds"));
        Objects.requireNonNull(talentId, "talentId");
        Objects.requireNonNull(brandId, "brandId");
    }

    /** A record nobody owns in particular (only roles allowed outright may touch it). */
    public static final Ownership NOBODY = new Ownership(Set.of(), Optional.empty(), Optional.empty());

    /**
     * A brand's owners: its owner agent and the brand itself.
     *
     * @param brand the brand
     * @return its owners
     */
    public static Ownership of(Brand brand) {
        return new Ownership(Set.of(brand.ownerAgentId()), Optional.empty(), Optional.of(brand.id()));
    }

    /**
     * A contact's owners: its brand, if it has one.
     *
     * @param contact the contact
     * @return its owners
     */
    public static Ownership of(Contact contact) {
        return new Ownership(Set.of(), Optional.empty(), contact.brandId());
    }

    /**
     * A talent's owners: their managing agent and the talent themselves.
     *
     * @param talent the profile
     * @return its owners
     */
    public static Ownership of(Talent talent) {
        return new Ownership(talent.managingAgentId().map(Set::of).orElse(Set.of()), Optional.of(talent.id()),
                Optional.empty());
    }

    /**
     * A deal's owners: its owner agent, its talent, its brand.
     *
     * @param deal the deal
     * @return its owners
     */
    public static Ownership of(Deal deal) {
        return new Ownership(Set.of(deal.ownerAgentId()), Optional.of(deal.talentId()), Optional.of(deal.brandId()));
    }

    /**
     * An invoice's owners now: whoever owns its deal at this moment, read from the deals store at every
     * call, never from a copy taken when the invoice was drafted. An invoice whose deal is gone belongs
     * to its talent and brand only. Every reader of invoices (finance, the audit trail) applies this.
     *
     * @param deals   the deals store of the current unit of work
     * @param invoice the invoice
     * @return its owners
     */
    public static Ownership of(Deals deals, Invoice invoice) {
        return deals.findById(invoice.dealId()).map(Ownership::of)
                .orElseGet(() -> new Ownership(Set.of(), Optional.of(invoice.talentId()), Optional.of(invoice.brandId())));
    }
}
