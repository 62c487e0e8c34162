package com.breakagency.ports.spi;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.model.crm.BrandStatus;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The brands store. Every method takes part in the calling thread's unit of work; store failures are
 * thrown as {@link BreakException} PERSISTENCE_UNAVAILABLE. Contract: {@code BrandsContract} in
 * break-testkit.
 */
public interface Brands {

    /**
     * Stores a new brand.
     *
     * @param brand the brand, version 1, domains normalized
     * @throws BreakException CONFLICT/ALREADY_EXISTS naming field {@code domains} if another brand has one
     *                        of its domains (a unique constraint, not a prior read), or field {@code id}
     */
    void insert(Brand brand);

    /**
     * Replaces a brand, optimistically.
     *
     * @param brand the new state, whose version is the stored version + 1
     * @throws BreakException CONFLICT/VERSION_MISMATCH if the stored version is not {@code brand.version() - 1};
     *                        NOT_FOUND if there is no such brand; CONFLICT/ALREADY_EXISTS (field {@code domains})
     */
    void update(Brand brand);

    /**
     * Reads a brand.
     *
     * @param id the id
     * @return the brand, if any
     */
    Optional<Brand> findById(String id);

    /**
     * Finds the brand that owns a domain: an index look-up on the normalized domain, never a scan.
     *
     * @param normalizedDomain such as {@code brand.com}
     * @return the brand, if any
     */
    Optional<Brand> findByDomain(String normalizedDomain);

    /**
     * One keyset page: the matching brands with ids greater than {@code afterId}, in ascending id order.
     *
     * @param query   the filter
     * @param afterId the last id of the previous page (it need not still exist or match), or empty for the first page
     * @param limit   1 or more; the page holds the first {@code limit} matches after the cursor, so only the
     *                last page is shorter
     * @return the brands
     */
    List<Brand> list(Query query, Optional<String> afterId, int limit);

    /**
     * A brand listing's filter; every present part must match.
     *
     * @param namePrefix   the name starts with this, ignoring case, compared literally ({@code %} and {@code _} are
     *        no wildcards)
     * @param status       the status
     * @param ownerAgentId the owning agent
     */
    record Query(Optional<String> namePrefix, Optional<BrandStatus> status, Optional<String> ownerAgentId) {
        /**
         * Checks presence.
         *
         * @param namePrefix the name starts with this, ignoring case, compared literally ({@code %} and {@code _}
         *        are no wildcards)
         * @param status the status
         * @param ownerAgentId the owning agent
         */
        public Query {
            Objects.requireNonNull(namePrefix, "namePrefix");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(ownerAgentId, "ownerAgentId");
        }

        /** Everything. */
        public static final Query ALL = new Query(Optional.empty(), Optional.empty(), Optional.empty());
    }
}
