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

    Brand brand(Access access, String id) {
        return access.require(stores.brands().findById(id), Ownership::of, "brand", id);
    }

    Contact contact(Access access, String id) {
        return access.require(stores.contacts().findById(id), Ownership::of, "contact", id);
    }

    Talent talent(Access access, String id) {
        return access.require(stores.talents().findById(id), Ownership::of, "talent", id);
    }

    Deal deal(Access access, String id) {
        return access.require(stores.deals().findById(id), Ownership::of, "deal", id);
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
