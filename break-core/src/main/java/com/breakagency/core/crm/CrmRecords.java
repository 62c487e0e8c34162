package com.breakagency.core.crm;

import com.breakagency.core.boundary.Access;
import com.breakagency.core.boundary.Ownership;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.FieldError;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.model.crm.Contact;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.spi.Persistence;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * The CRM's look-ups of one record under the call's access: who owns each kind of record (what "own
 * records" means in the policy table), and loading a record so that a missing one and someone else's both
 * answer as {@link Access#require} says. Thread-safe.
 */
final class CrmRecords {

    private final Persistence stores;

    CrmRecords(Persistence stores) {
        this.stores = stores;
    }

    /** A brand's owners: its owner agent and the brand itself. */
    static Ownership owners(Brand brand) {
        return new Ownership(Set.of(brand.ownerAgentId()), Optional.empty(), Optional.of(brand.id()));
    }

    /** A contact's owners: its brand, if it has one. */
    static Ownership owners(Contact contact) {
        return new Ownership(Set.of(), Optional.empty(), contact.brandId());
    }

    /** A talent's owners: their managing agent and the talent themselves. */
    static Ownership owners(Talent talent) {
        return new Ownership(talent.managingAgentId().map(Set::of).orElse(Set.of()), Optional.of(talent.id()),
                Optional.empty());
    }

    /** A deal's owners: its owner agent, its talent, its brand. */
    static Ownership owners(Deal deal) {
        return new Ownership(Set.of(deal.ownerAgentId()), Optional.of(deal.talentId()), Optional.of(deal.brandId()));
    }

    Brand brand(Access access, String id) {
        return access.require(stores.brands().findById(id), CrmRecords::owners, "brand", id);
    }

    Contact contact(Access access, String id) {
        return access.require(stores.contacts().findById(id), CrmRecords::owners, "contact", id);
    }

    Talent talent(Access access, String id) {
        return access.require(stores.talents().findById(id), CrmRecords::owners, "talent", id);
    }

    Deal deal(Access access, String id) {
        return access.require(stores.deals().findById(id), CrmRecords::owners, "deal", id);
    }

    /** Checks the brand a record names, when it names one. */
    void requireBrandIfGiven(Access access, String brandId) {
        if (brandId != null) {
            brand(access, brandId);
        }
    }

    /** Checks the subject of a note or timeline: a brand, contact, talent or deal the access permits. */
    void requireSubject(Access access, EntityRef subject) {
        switch (subject.type()) {
            case BRAND -> brand(access, subject.id());
            case CONTACT -> contact(access, subject.id());
            case TALENT -> talent(access, subject.id());
            case DEAL -> deal(access, subject.id());
            default -> throw BreakException.validation(List.of(new FieldError("#/subject/type", "TimelineSubject",
                    "must be BRAND, CONTACT, TALENT or DEAL")));
        }
    }

    /** The record as stored, if its version is the one the caller expects (VERSION_MISMATCH otherwise). */
    static <T> T requireVersion(T stored, ToLongFunction<T> version, long expected, String entity, String id) {
        if (version.applyAsLong(stored) != expected) {
            throw BreakException.versionMismatch(entity, id);
        }
        return stored;
    }
}
