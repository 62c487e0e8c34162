package com.breakagency.ports.spi;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.crm.Contact;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The contacts store. Every method takes part in the calling thread's unit of work; store failures are
 * thrown as {@link BreakException} PERSISTENCE_UNAVAILABLE. Contract: {@code ContactsContract}.
 */
public interface Contacts {

    /**
     * Stores a new contact.
     *
     * @param contact the contact, version 1, addresses normalized
     * @throws BreakException CONFLICT/ALREADY_EXISTS naming field {@code emails} if any of its addresses
     *                        (primary or other) belongs to another contact, or field {@code id}
     */
    void insert(Contact contact);

    /**
     * Replaces a contact, optimistically.
     *
     * @param contact the new state, whose version is the stored version + 1
     * @throws BreakException CONFLICT/VERSION_MISMATCH, NOT_FOUND, or CONFLICT/ALREADY_EXISTS (field {@code emails})
     */
    void update(Contact contact);

    /**
     * Reads a contact.
     *
     * @param id the id
     * @return the contact, if any
     */
    Optional<Contact> findById(String id);

    /**
     * Finds the contact with an address, primary or other: an index look-up on the normalized
     * address, never a scan.
     *
     * @param normalizedEmail such as {@code jane@brand.com}
     * @return the contact, if any
     */
    Optional<Contact> findByEmail(String normalizedEmail);

    /**
     * One keyset page in ascending id order.
     *
     * @param query   the filter
     * @param afterId the last id of the previous page (it need not still exist or match), or empty
     * @param limit   1 or more; the page holds the first {@code limit} matches after the cursor, so only the
     *                last page is shorter
     * @return the contacts
     */
    List<Contact> list(Query query, Optional<String> afterId, int limit);

    /**
     * A contact listing's filter.
     *
     * @param brandId         contacts of this brand
     * @param namePrefix      the name starts with this, ignoring case, compared literally ({@code %} and {@code _}
     *        are no wildcards)
     * @param includeArchived whether archived contacts are listed
     */
    record Query(Optional<String> brandId, Optional<String> namePrefix, boolean includeArchived) {
        /**
         * Checks presence.
         *
         * @param brandId contacts of this brand
         * @param namePrefix the name starts with this, ignoring case, compared literally ({@code %} and {@code _}
         *        are no wildcards)
         * @param includeArchived whether archived contacts are listed
         */
        public Query {
            Objects.requireNonNull(brandId, "brandId");
            Objects.requireNonNull(namePrefix, "namePrefix");
        }

        /** Every contact that is not archived. */
        public static final Query ACTIVE = new Query(Optional.empty(), Optional.empty(), false);
    }
}
