package com.breakagency.ports.spi;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.crm.Talent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The talent store. Every method takes part in the calling thread's unit of work; store failures are
 * thrown as {@link BreakException} PERSISTENCE_UNAVAILABLE. Contract: {@code TalentsContract}.
 */
public interface Talents {

    /**
     * Stores a new talent profile.
     *
     * @param talent the profile, version 1
     * @throws BreakException CONFLICT/ALREADY_EXISTS naming field {@code id} if the id is taken
     */
    void insert(Talent talent);

    /**
     * Replaces a talent profile, optimistically.
     *
     * @param talent the new state, whose version is the stored version + 1
     * @throws BreakException CONFLICT/VERSION_MISMATCH or NOT_FOUND
     */
    void update(Talent talent);

    /**
     * Reads a talent profile.
     *
     * @param id the id
     * @return the profile, if any
     */
    Optional<Talent> findById(String id);

    /**
     * One keyset page in ascending id order.
     *
     * @param query   the filter
     * @param afterId the last id of the previous page (it need not still exist or match), or empty
     * @param limit   1 or more; the page holds the first {@code limit} matches after the cursor, so only the
     *                last page is shorter
     * @return the profiles
     */
    List<Talent> list(Query query, Optional<String> afterId, int limit);

    /**
     * A talent listing's filter.
     *
     * @param namePrefix      the name starts with this, ignoring case, compared literally ({@code %} and {@code _}
     *        are no wildcards)
     * @param managingAgentId managed by this agent
     * @param includeArchived whether archived profiles are listed
     */
    record Query(Optional<String> namePrefix, Optional<String> managingAgentId, boolean includeArchived) {
        /**
         * Checks presence.
         *
         * @param namePrefix the name starts with this, ignoring case, compared literally ({@code %} and {@code _}
         *        are no wildcards)
         * @param managingAgentId managed by this agent
         * @param includeArchived whether archived profiles are listed
         */
        public Query {
            Objects.requireNonNull(namePrefix, "namePrefix");
            Objects.requireNonNull(managingAgentId, "managingAgentId");
        }

        /** Every profile that is not archived. */
        public static final Query ACTIVE = new Query(Optional.empty(), Optional.empty(), false);
    }
}
